import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {writeFixture} from '../support/quanda-server.mjs';
import {databaseName, dropDatabase, freshDatabase} from '../support/test-db.mjs';
import {httpRequest, mintViewer, portOf} from './real-http.js';
import {spawnServer} from './server-process.js';

/** A raw connection to `url`, with everything the server sends collected. */
async function open(url: string) {
  const socket = connect(portOf(url), '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  return {
    socket,
    closed,
    get received() {
      return received;
    },
  };
}

describe(`Stopping the server (${databaseName})`, () => {
  let dir: string;
  let target: string;
  let server: ReturnType<typeof spawnServer>;
  let url: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quanda-shutdown-'));
    target = await freshDatabase(join(dir, 'quanda.db'));
    await writeFixture(target, {questions: [{id: 'q'}]});
  });
  after(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await dropDatabase(target);
    rmSync(dir, {recursive: true, force: true});
  });

  it('answers the request in flight, closes every other connection at once, and exits 0', async () => {
    server = spawnServer({QUANDA_DB: target});
    [, url] = await server.waitFor(/running at (http:\/\/\S+?)\/?$/m);
    const token = await mintViewer(`${url}/api`);

    // A connection opened ahead of time with nothing sent on it, as browsers and proxies keep.
    const preconnected = await open(url);
    // A keep-alive connection, idle after its first request.
    const idle = await open(url);
    idle.socket.write(`GET /api/health HTTP/1.1\r\nHost: quanda\r\n\r\n`);
    while (!/\r\n\r\n/.test(idle.received)) await new Promise((r) => idle.socket.once('data', r));
    // A write whose headers have arrived and whose body has not: the server is reading it.
    const body = JSON.stringify({body: 'Still being sent when the server is asked to stop.'});
    const inFlight = await open(url);
    inFlight.socket.write(
      [
        'POST /api/questions/q/answers HTTP/1.1',
        'Host: quanda',
        `Authorization: Bearer ${token}`,
        `Idempotency-Key: ${randomUUID()}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        body.slice(0, 10),
      ].join('\r\n'),
    );
    // The server reads sockets in the order their bytes arrived: once a later request is
    // answered, the write's headers have been read and it is in flight.
    await httpRequest(`${url}/api/health`);

    server.child.kill('SIGTERM');
    await server.waitFor(/SIGTERM: finishing the requests in flight/);
    await Promise.all([preconnected.closed, idle.closed]);
    assert.equal(server.child.exitCode, null, 'still running while a request is in flight');

    inFlight.socket.write(body.slice(10));
    await inFlight.closed;
    assert.match(inFlight.received, /^HTTP\/1\.1 201 /);
    assert.match(inFlight.received, /\r\nconnection: close\r\n/i);
    assert.equal(await server.exited, 0, server.output);
    assert.doesNotMatch(server.output, /still running after/);

    // The answer was stored: a server started again on the same database lists it.
    server = spawnServer({QUANDA_DB: target});
    [, url] = await server.waitFor(/running at (http:\/\/\S+?)\/?$/m);
    const thread = await httpRequest(`${url}/api/questions/q`);
    assert.equal(thread.body.answers.length, 1);
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, server.output);
  });
});
