/**
 * `quanda conformance` as a team would run it: the published command line (built as
 * `npm run build` builds it, without the server and without tsx) against the reference
 * server on a real database, and against a backend broken on purpose.
 */
import assert from 'node:assert/strict';
import {execFile, spawn} from 'node:child_process';
import {rmSync} from 'node:fs';
import {createServer} from 'node:http';
import type {Server} from 'node:http';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {runTs, startServer} from '../support/quanda-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Inside the checkout, so the built command finds zod as an installed package would. */
const BUILT = join(ROOT, 'node_modules/.cache/quanda-cli-test');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(child: ReturnType<typeof spawn>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (data) => (stdout += data));
  child.stderr!.on('data', (data) => (stderr += data));
  return new Promise((resolve) => child.on('exit', (code) => resolve({code, stdout, stderr})));
}

/** The published command line: plain node, the built file. */
const quanda = (args: string[]) =>
  collect(
    spawn(process.execPath, [join(BUILT, 'cli/quanda.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {...process.env, QUANDA_ADMIN_TOKEN: '', QUANDA_MODERATOR_TOKEN: ''},
    }),
  );

type Started = Awaited<ReturnType<typeof startServer>>;

describe('quanda conformance', () => {
  let server: Started;
  const tokens = (target: Started) => [
    '--admin-token',
    target.adminToken,
    '--moderator-token',
    target.moderatorToken,
  ];

  before(async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const [started] = await Promise.all([
      startServer({
        fixture: {questions: [{id: 'read-me', answers: 12, accept: 4, answerComments: [2]}]},
      }),
      promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.cli.json', '--outDir', BUILT], {
        cwd: ROOT,
      }),
    ]);
    server = started;
  });
  after(async () => {
    await server?.stop();
    rmSync(BUILT, {recursive: true, force: true});
  });

  it('builds without the server code', async () => {
    const built = await promisify(execFile)('find', [BUILT, '-name', '*.js']);
    assert.match(built.stdout, /conformance\/suite\.js/);
    assert.doesNotMatch(built.stdout, /server\//);
  });

  it('passes against the reference server, every check run', async () => {
    const run = await quanda(['conformance', server.api, ...tokens(server)]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^\d+ passed, 0 failed, 0 skipped$/m);
    for (const operation of [
      'createQuestion',
      'createViewer',
      'getThread',
      'getComments',
      'postAnswer',
      'postComment',
      'vote',
      'setAcceptedAnswer',
      'clearAcceptedAnswer',
      'moderatePost',
      'removePost',
    ]) {
      assert.match(run.stdout, new RegExp(`^ok +${operation}: `, 'm'), operation);
    }
  });

  it('reads a live question without writing anything with --read-only', async () => {
    // What a reader sees, but for the server's clock.
    const read = () =>
      fetch(`${server.api}/questions/read-me`)
        .then((reply) => reply.text())
        .then((text) => text.replace(/"serverTime":"[^"]*"/, ''));
    const before = await read();
    const run = await quanda(['conformance', server.api, '--read-only', '--question', 'read-me']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^7 passed, 0 failed, 0 skipped$/m);
    assert.equal(await read(), before);
  });

  it('is the same program as npm run quanda -- conformance, with JSON for machines', async () => {
    const run = await collect(
      runTs('src/cli/quanda.ts', [
        'conformance',
        server.api,
        '--read-only',
        '--question',
        'read-me',
        '--json',
      ]),
    );
    assert.equal(run.code, 0, run.stderr);
    const results = JSON.parse(run.stdout) as {outcome: string}[];
    assert.equal(results.length, 7);
    assert.ok(results.every((result) => result.outcome === 'pass'));
  });

  describe('against a backend broken on purpose', () => {
    let broken: Started;
    let proxy: Server;
    let url = '';
    before(async () => {
      broken = await startServer();
      proxy = brokenProxy(broken.url);
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(proxy.address() as {port: number}).port}/api`;
    });
    after(async () => {
      await new Promise((resolve) => proxy.close(resolve));
      await broken.stop();
    });

    it('fails, naming the operation and what the backend did', async () => {
      const run = await quanda(['conformance', url, ...tokens(broken)]);
      assert.equal(run.code, 1, run.stdout);
      // It replays nothing: the retry is a second write.
      assert.match(
        run.stdout,
        /^FAIL postAnswer: a retry with the same Idempotency-Key is applied once and replayed\n {7}the retry with the same Idempotency-Key \(it must replay the first response\): expected HTTP 201, got 409/m,
      );
      // It repeats the last answer of a page at the top of the next.
      assert.match(
        run.stdout,
        /^FAIL getThread: sort=oldest: walking the cursors lists each answer once.*\n {7}answer \w+ is listed twice across the pages/m,
      );
      assert.match(run.stdout, /^\d+ passed, [1-9]\d* failed, 0 skipped$/m);
    });
  });

  it('says what it needs when run without an endpoint', async () => {
    const run = await quanda(['conformance']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Usage: quanda conformance <endpoint>/);
    // The reference server's commands are not in the published command line.
    const seed = await quanda(['seed']);
    assert.equal(seed.code, 2);
    assert.match(
      seed.stderr,
      /"seed" needs the reference server: run it from a checkout of Quanda/,
    );
  });
});

/**
 * The reference server behind a proxy that breaks two promises: it forgets every
 * Idempotency-Key, and it repeats the last answer of each page at the top of the next.
 */
function brokenProxy(upstream: string): Server {
  const lastOfPage = new Map<string, unknown>();
  return createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (
        typeof value === 'string' &&
        !['host', 'idempotency-key', 'content-length'].includes(name)
      ) {
        headers.set(name, value);
      }
    }
    const url = new URL(request.url ?? '/', upstream);
    const reply = await fetch(url, {
      method: request.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    let text = await reply.text();
    const page = /^\/api\/questions\/[^/]+$/.test(url.pathname) && request.method === 'GET';
    if (page && reply.status === 200) {
      const thread = JSON.parse(text) as {answers: unknown[]; nextCursor: string | null};
      const cursor = url.searchParams.get('cursor');
      const repeated = cursor && lastOfPage.get(cursor);
      if (repeated) thread.answers.unshift(repeated);
      if (thread.nextCursor) lastOfPage.set(thread.nextCursor, thread.answers.at(-1));
      text = JSON.stringify(thread);
    }
    response.writeHead(reply.status, {'content-type': 'application/json'});
    response.end(text);
  });
}
