import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startDropProxy} from '../support/drop-proxy.mjs';
import {startServer} from '../support/quanda-server.mjs';
import {databaseName} from '../support/test-db.mjs';
import {httpRequest, mintViewer, portOf, write} from './real-http.js';

type Server = Awaited<ReturnType<typeof startServer>>;

const LIMITS = {QUANDA_LIMIT_COMMENTS: '3/100'};

/**
 * Two server processes on one database behind a round-robin proxy, as a site that has
 * outgrown one machine runs them: every request opens a connection of its own, so a
 * reader's requests alternate between the two, and every guarantee must hold across them.
 */
describe(`two instances behind a round-robin proxy (${databaseName})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-instances-'));
  let servers: Server[] = [];
  let proxy: Awaited<ReturnType<typeof startDropProxy>>;
  let api: string;
  let answerId: string;

  before(async () => {
    const fixture = {questions: [{id: 'q', answers: 1}]};
    const first = await startServer({dir, fixture, env: LIMITS});
    servers = [first, await startServer({dir, env: LIMITS})];
    answerId = (first.fixture as any).q.answers[0].id;
    proxy = await startDropProxy(servers.map((server) => portOf(server.url)));
    api = `${proxy.url}/api`;
  });
  after(async () => {
    await proxy?.stop();
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dir, {recursive: true, force: true});
  });

  /** The request lines each server logged for `method path`. */
  const served = (method: string, path: string) =>
    servers.map(
      (server) => server.lines.filter((line) => line.startsWith(`${method} /api${path} `)).length,
    );

  const thread = async (through = api) => (await httpRequest(`${through}/questions/q`)).body;

  it('answer both health checks, and a token minted on one is known to the other', async () => {
    for (const server of servers) {
      const health = await httpRequest(`${server.api}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(health.body, {ok: true});
    }
    const token = await mintViewer(servers[0].api);
    const reply = await write(
      servers[1].api,
      'PUT',
      `/posts/${answerId}/vote`,
      {value: 0},
      {token},
    );
    assert.equal(reply.status, 200, reply.text);
  });

  it('alternate a reader’s writes, and each reads what the other wrote', async () => {
    const token = await mintViewer(api);
    const before = served('POST', '/questions/q/answers');
    const texts = ['Written through the proxy, first.', 'Written through the proxy, second.'];
    for (const text of texts) {
      const reply = await write(api, 'POST', '/questions/q/answers', {body: text}, {token});
      assert.equal(reply.status, 201, reply.text);
    }
    const after = served('POST', '/questions/q/answers');
    assert.deepEqual(
      after.map((n, i) => n - before[i]),
      [1, 1],
      'one answer on each instance',
    );
    for (const server of servers) {
      const {answers} = await thread(server.api);
      for (const text of texts) {
        assert.ok(
          answers.some((a: {body: {html: string}}) => a.body.html.includes(text)),
          `${text} on ${server.url}`,
        );
      }
    }
  });

  it('apply a write once when its response is lost and the retry reaches the other', async () => {
    const token = await mintViewer(api);
    const text = 'Answered once, though its response was lost on the way.';
    const key = randomUUID();
    proxy.dropNextResponse();
    await assert.rejects(
      write(api, 'POST', '/questions/q/answers', {body: text}, {token, key}),
      /socket hang up|ECONNRESET/,
    );
    const retried = await write(api, 'POST', '/questions/q/answers', {body: text}, {token, key});
    assert.equal(retried.status, 201, retried.text);
    assert.equal(retried.headers['idempotent-replayed'], 'true');
    const {answers} = await thread();
    const matching = answers.filter((a: {body: {html: string}}) => a.body.html.includes(text));
    assert.equal(matching.length, 1);
    assert.equal(matching[0].id, retried.body.id);
  });

  it('move the score by exactly one for 100 identical votes of one reader at once', async () => {
    const token = await mintViewer(api);
    const score = async () =>
      (await thread()).answers.find((a: {id: string}) => a.id === answerId).score as number;
    const before = await score();
    const replies = await Promise.all(
      Array.from({length: 100}, () =>
        write(api, 'PUT', `/posts/${answerId}/vote`, {value: 1}, {token}),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    assert.deepEqual(
      new Set(statuses),
      new Set([200]),
      replies.find((r) => r.status !== 200)?.text,
    );
    assert.equal(await score(), before + 1);
    for (const reply of replies) assert.deepEqual(reply.body, {score: before + 1, viewerVote: 1});
    const [first, second] = served('PUT', `/posts/${answerId}/vote`);
    assert.ok(first >= 50 && second >= 50, `votes on each: ${first}, ${second}`);
  });

  it('count an hourly limit across both: the fourth comment is refused on either', async () => {
    const token = await mintViewer(api);
    const statuses = [];
    for (let i = 1; i <= 5; i++) {
      const reply = await write(api, 'POST', '/posts/q/comments', {body: `Comment ${i}`}, {token});
      statuses.push(reply.status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
  });
});
