import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startDropProxy} from '../support/drop-proxy.mjs';
import {startServer} from '../support/quanda-server.mjs';
import type {PostBody} from '../../src/api/schemas.js';
import {shownText} from '../support/bodies.js';
import {httpRequest, mintViewer, portOf, write} from './real-http.js';

type Server = Awaited<ReturnType<typeof startServer>>;

/**
 * The server commits a write, the connection drops before the response, and the client
 * retries with the same Idempotency-Key: there is one answer, whether the retry reaches
 * the same process, a second process on the same database, or the first one restarted.
 * Real processes, a real TCP proxy that loses the response, nothing inside the server.
 */
describe('exactly once, when the response is lost', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-once-'));
  let first: Server;
  let second: Server;
  let proxy: Awaited<ReturnType<typeof startDropProxy>>;
  let reader: string;

  before(async () => {
    first = await startServer({dir, fixture: {questions: [{id: 'q'}]}});
    second = await startServer({dir});
    proxy = await startDropProxy(portOf(first.url));
    reader = await mintViewer(first.api);
  });
  after(async () => {
    await proxy?.stop();
    await first?.stop();
    await second?.stop();
    rmSync(dir, {recursive: true, force: true});
  });

  const answers = async () => {
    const {body} = await httpRequest(`${first.api}/questions/q`);
    return body.answers as {id: string; body: PostBody}[];
  };

  /** Sends an answer through the proxy, losing the response; returns the key to retry with. */
  async function answerAndLoseTheResponse(text: string) {
    const key = randomUUID();
    proxy.dropNextResponse();
    await assert.rejects(
      write(`${proxy.url}/api`, 'POST', '/questions/q/answers', {body: text}, {token: reader, key}),
      /socket hang up|ECONNRESET/,
    );
    // The write was committed before the response was lost.
    assert.equal((await answers()).filter((a) => shownText(a.body) === text).length, 1);
    return key;
  }

  async function retry(text: string, key: string) {
    const reply = await write(
      `${proxy.url}/api`,
      'POST',
      '/questions/q/answers',
      {body: text},
      {token: reader, key},
    );
    assert.equal(reply.status, 201, reply.text);
    assert.equal(reply.headers['idempotent-replayed'], 'true');
    const matching = (await answers()).filter((a) => shownText(a.body) === text);
    assert.equal(matching.length, 1);
    assert.equal(reply.body.id, matching[0].id);
  }

  it('keeps one answer when the retry reaches the same process', async () => {
    const text = 'Retried on the same server process, after a lost response.';
    const key = await answerAndLoseTheResponse(text);
    await retry(text, key);
    assert.equal(proxy.dropped, 1);
  });

  it('keeps one answer when the retry reaches a second process on the same database', async () => {
    const text = 'Retried on another server process, after a lost response.';
    const key = await answerAndLoseTheResponse(text);
    proxy.setUpstream(portOf(second.url));
    await retry(text, key);
    proxy.setUpstream(portOf(first.url));
  });

  it('keeps one answer when the retry reaches the server after a restart', async () => {
    const text = 'Retried after the server restarted, after a lost response.';
    const key = await answerAndLoseTheResponse(text);
    await first.stop();
    first = await startServer({dir});
    proxy.setUpstream(portOf(first.url));
    await retry(text, key);
    assert.equal((await answers()).length, 3);
  });
});
