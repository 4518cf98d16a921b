import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {request} from 'node:http';
import type {IncomingHttpHeaders} from 'node:http';
import {after, before, describe, it} from 'node:test';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {build} from 'vite';
import {migrationNames} from '../../src/server/db/migrations.js';
import {startServer} from '../support/quanda-server.mjs';
import {onPostgres} from '../support/test-db.mjs';

/** A GET whose body comes back as sent, compressed or not (fetch would decompress it). */
function get(url: string, headers: Record<string, string>) {
  return new Promise<{status: number; headers: IncomingHttpHeaders; body: Buffer}>(
    (resolve, reject) => {
      request(url, {headers, agent: false}, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

/** The server as `npm start` runs it: a process, a fresh database, the demo site. */
describe('reference server process', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer({seed: true});
  });
  after(() => server.stop());

  it('creates, migrates and seeds its database on first run', async () => {
    if (!onPostgres) assert.ok(existsSync(server.db));
    assert.ok(
      server.lines.some((line) => line.includes(`migrated (${migrationNames.join(', ')})`)),
    );
    const response = await fetch(`${server.api}/questions/therapist-confidentiality`);
    assert.equal(response.status, 200);
    const thread = (await response.json()) as {question: {score: number}; answers: unknown[]};
    assert.equal(thread.question.score, 11);
    assert.equal(thread.answers.length, 5);
  });

  it('serves the demo article with the widget embedded by one script tag and one element', async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /<script type="module" src="\/quanda.js"><\/script>/);
    assert.match(page, /<quanda-thread endpoint="\/api" question-id="therapist-confidentiality"/);
  });

  it('serves the drop-in file to any origin, cached briefly', {timeout: 120_000}, async () => {
    // The file `npm start` builds first: built here when this checkout has none yet.
    if (!existsSync('dist/quanda.js')) await build({logLevel: 'silent'});
    const response = await fetch(`${server.url}/quanda.js`, {
      headers: {origin: 'https://blog.example.org'},
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('content-type')!, /javascript/);
    assert.match(response.headers.get('cache-control')!, /max-age=300/);
    assert.ok(response.headers.get('etag'));
  });

  it('sends the drop-in file and its chunks compressed as the browser accepts', async () => {
    if (!existsSync('dist/quanda.js.br')) await build({logLevel: 'silent'});
    const file = readFileSync('dist/quanda.js');
    const chunk = /["'`]\.\/(chunks\/[^"'`]+\.js)["'`]/.exec(file.toString())?.[1];
    assert.ok(chunk, 'the drop-in file imports a chunk');
    const sizes: string[] = [];
    for (const path of ['/quanda.js', `/${chunk}`]) {
      const original = readFileSync(`dist${path}`);
      for (const [accept, encoding, decode] of [
        ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
        ['gzip, deflate', 'gzip', gunzipSync],
        ['', undefined, (data: Buffer) => data],
      ] as const) {
        const reply = await get(`${server.url}${path}`, accept ? {'accept-encoding': accept} : {});
        assert.equal(reply.status, 200);
        assert.equal(reply.headers['content-encoding'], encoding, `${path}, ${accept}`);
        assert.match(String(reply.headers['vary']), /accept-encoding/i);
        assert.match(String(reply.headers['content-type']), /javascript/);
        assert.deepEqual(decode(reply.body), original, `${path} as ${encoding ?? 'is'}`);
        sizes.push(
          `${path.replace(/-[\w-]+\.js$/, '-….js')} ${encoding ?? 'identity'} ${reply.body.length} B`,
        );
      }
    }
    console.log(`on the wire: ${sizes.join(', ')}`);
  });

  it('gzips a thread’s JSON for a browser, and leaves writes alone', async () => {
    const thread = await get(`${server.api}/questions/therapist-confidentiality`, {
      'accept-encoding': 'gzip, deflate, br',
    });
    assert.equal(thread.status, 200);
    assert.equal(thread.headers['content-encoding'], 'gzip');
    const json = gunzipSync(thread.body);
    assert.equal((JSON.parse(json.toString()) as {answers: unknown[]}).answers.length, 5);
    console.log(`thread JSON: ${json.length} B, ${thread.body.length} B gzipped`);

    const plain = await get(`${server.api}/questions/therapist-confidentiality`, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    const {serverTime: _, ...sent} = JSON.parse(plain.body.toString()) as {serverTime: string};
    const {serverTime: __, ...received} = JSON.parse(json.toString()) as {serverTime: string};
    assert.deepEqual(received, sent);

    const viewer = await fetch(`${server.api}/viewer`, {
      method: 'POST',
      headers: {'accept-encoding': 'gzip'},
    });
    assert.equal(viewer.status, 201);
    assert.equal(viewer.headers.get('content-encoding'), null);
  });

  it('keeps its data across a restart', async () => {
    const again = await startServer({seed: true, dir: server.dir});
    try {
      assert.ok(!again.lines.some((line) => line.includes('seeded')));
      const response = await fetch(`${again.api}/questions/therapist-confidentiality`);
      assert.equal(response.status, 200);
    } finally {
      await again.stop();
    }
  });
});
