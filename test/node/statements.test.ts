import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {sql} from 'kysely';
import pg from 'pg';
import {createApi} from '../../src/server/app.js';
import {migrateToLatest} from '../../src/server/db/migrations.js';
import {openDatabase} from '../../src/server/db/open.js';
import {poolOf} from '../../src/server/db/postgres.js';
import {KyselyStore} from '../../src/server/store.js';
import {
  TEST_PG,
  databaseName,
  dropDatabase,
  freshDatabase,
  onPostgres,
} from '../support/test-db.mjs';
import {ADMIN, answerText} from './helpers.js';

/**
 * The store's statements are compiled once per database (db/prepared.ts) and, on
 * PostgreSQL, prepared once per pooled connection by name (db/postgres.ts). Reused that
 * way across transactions and connections, they must keep every guarantee of a vote:
 * one vote per reader per post, the score and the author's points in step with the votes,
 * and a key's first response replayed.
 */
describe(`${databaseName}: statements reused across transactions and connections`, () => {
  let target: string;
  /** Two APIs on one database, as two instances are: two pools of two connections each. */
  let apis: {api: ReturnType<typeof createApi>; store: KyselyStore}[] = [];
  let answerId: string;
  let authorToken: string;

  const send = (i: number, path: string, init: RequestInit) =>
    apis[i % apis.length].api.request(path, init);

  const vote = async (i: number, token: string, value: number, key: string = randomUUID()) => {
    const response = await send(i, `/posts/${answerId}/vote`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({value}),
    });
    return {status: response.status, body: (await response.json()) as {score?: number}};
  };

  const viewer = async (i = 0) => {
    const response = await send(i, '/viewer', {method: 'POST'});
    return ((await response.json()) as {token: string}).token;
  };

  /** The answer's score and its author's points, and what the vote rows say they should be. */
  const tally = async () => {
    const db = apis[0].store.db;
    const votes = await db
      .selectFrom('votes')
      .select('value')
      .where('post_id', '=', answerId)
      .execute();
    const post = await db
      .selectFrom('posts')
      .select(['score', 'author_id'])
      .where('id', '=', answerId)
      .executeTakeFirstOrThrow();
    const author = await db
      .selectFrom('viewers')
      .select('points')
      .where('id', '=', post.author_id!)
      .executeTakeFirstOrThrow();
    return {
      score: post.score,
      points: author.points,
      sum: votes.reduce((sum, row) => sum + row.value, 0),
      expectedPoints: votes.reduce((sum, row) => sum + (row.value > 0 ? 10 : -2), 0),
      rows: votes.length,
    };
  };

  before(async () => {
    target = await freshDatabase();
    // SQLite in memory: a second store would be a second database, so one store there.
    const count = onPostgres ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const db = openDatabase(target, {size: 2});
      if (i === 0) await migrateToLatest(db);
      const store = new KyselyStore(db);
      apis.push({
        store,
        api: createApi({
          store,
          config: {adminToken: ADMIN, allowedOrigins: []},
          log: () => {},
          render: (body) => Promise.resolve(`<p>${body}</p>`),
        }),
      });
    }
    const question = await send(0, '/questions', {
      method: 'POST',
      headers: {authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json'},
      body: JSON.stringify({id: 'q', title: 'A question for the statement tests'}),
    });
    assert.equal(question.status, 201);
    authorToken = await viewer();
    const answer = await send(1, '/questions/q/answers', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${authorToken}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({body: answerText('to vote on')}),
    });
    assert.equal(answer.status, 201);
    answerId = ((await answer.json()) as {id: string}).id;
  });

  after(async () => {
    await Promise.all(apis.map(({store}) => store.close()));
    apis = [];
    await dropDatabase(target);
  });

  it('keeps one vote per reader and the score and points in step, many at once', async () => {
    const readers = await Promise.all(Array.from({length: 12}, (_, i) => viewer(i)));
    // Every reader votes up, down and up again, all at once, over both pools.
    const replies = await Promise.all(
      readers.flatMap((token, r) => [1, -1, 1].map((value, v) => vote(r * 3 + v, token, value))),
    );
    assert.deepEqual(new Set(replies.map((reply) => reply.status)), new Set([200]));
    const {score, points, sum, expectedPoints, rows} = await tally();
    assert.equal(rows, readers.length, 'one vote row per reader');
    assert.equal(score, sum, 'the score is the sum of the votes');
    assert.equal(points, expectedPoints, "the author's points follow the votes");
  });

  it('moves the score by one for a reader’s identical votes at once, with one key or a key each', async () => {
    const token = await viewer();
    const before = (await tally()).score;
    const key = randomUUID();
    const sameKey = await Promise.all(Array.from({length: 20}, (_, i) => vote(i, token, 1, key)));
    assert.deepEqual(new Set(sameKey.map((reply) => reply.status)), new Set([200]));
    assert.deepEqual(new Set(sameKey.map((reply) => reply.body.score)), new Set([before + 1]));
    const keyEach = await Promise.all(Array.from({length: 20}, (_, i) => vote(i, token, 1)));
    assert.deepEqual(new Set(keyEach.map((reply) => reply.status)), new Set([200]));
    const {score, sum} = await tally();
    assert.equal(score, before + 1);
    assert.equal(score, sum);
  });

  it('keeps working after a refused write rolled its transaction back', async () => {
    const token = await viewer();
    const own = await vote(0, authorToken, 1);
    assert.equal(own.status, 403, 'an author cannot vote on their own answer');
    const reused = await vote(1, token, 1, 'key-used-twice');
    assert.equal(reused.status, 200);
    const mismatch = await vote(1, token, -1, 'key-used-twice');
    assert.equal(mismatch.status, 422, 'the same key with another request is refused');
    for (let i = 0; i < 4; i++) assert.equal((await vote(i, token, i % 2 ? 1 : -1)).status, 200);
    const {score, sum} = await tally();
    assert.equal(score, sum);
  });

  it(
    'PostgreSQL: prepares each statement once per connection, and again on a new one',
    {
      skip: !onPostgres,
    },
    async () => {
      const token = await viewer();
      const db = apis[0].store.db;
      const pool = poolOf(db)!;
      /** The named statements of one pooled connection, as PostgreSQL lists them. */
      const prepared = async () => {
        const client = await pool.connect();
        try {
          const {rows} = await client.query<{name: string}>(
            'select name from pg_prepared_statements order by name',
          );
          return rows.map((row) => row.name);
        } finally {
          client.release();
        }
      };
      for (let i = 0; i < 6; i++) assert.equal((await vote(0, token, i % 2 ? 1 : -1)).status, 200);
      const names = await prepared();
      assert.ok(names.filter((name) => name.startsWith('quanda_')).length >= 6, names.join(', '));
      for (let i = 0; i < 6; i++) assert.equal((await vote(0, token, i % 2 ? 1 : -1)).status, 200);
      assert.deepEqual(await prepared(), names, 'the same statements, not new ones');

      // The server ends both connections of the pool (a restart, a failover): the next
      // requests may get a 503, then the statements are prepared again on new connections.
      const clients = await Promise.all([pool.connect(), pool.connect()]);
      const pids = await Promise.all(
        clients.map(
          async (client) => (await client.query('select pg_backend_pid() as pid')).rows[0].pid,
        ),
      );
      for (const client of clients) client.release();
      const admin = new pg.Client({connectionString: TEST_PG});
      await admin.connect();
      try {
        await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
      } finally {
        await admin.end();
      }
      let status = 0;
      for (let attempt = 0; attempt < 10 && status !== 200; attempt++) {
        status = (await vote(0, token, 1)).status;
        assert.ok(status === 200 || status === 503, `answered ${status}`);
      }
      assert.equal(status, 200);
      const {score, sum} = await tally();
      assert.equal(score, sum);
      await sql`select 1`.execute(db);
    },
  );
});
