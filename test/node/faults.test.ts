import assert from 'node:assert/strict';
import {randomBytes, randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import pg from 'pg';
import {startServer, writeFixture} from '../support/quanda-server.mjs';
import {startTcpProxy} from '../support/tcp-proxy.mjs';
import {TEST_PG, dropDatabase, freshDatabase, onPostgres} from '../support/test-db.mjs';
import {httpRequest, mintViewer, write} from './real-http.js';
import type {HttpReply} from './real-http.js';
import {spawnServer} from './server-process.js';

type Proxy = Awaited<ReturnType<typeof startTcpProxy>>;

const skip = !onPostgres && 'PostgreSQL faults: the PostgreSQL half of the suite runs them';

/** `target` (a test database's URL) reached through `port` instead, under its own name. */
function through(target: string, port: number, name: string) {
  const url = new URL(target);
  url.port = String(port);
  url.searchParams.set('application_name', name);
  return url.toString();
}

const pgPort = () => Number(new URL(TEST_PG!).port || 5432);

describe('PostgreSQL faults', {skip}, () => {
  describe('down at start', () => {
    let proxy: Proxy;
    let target: string;
    before(async () => {
      proxy = await startTcpProxy(pgPort(), {down: true});
      target = await freshDatabase();
    });
    after(async () => {
      await proxy.stop();
      await dropDatabase(target);
    });

    it('says so on each try, then starts once the database answers', async () => {
      const server = spawnServer({
        QUANDA_DB: through(target, proxy.port, 'quanda-faults'),
        QUANDA_DB_CONNECT_ATTEMPTS: '30',
      });
      try {
        await server.waitFor(/does not answer \(attempt 1 of 30: .*ECONNREFUSED/);
        await proxy.up();
        const [, url] = await server.waitFor(/running at (http:\/\/\S+?)\/?$/m);
        assert.equal((await httpRequest(`${url}/api/health`)).status, 200);
      } finally {
        server.child.kill('SIGTERM');
        assert.equal(await server.exited, 0, server.output);
      }
    });

    it('exits non-zero with one clear line when it never answers, hiding the password', async () => {
      const url = new URL(through(target, proxy.port, 'quanda-faults'));
      url.password = 'secret-password';
      await proxy.down();
      const server = spawnServer({
        QUANDA_DB: url.toString(),
        QUANDA_DB_CONNECT_ATTEMPTS: '2',
      });
      assert.equal(await server.exited, 1);
      assert.match(server.output, /does not answer \(attempt 1 of 2/);
      assert.match(
        server.output,
        /could not reach the database at postgres:\/\/.* after 2 attempts/,
      );
      assert.match(server.output, /not started/);
      assert.ok(!server.output.includes('secret-password'), server.output);
    });
  });

  describe('a restart under load', () => {
    let proxy: Proxy;
    let target: string;
    let server: ReturnType<typeof spawnServer>;
    let api: string;
    const name = `quanda-restart-${randomBytes(4).toString('hex')}`;

    before(async () => {
      proxy = await startTcpProxy(pgPort());
      target = await freshDatabase();
      await writeFixture(target, {questions: [{id: 'q', answers: 1}]});
      server = spawnServer({
        QUANDA_DB: through(target, proxy.port, name),
        QUANDA_LIMIT_ANSWERS: '1000/1000',
      });
      const [, url] = await server.waitFor(/running at (http:\/\/\S+?)\/?$/m);
      api = `${url}/api`;
    });
    after(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
      await proxy.stop();
      await dropDatabase(target);
    });

    /** What PostgreSQL does to its clients on a fast shutdown: ends their sessions (57P01). */
    async function terminateSessions() {
      const admin = new pg.Client({connectionString: TEST_PG});
      await admin.connect();
      try {
        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
          [name],
        );
      } finally {
        await admin.end();
      }
    }

    const answer = (text: string, token: string, key: string) =>
      write(api, 'POST', '/questions/q/answers', {body: text}, {token, key});

    it('answers 503 while it is away, recovers, and loses or doubles no write', async () => {
      const readers = await Promise.all(Array.from({length: 8}, () => mintViewer(api)));
      const replies: {text: string; key: string; token: string; reply: HttpReply}[] = [];
      let phase: 'before' | 'down' | 'after' = 'before';
      let seen503 = false;
      let okAfter = 0;
      let n = 0;
      // Outcomes the test waits on, checked after every reply.
      const waiting: {done: () => boolean; resolve: () => void}[] = [];
      const until = (done: () => boolean) =>
        new Promise<void>((resolve) => (done() ? resolve() : waiting.push({done, resolve})));
      const check = () => {
        for (const waiter of [...waiting]) {
          if (!waiter.done()) continue;
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve();
        }
      };

      // Eight readers answer in a loop; the database goes away while they do.
      const worker = async (token: string) => {
        while (okAfter < 20) {
          const text = `Answer ${++n}, written while the database restarts.`;
          const key = randomUUID();
          const reply = await answer(text, token, key);
          replies.push({text, key, token, reply});
          if (reply.status === 503) seen503 = true;
          if (phase === 'after' && reply.status === 201) okAfter++;
          check();
        }
      };
      const load = Promise.all(readers.map(worker));
      await until(() => replies.length >= 20);
      phase = 'down';
      await terminateSessions();
      await proxy.down();
      await until(() => seen503);
      const health = await httpRequest(`${api}/health`);
      assert.equal(health.status, 503);
      assert.deepEqual(health.body, {ok: false});
      await proxy.up();
      phase = 'after';
      await load;

      const statuses = new Set(replies.map(({reply}) => reply.status));
      assert.deepEqual([...statuses].sort(), [201, 503], 'only written or 503, never a 500');
      for (const {reply} of replies.filter(({reply}) => reply.status === 503)) {
        assert.equal(reply.body.error.code, 'unavailable');
        assert.equal(reply.headers['retry-after'], '1');
      }
      assert.equal((await httpRequest(`${api}/health`)).status, 200);

      // Each refused write, retried with its key, is written once; none is written twice.
      for (const {text, key, token} of replies.filter(({reply}) => reply.status === 503)) {
        const retried = await answer(text, token, key);
        assert.equal(retried.status, 201, retried.text);
      }
      const all = [];
      let cursor = '';
      for (;;) {
        const page = await httpRequest(`${api}/questions/q?sort=oldest${cursor}`);
        all.push(...(page.body.answers as {body: {html: string}}[]));
        if (!page.body.nextCursor) break;
        cursor = `&cursor=${page.body.nextCursor}`;
        if (page.body.answers.length === 0) break;
      }
      const question = (await httpRequest(`${api}/questions/q`)).body.question;
      assert.equal(all.length, replies.length + 1); // the fixture's answer and each one sent
      assert.equal(question.answerCount, all.length, 'the count is the answers there');
      for (const {text} of replies) {
        assert.equal(all.filter((a) => a.body.html.includes(text)).length, 1, text);
      }
      assert.equal(server.child.exitCode, null, 'the server is still running');
    });
  });

  describe('a burst bigger than the pool', () => {
    it('waits in line for the two connections it has, and fails no request', async () => {
      const server = await startServer({
        fixture: {questions: [{id: 'q', answers: 1}]},
        env: {QUANDA_DB_POOL: '2', QUANDA_LIMIT_VIEWERS: '1/1000'},
      });
      try {
        const answerId = (server.fixture as any).q.answers[0].id as string;
        const readers = await Promise.all(Array.from({length: 100}, () => mintViewer(server.api)));
        const replies = await Promise.all([
          ...readers.map((token) =>
            write(server.api, 'PUT', `/posts/${answerId}/vote`, {value: 1}, {token}),
          ),
          ...readers.map(() => httpRequest(`${server.api}/questions/q`)),
        ]);
        assert.deepEqual(new Set(replies.map((reply) => reply.status)), new Set([200]));
        const thread = (await httpRequest(`${server.api}/questions/q`)).body;
        assert.equal(thread.answers[0].score, 100);
      } finally {
        await server.stop();
      }
    });

    it('refuses at once with 503, not 500, what does not fit in a full line', async () => {
      const server = await startServer({
        fixture: {questions: [{id: 'q', answers: 1}]},
        env: {QUANDA_DB_POOL: '1', QUANDA_DB_QUEUE: '2'},
      });
      try {
        const replies = await Promise.all(
          Array.from({length: 60}, () => httpRequest(`${server.api}/questions/q`)),
        );
        const statuses = replies.map((reply) => reply.status);
        assert.ok(statuses.includes(200), 'those in line are served');
        assert.ok(statuses.includes(503), 'the line is bounded');
        assert.deepEqual(new Set(statuses), new Set([200, 503]));
        const refused = replies.find((reply) => reply.status === 503)!;
        assert.equal(refused.body.error.code, 'unavailable');
      } finally {
        await server.stop();
      }
    });
  });
});
