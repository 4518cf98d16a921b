import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {sql} from 'kysely';
import type {Kysely} from 'kysely';
import type {DB} from '../../src/server/db/database.js';
import {openDatabase} from '../../src/server/db/open.js';
import {migrateToLatest, migrationNames} from '../../src/server/db/migrations.js';
import {chooseBestAnswer} from '../../src/server/domain/votes.js';
import {InvalidCursorError, KyselyStore} from '../../src/server/store.js';
import {shownText} from '../support/bodies.js';
import {storeWrites} from '../support/store-writes.js';
import {databaseName, dropDatabase, freshDatabase, onPostgres} from '../support/test-db.mjs';

const target = await freshDatabase();

/** SQLite's plans are read here; PostgreSQL's, on 200,000 answers, by the bench (sql-plan.mjs). */
const planSkip = onPostgres && 'SQLite query plans (PostgreSQL plans are checked by npm run bench)';

describe(`KyselyStore on ${databaseName}`, () => {
  const queries: {sql: string; parameters: readonly unknown[]}[] = [];
  const db = openDatabase(target, {
    onQuery: (sql, parameters) => queries.push({sql, parameters}),
  });
  let tick = Date.parse('2026-01-01T00:00:00Z');
  const store = new KyselyStore(db, {clock: () => new Date((tick += 1000))});
  const writes = storeWrites(store);
  let asker: string;
  const answerIds: string[] = [];

  before(async () => {
    await migrateToLatest(db);
    const created = await writes.createQuestion({
      id: 'q',
      title: 'How do I start therapy?',
      body: 'Where do I begin?',
      tags: ['therapy'],
      author: {displayName: 'Sam', points: 40},
    });
    asker = (await store.viewerIdForToken(created.askerToken))!;
    for (let i = 0; i < 25; i++) {
      const author = await writes.createViewer();
      const answer = await writes.addPost('answer', 'q', {
        questionId: 'q',
        body: `answer ${i}`,
        authorId: author.id,
        displayName: i % 2 ? `Name ${i}` : null,
      });
      answerIds.push(answer.id);
    }
    // Scores: answer 7 gets 3 votes, answer 3 gets 2, answer 20 gets -1.
    for (const [index, votes] of [
      [7, 3],
      [3, 2],
      [20, -1],
    ] as const) {
      for (let v = 0; v < Math.abs(votes); v++) {
        const voter = await writes.createViewer();
        await writes.setVote(answerIds[index], voter.id, votes > 0 ? 1 : -1);
      }
    }
    await writes.setAcceptedAnswer('q', answerIds[12]);
    // Comments: 5 on the question, 2 on answer 7, 1 on answer 3.
    for (const [parentId, count] of [
      ['q', 5],
      [answerIds[7], 2],
      [answerIds[3], 1],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const author = await writes.createViewer();
        await writes.addPost('comment', parentId, {
          questionId: 'q',
          body: `comment ${i} on ${parentId}`,
          authorId: author.id,
        });
      }
    }
  });
  after(async () => {
    await store.close();
    await dropDatabase(target);
  });

  it('records every migration it ran, and runs none twice', async () => {
    assert.deepEqual(await migrateToLatest(db), []);
    const rows = await db
      .selectFrom('quanda_migrations' as never)
      .selectAll()
      .execute();
    assert.equal(rows.length, migrationNames.length);
  });

  it('lists the accepted answer first, then by votes, oldest first among equals', async () => {
    const thread = (await store.getThread('q', {sort: 'votes', viewerId: null}))!;
    const bodies = thread.answers.map((a) => shownText(a.body));
    assert.deepEqual(bodies.slice(0, 4), ['answer 12', 'answer 7', 'answer 3', 'answer 0']);
    assert.equal(thread.answers[0].isAccepted, true);
    assert.equal(thread.answers.filter((a) => a.isAccepted).length, 1);
    assert.equal(thread.answers.length, 11);
    assert.ok(thread.nextCursor);
    assert.equal(thread.question.answerCount, 25);
  });

  for (const sort of ['votes', 'oldest', 'newest'] as const) {
    it(`pages through all answers exactly once, sorted by ${sort}`, async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = (await store.getThread('q', {sort, cursor, viewerId: null, limit: 7}))!;
        seen.push(...page.answers.map((a) => a.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      assert.equal(new Set(seen).size, 25);
      assert.equal(seen.length, 25);
      assert.equal(pages, 4);
      if (sort === 'newest') assert.equal(seen[1], answerIds[24]);
      if (sort === 'oldest') assert.equal(seen[1], answerIds[0]);
      if (sort === 'votes') assert.equal(seen.at(-1), answerIds[20]);
    });
  }

  it('refuses a cursor it did not make, or one from another sort', async () => {
    const page = (await store.getThread('q', {sort: 'votes', viewerId: null}))!;
    await assert.rejects(
      store.getThread('q', {sort: 'oldest', cursor: page.nextCursor!, viewerId: null}),
      InvalidCursorError,
    );
    await assert.rejects(
      store.getThread('q', {sort: 'votes', cursor: 'not-a-cursor', viewerId: null}),
      InvalidCursorError,
    );
    const forged = Buffer.from(JSON.stringify(['votes', 'x', 1, 2])).toString('base64url');
    await assert.rejects(
      store.getThread('q', {sort: 'votes', cursor: forged, viewerId: null}),
      InvalidCursorError,
    );
  });

  it('knows the viewer: the asker, their vote, and their own posts', async () => {
    const voter = await writes.createViewer();
    await writes.setVote(answerIds[5], voter.id, -1);
    const asVoter = (await store.getThread('q', {sort: 'oldest', viewerId: voter.id, limit: 50}))!;
    assert.equal(asVoter.viewer.isAsker, false);
    assert.equal(asVoter.answers.find((a) => a.id === answerIds[5])!.viewerVote, -1);
    assert.equal(
      asVoter.answers.find((a) => a.id === answerIds[12])!.viewerCan.accept.reason,
      'not-asker',
    );

    const asAsker = (await store.getThread('q', {sort: 'votes', viewerId: asker}))!;
    assert.equal(asAsker.viewer.isAsker, true);
    assert.equal(asAsker.question.author.isViewer, true);
    assert.deepEqual(asAsker.question.viewerCan.vote, {allowed: false, reason: 'own-post'});
    assert.deepEqual(asAsker.answers[0].viewerCan.accept, {allowed: true});
  });

  it('counts a vote once per viewer, lets it change, and moves the score and points with it', async () => {
    const voter = await writes.createViewer();
    const post = answerIds[1];
    const points = async () =>
      (
        await db
          .selectFrom('posts as p')
          .innerJoin('viewers as v', 'v.id', 'p.author_id')
          .select('v.points')
          .where('p.id', '=', post)
          .executeTakeFirstOrThrow()
      ).points;
    const before = await points();
    assert.equal((await writes.setVote(post, voter.id, 1)).score, 1);
    assert.equal((await writes.setVote(post, voter.id, 1)).score, 1);
    assert.equal(await points(), before + 10);
    assert.equal((await writes.setVote(post, voter.id, -1)).score, -1);
    assert.equal(await points(), before - 2);
    assert.equal((await writes.setVote(post, voter.id, 0)).score, 0);
    assert.equal(await points(), before);
  });

  it('hides points of anonymous authors', async () => {
    const thread = (await store.getThread('q', {sort: 'oldest', viewerId: null}))!;
    assert.deepEqual(thread.answers[1].author, {displayName: null, points: null, isViewer: false});
    assert.equal(thread.answers[2].author.displayName, 'Name 1');
    assert.equal(typeof thread.answers[2].author.points, 'number');
  });

  it('reads a page with every post’s latest comments in four queries, however many there are', async () => {
    for (const limit of [5, 50]) {
      for (const viewerId of [null, asker]) {
        queries.length = 0;
        const thread = (await store.getThread('q', {sort: 'votes', viewerId, limit}))!;
        // The question, the leading answers (accepted, the viewer's own unpublished), the page,
        // and one query for the comments of all of them: a part per post shown.
        assert.equal(queries.length, 4);
        const parts = queries[3].sql.split(' union all ').length;
        assert.equal(parts, 1 + thread.answers.length);
        assert.equal(thread.question.comments.count, 5);
      }
    }
  });

  it('shows the latest few comments of each post, oldest first among them, and the count', async () => {
    const thread = (await store.getThread('q', {sort: 'votes', viewerId: null}))!;
    const {comments} = thread.question;
    assert.equal(comments.count, 5);
    assert.deepEqual(
      comments.items.map((c) => shownText(c.body)),
      ['comment 2 on q', 'comment 3 on q', 'comment 4 on q'],
    );
    const byId = new Map(thread.answers.map((a) => [a.id, a.comments]));
    assert.deepEqual(byId.get(answerIds[7])!.count, 2);
    assert.deepEqual(
      byId.get(answerIds[7])!.items.map((c) => c.parentId),
      [answerIds[7], answerIds[7]],
    );
    assert.equal(byId.get(answerIds[3])!.count, 1);
    assert.deepEqual(byId.get(answerIds[0]), {items: [], count: 0});
    const all = (await store.getComments('q', {viewerId: null}))!;
    assert.equal(all.comments.length, 5);
    assert.equal(shownText(all.comments[0].body), 'comment 0 on q');
    assert.equal(all.nextCursor, null);
  });

  it('pages through a post’s comments oldest first', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await store.getComments('q', {viewerId: null, cursor, limit: 2}))!;
      seen.push(...page.comments.map((c) => shownText(c.body)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(
      seen,
      [0, 1, 2, 3, 4].map((i) => `comment ${i} on q`),
    );
    const votesCursor = (await store.getThread('q', {sort: 'votes', viewerId: null}))!.nextCursor!;
    await assert.rejects(
      store.getComments('q', {viewerId: null, cursor: votesCursor}),
      InvalidCursorError,
    );
  });

  for (const sort of ['votes', 'oldest', 'newest'] as const) {
    it(
      `reads a ${sort} page from an index, without sorting or scanning`,
      {skip: planSkip},
      async () => {
        const first = (await store.getThread('q', {sort, viewerId: null}))!;
        queries.length = 0;
        await store.getThread('q', {sort, viewerId: null, cursor: first.nextCursor!});
        const details = await planOf(db, queries.at(-2)!); // the page; the comments come last
        assert.ok(details[0].startsWith('SEARCH p USING INDEX posts_by_'), details.join('; '));
        assert.ok(
          !details.some((d) => d.includes('TEMP B-TREE') || d.startsWith('SCAN')),
          details.join('; '),
        );
      },
    );
  }

  for (const [who, viewer] of [
    ['a reader', () => asker],
    ['an anonymous reader', () => null],
  ] as const) {
    it(
      `reads the comments of a page for ${who} from the index alone, sorting nothing`,
      {skip: planSkip},
      async () => {
        queries.length = 0;
        const thread = (await store.getThread('q', {sort: 'votes', viewerId: viewer()}))!;
        const details = await planOf(db, queries.at(-1)!);
        const posts = details.filter((d) => / p\b/.test(d));
        // Per post shown: its latest comments along the index, and its count in the index.
        const shown = 1 + thread.answers.length;
        assert.equal(posts.length, 2 * shown, details.join('; '));
        assert.ok(
          posts.every((d) =>
            /^SEARCH p USING (COVERING )?INDEX posts_by_parent \(kind=\? AND parent_id=\?\)$/.test(
              d,
            ),
          ),
          details.join('; '),
        );
        if (viewer() === null) {
          assert.equal(
            posts.filter((d) => d.includes('COVERING')).length,
            shown,
            details.join('; '),
          );
        }
        assert.ok(!details.some((d) => d.includes('TEMP B-TREE')), details.join('; '));
        assert.ok(!details.some((d) => /^SCAN (p|posts)\b/.test(d)), details.join('; '));
      },
    );
  }

  it('lets the viewer see their own unpublished posts, marked so, and nobody else', async () => {
    const author = await writes.createViewer();
    const pending = await writes.addPost('answer', 'q', {
      questionId: 'q',
      body: 'an answer waiting for a moderator',
      authorId: author.id,
      status: 'pending',
    });
    await writes.addPost('comment', 'q', {
      questionId: 'q',
      body: 'a comment waiting too',
      authorId: author.id,
      status: 'pending',
    });
    const asAuthor = (await store.getThread('q', {sort: 'votes', viewerId: author.id}))!;
    assert.equal(asAuthor.answers[0].isAccepted, true);
    assert.equal(asAuthor.answers[1].id, pending.id);
    assert.equal(asAuthor.answers[1].status, 'pending');
    assert.deepEqual(asAuthor.answers[1].viewerCan.vote, {allowed: false, reason: 'own-post'});
    assert.equal(asAuthor.question.comments.count, 6);
    assert.equal(asAuthor.question.comments.items.at(-1)!.status, 'pending');
    const asOther = (await store.getThread('q', {sort: 'votes', viewerId: null, limit: 50}))!;
    assert.ok(!asOther.answers.some((a) => a.id === pending.id));
    assert.equal(asOther.question.comments.count, 5);
    assert.equal(asOther.question.answerCount, 25); // pending answers are not counted
  });

  it('keeps counts, points and the best answer consistent when a post is removed', async () => {
    const author = await writes.createViewer({points: 100});
    const answer = await writes.addPost('answer', 'q', {
      questionId: 'q',
      body: 'an answer about to be removed',
      authorId: author.id,
      displayName: 'Leaving',
    });
    const voter = await writes.createViewer();
    await writes.setVote(answer.id, voter.id, 1);
    await writes.setAcceptedAnswer('q', answer.id);
    const points = async () =>
      (
        await db
          .selectFrom('viewers')
          .select('points')
          .where('id', '=', author.id)
          .executeTakeFirstOrThrow()
      ).points;
    assert.equal(await points(), 100 + 10 + 15);
    const before = (await store.getThread('q', {sort: 'votes', viewerId: null}))!;
    assert.equal(before.question.answerCount, 26);
    await writes.removePost(answer.id);
    const after = (await store.getThread('q', {sort: 'votes', viewerId: author.id, limit: 50}))!;
    assert.equal(after.question.answerCount, 25);
    assert.ok(!after.answers.some((a) => a.id === answer.id)); // not even for its author
    assert.ok(!after.answers.some((a) => a.isAccepted));
    assert.equal(await points(), 100);
    await writes.setAcceptedAnswer('q', answerIds[12]);
  });

  it('gives no best-answer points for choosing your own answer to your own question', async () => {
    const answer = await writes.addPost('answer', 'q', {
      questionId: 'q',
      body: 'the asker answering their own question',
      authorId: asker,
    });
    const points = async () =>
      (
        await db
          .selectFrom('viewers')
          .select('points')
          .where('id', '=', asker)
          .executeTakeFirstOrThrow()
      ).points;
    const before = await points();
    await writes.setAcceptedAnswer('q', answer.id);
    assert.equal(await points(), before);
    await writes.setAcceptedAnswer('q', answerIds[12]);
    assert.equal(await points(), before);
    await writes.removePost(answer.id);
  });

  it('reads the question once when its asker chooses a best answer', async () => {
    // Moving the choice from answer 12 to answer 7 and back: permission, answer and points.
    for (const answerId of [answerIds[7], answerIds[12]]) {
      queries.length = 0;
      await store.transaction((tx) => chooseBestAnswer(tx, 'q', answerId, asker));
      const questionReads = queries.filter(
        ({sql, parameters}) =>
          /^select/i.test(sql) && (parameters.includes('q') || /"posts" as "q"/.test(sql)),
      );
      assert.equal(questionReads.length, 1, questionReads.map((query) => query.sql).join('\n'));
    }
    const thread = (await store.getThread('q', {sort: 'votes', viewerId: null}))!;
    assert.equal(thread.answers[0].id, answerIds[12]);
  });

  it('orders ids and times by code unit, as the server sorts them, whatever the collation', async () => {
    const ids = ['Zeta-q', 'alpha-q', '_under-q', 'alpha_q', 'Alpha-q'];
    for (const id of ids)
      await writes.createQuestion({id, title: `Question ${id}`, body: 'Why?', tags: []});
    const rows = await db
      .selectFrom('posts')
      .select('id')
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    // Code unit order: uppercase before "_" before lowercase (en-US would say a, A, _ , Z).
    assert.deepEqual(
      rows.map((row) => row.id),
      [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const after = await db
      .selectFrom('posts')
      .select('id')
      .where('id', 'in', ids)
      .where('id', '>', 'Zeta-q')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      after.map((row) => row.id),
      ['_under-q', 'alpha-q', 'alpha_q'],
    );
  });

  it('returns null for an unknown question', async () => {
    assert.equal(await store.getThread('nope', {sort: 'votes', viewerId: null}), null);
  });
});

/** The query plan's steps, one string each. */
async function planOf(db: Kysely<DB>, query: {sql: string; parameters: readonly unknown[]}) {
  const plan = await sql<{
    detail: string;
  }>`explain query plan ${sql.raw(inline(query.sql, query.parameters))}`.execute(db);
  return plan.rows.map((row) => row.detail);
}

/** SQL with its parameters written in, for EXPLAIN. */
function inline(query: string, parameters: readonly unknown[]): string {
  let i = 0;
  return query.replace(/\?/g, () => {
    const value = parameters[i++];
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}
