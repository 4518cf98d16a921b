import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {startServer} from '../support/quanda-server.mjs';
import {mintViewer, write} from './real-http.js';

type Server = Awaited<ReturnType<typeof startServer>>;

const VOTES = 100;

/**
 * One viewer's identical votes, all at once, spread over two server processes sharing
 * one SQLite file: the score moves by exactly one, with one key for all of them (the
 * stored response is replayed) or a key each (the votes table's key keeps one row).
 */
describe(`${VOTES} concurrent identical votes on two server processes`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-votes-'));
  let servers: Server[] = [];
  let answerId: string;

  before(async () => {
    const first = await startServer({dir, fixture: {questions: [{id: 'q', answers: 1}]}});
    servers = [first, await startServer({dir})];
    answerId = (first.fixture as any).q.answers[0].id;
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dir, {recursive: true, force: true});
  });

  const score = async () => {
    const response = await fetch(`${servers[1].api}/questions/q`);
    const thread = (await response.json()) as {answers: {id: string; score: number}[]};
    return thread.answers.find((answer) => answer.id === answerId)!.score;
  };

  async function voteAtOnce(token: string, keyFor: (i: number) => string) {
    const replies = await Promise.all(
      Array.from({length: VOTES}, async (_, i) => {
        const reply = await write(
          servers[i % 2].api,
          'PUT',
          `/posts/${answerId}/vote`,
          {value: 1},
          {
            token,
            key: keyFor(i),
          },
        );
        return {status: reply.status, body: reply.body as unknown};
      }),
    );
    const statuses = replies.map((reply) => reply.status);
    assert.deepEqual(
      new Set(statuses),
      new Set([200]),
      JSON.stringify(replies.find((r) => r.status !== 200)),
    );
    return replies;
  }

  it('move the score by one when they share one Idempotency-Key', async () => {
    const before = await score();
    const key = randomUUID();
    const replies = await voteAtOnce(await mintViewer(servers[0].api), () => key);
    assert.equal(await score(), before + 1);
    // Every reply is the first one, replayed.
    for (const reply of replies) assert.deepEqual(reply.body, {score: before + 1, viewerVote: 1});
  });

  it('move the score by one when each has a key of its own', async () => {
    const before = await score();
    const replies = await voteAtOnce(await mintViewer(servers[1].api), () => randomUUID());
    assert.equal(await score(), before + 1);
    for (const reply of replies) assert.deepEqual(reply.body, {score: before + 1, viewerVote: 1});
  });
});
