import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {once} from 'node:events';
import {after, before, describe, it} from 'node:test';
import type {Kysely} from 'kysely';
import {migrateTo, migrateToLatest, migrationNames} from '../../src/server/db/migrations.js';
import {openDatabase} from '../../src/server/db/open.js';
import {KyselyStore, hashToken} from '../../src/server/store.js';
import {runTs} from '../support/quanda-server.mjs';
import {storeWrites} from '../support/store-writes.js';
import {databaseName, dropDatabase, freshDatabase} from '../support/test-db.mjs';

/**
 * The upgrade path: a database made by the first release (schema 0001, written with that
 * release's columns only), migrated by this one, keeps every row and works with the new store.
 */
describe(`migrating a database from 0001 (${databaseName})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-migrate-'));
  const file = join(dir, 'quanda.db');
  let target: string;
  before(async () => {
    target = await freshDatabase(file);
  });
  after(async () => {
    rmSync(dir, {recursive: true, force: true});
    await dropDatabase(target);
  });

  it('keeps the data of 0001 and fills in what 0002 and 0003 add', async () => {
    const old = openDatabase(target);
    assert.deepEqual(await migrateTo(old, '0001_posts_and_votes'), ['0001_posts_and_votes']);
    await writeRelease1Data(old as Kysely<any>);
    await old.destroy();

    const db = openDatabase(target);
    assert.deepEqual(await migrateToLatest(db), migrationNames.slice(1));
    const store = new KyselyStore(db);
    const writes = storeWrites(store);
    const askerId = await store.viewerIdForToken('asker-token-from-release-1');
    assert.equal(askerId, 'asker');

    const thread = (await store.getThread('old-q', {sort: 'votes', viewerId: askerId}))!;
    assert.equal(thread.question.title, 'A question from the first release');
    assert.equal(thread.question.answerCount, 2);
    assert.equal(thread.question.score, 1);
    assert.deepEqual(thread.question.comments, {items: [], count: 0});
    assert.deepEqual(
      thread.answers.map((a) => [a.id, a.isAccepted, a.score]),
      [
        ['old-a2', true, 0],
        ['old-a1', false, 2],
      ],
    );
    assert.equal(thread.viewer.isAsker, true);
    // 0003: posts from before Markdown are shown as the plain text they were written as.
    assert.deepEqual(thread.question.body, {format: 'text', text: 'Does sleep help?'});

    // 0002 gave the old answers their parent and duplicate key: a new copy of one is caught.
    const duplicate = await writes.hasDuplicate({
      parentId: 'old-q',
      kind: 'answer',
      body: '  SLEEP   matters more than you think.',
      authorId: 'reader',
    });
    assert.equal(duplicate, true);

    // And the new tables work on the old data.
    const comment = await writes.addPost('comment', 'old-a1', {
      questionId: 'old-q',
      body: 'A comment after the upgrade',
      authorId: 'reader',
    });
    assert.equal(comment.parentId, 'old-a1');
    assert.deepEqual(comment.body, {
      format: 'markdown',
      html: '<p>A comment after the upgrade</p>\n',
      source: 'A comment after the upgrade',
    });
    // An author's edit of an old post makes it Markdown.
    await writes.editPost('old-a2', {body: 'It helped me **a lot**.', editorId: 'answerer'});
    const edited = await store.getPost('old-a2', 'answerer');
    assert.deepEqual(edited?.body, {
      format: 'markdown',
      html: '<p>It helped me <strong>a lot</strong>.</p>\n',
      source: 'It helped me **a lot**.',
    });
    await writes.setVote('old-a1', 'reader', 0);
    const again = (await store.getThread('old-q', {sort: 'votes', viewerId: null}))!;
    assert.equal(again.answers.find((a) => a.id === 'old-a1')!.score, 1);
    assert.equal(again.answers.find((a) => a.id === 'old-a1')!.comments.count, 1);
    await store.close();
  });
});

/** Rows exactly as release 1's store wrote them: only the columns 0001 has. */
async function writeRelease1Data(db: Kysely<any>) {
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('viewers')
    .values([
      {id: 'asker', token_hash: hashToken('asker-token-from-release-1'), points: 5, created_at: at},
      {id: 'answerer', token_hash: hashToken('answerer-token'), points: 0, created_at: at},
      {id: 'reader', token_hash: hashToken('reader-token'), points: 0, created_at: at},
    ])
    .execute();
  const post = {
    status: 'published',
    author_name: null,
    edited_at: null,
    editor_id: null,
    editor_name: null,
    category: null,
    tags: null,
    title: null,
    accepted_answer_id: null,
    answer_count: 0,
  };
  await db
    .insertInto('posts')
    .values([
      {
        ...post,
        id: 'old-q',
        kind: 'question',
        question_id: 'old-q',
        body: 'Does sleep help?',
        author_id: 'asker',
        created_at: at,
        title: 'A question from the first release',
        tags: '[]',
        answer_count: 2,
        accepted_answer_id: 'old-a2',
        score: 1,
      },
      {
        ...post,
        id: 'old-a1',
        kind: 'answer',
        question_id: 'old-q',
        body: 'Sleep matters more than you think.',
        author_id: 'answerer',
        created_at: '2026-01-02T00:00:00.000Z',
        score: 2,
      },
      {
        ...post,
        id: 'old-a2',
        kind: 'answer',
        question_id: 'old-q',
        body: 'It helped me a lot, after a while.',
        author_id: 'answerer',
        created_at: '2026-01-03T00:00:00.000Z',
        score: 0,
      },
    ])
    .execute();
  await db
    .insertInto('votes')
    .values([
      {post_id: 'old-q', viewer_id: 'reader', value: 1, created_at: at},
      {post_id: 'old-a1', viewer_id: 'reader', value: 1, created_at: at},
      {post_id: 'old-a1', viewer_id: 'asker', value: 1, created_at: at},
    ])
    .execute();
}

/**
 * A migration cut off halfway (the process killed after its Nth statement, inside a
 * migration's transaction): the next start finds the schema as it was before that
 * migration, finishes every migration, and the store works.
 */
describe(`a migration interrupted halfway (${databaseName})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-interrupted-'));
  after(() => rmSync(dir, {recursive: true, force: true}));

  // Statements into the migrations: in 0001's tables, in 0002's backfill and indexes, in 0004.
  for (const cut of [4, 14, 30]) {
    it(`finishes on the next start after a kill at statement ${cut}`, async () => {
      const target = await freshDatabase(join(dir, `cut-${cut}.db`));
      try {
        const child = runTs('test/support/migrate-and-die.ts', [target, String(cut)]);
        const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
        assert.equal(signal, 'SIGKILL', 'killed halfway, not finished');
        const db = openDatabase(target);
        const applied = await migrateToLatest(db);
        assert.ok(
          applied.length > 0 && applied.at(-1) === migrationNames.at(-1),
          applied.join(', '),
        );
        assert.deepEqual(await migrateToLatest(db), []);
        const store = new KyselyStore(db);
        const {askerToken} = await storeWrites(store).createQuestion({
          id: 'after-the-cut',
          title: 'A question after the interrupted migration',
          body: 'Does it work?',
          tags: [],
        });
        assert.ok(await store.viewerIdForToken(askerToken));
        await store.close();
      } finally {
        await dropDatabase(target);
      }
    });
  }
});
