/**
 * The rows the rules (domain/) write, as Kysely queries bound to one transaction: the
 * domain's Repository (domain/repository.ts), with no rules of its own. Portable SQL:
 * the same statements run on SQLite and PostgreSQL.
 */
import {randomBytes} from 'node:crypto';
import type {ExpressionBuilder, Kysely} from 'kysely';
import type {ModeratedPost} from '../api/moderation.js';
import type {FlagReason} from '../api/requests.js';
import type {Post} from '../api/schemas.js';
import type {DB, StoredStatus} from './db/database.js';
import {dialectOf} from './db/open.js';
import {PreparedQueries, parameter} from './db/prepared.js';
import type {CompiledCache} from './db/prepared.js';
import type {
  BodyEdit,
  NewPostRow,
  PostFacts,
  PostRecord,
  ReadOptions,
  Repository,
} from './domain/repository.js';
import {hashToken, newId} from './ids.js';
import {visibleFilter} from './post-rows.js';
import type {PostReads} from './reads.js';
import {MailOutbox} from './mail/outbox.js';

export class KyselyRepository implements Repository {
  readonly #db: Kysely<DB>;
  readonly #reads: PostReads;
  /** The write path's statements, compiled once for the database (db/prepared.ts). */
  readonly #q: PreparedQueries;
  /** The transaction's time: every row it writes says the same. */
  readonly #now: string;

  readonly mail: MailOutbox;

  /** The transaction, for the board's queries (topics.ts), which are not the domain's. */
  get kysely(): Kysely<DB> {
    return this.#db;
  }

  constructor(db: Kysely<DB>, reads: PostReads, now: string, compiled?: CompiledCache) {
    this.#db = db;
    this.#reads = reads;
    this.#q = new PreparedQueries(db, compiled);
    this.#now = now;
    this.mail = new MailOutbox(db, () => new Date(now));
  }

  findPost(postId: string, options?: ReadOptions): Promise<PostRecord | null> {
    return this.#reads.findPost(postId, options);
  }

  getPost(postId: string, viewerId: string | null): Promise<Post | null> {
    return this.#reads.getPost(postId, viewerId);
  }

  moderatedPost(postId: string): Promise<ModeratedPost> {
    return this.#reads.moderatedPost(postId);
  }

  async postFacts(postId: string, options: ReadOptions = {}): Promise<PostFacts | null> {
    const lock = Boolean(options.forUpdate) && dialectOf(this.#db) === 'postgres';
    const [row] = await this.#q.run(
      `postFacts:${lock}`,
      () => {
        const query = this.#db
          .selectFrom('posts')
          .select(['id', 'kind', 'status', 'author_id', 'question_id'])
          .where('id', '=', parameter<string>(0));
        return lock ? query.forUpdate() : query;
      },
      [postId],
    );
    return row
      ? {
          id: row.id,
          kind: row.kind,
          status: row.status,
          authorId: row.author_id,
          questionId: row.question_id,
        }
      : null;
  }

  async postExists(postId: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('posts')
      .select('id')
      .where('id', '=', postId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async hasSibling(
    sibling: {parentId: string; kind: 'answer' | 'comment'; bodyKey: string; authorId: string},
    exceptId?: string,
  ): Promise<boolean> {
    let query = this.#db
      .selectFrom('posts as p')
      .select('p.id')
      .where('p.parent_id', '=', sibling.parentId)
      .where('p.body_key', '=', sibling.bodyKey)
      .where('p.kind', '=', sibling.kind)
      .where((eb) => visibleFilter(eb, sibling.authorId));
    if (exceptId) query = query.where('p.id', '!=', exceptId);
    return (await query.limit(1).executeTakeFirst()) !== undefined;
  }

  async namesInThread(questionId: string, exceptAuthorId: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('posts')
      .select('author_name')
      .distinct()
      .where('question_id', '=', questionId)
      .where('author_name', 'is not', null)
      .where('status', '!=', 'removed')
      .where((eb) => eb.or([eb('author_id', 'is', null), eb('author_id', '!=', exceptAuthorId)]))
      .execute();
    return rows.map((row) => row.author_name!);
  }

  async insertPost(row: NewPostRow): Promise<void> {
    await this.#db
      .insertInto('posts')
      .values({
        id: row.id,
        kind: row.kind,
        question_id: row.questionId,
        parent_id: row.parentId,
        status: row.status,
        body: row.body,
        body_format: 'markdown',
        body_html: row.html,
        body_key: row.bodyKey,
        author_id: row.authorId,
        author_name: row.authorName,
        created_at: this.#now,
        edited_at: null,
        editor_id: null,
        editor_name: null,
        removed_at: null,
        title: row.question?.title ?? null,
        category: row.question?.category ?? null,
        tags: row.question ? JSON.stringify(row.question.tags) : null,
        accepted_answer_id: null,
      })
      .execute();
  }

  async updateBody(postId: string, edit: BodyEdit): Promise<void> {
    await this.#db
      .updateTable('posts')
      .set({
        body: edit.body,
        body_format: 'markdown',
        body_html: edit.html,
        body_key: edit.bodyKey,
        edited_at: this.#now,
        editor_id: edit.editorId,
        editor_name: edit.editorName,
      })
      .where('id', '=', postId)
      .execute();
  }

  async setStatus(postId: string, status: StoredStatus): Promise<void> {
    await this.#db
      .updateTable('posts')
      .set({status, removed_at: status === 'removed' ? this.#now : null})
      .where('id', '=', postId)
      .execute();
  }

  async addToAnswerCount(questionId: string, change: number): Promise<void> {
    await this.#db
      .updateTable('posts')
      .set((eb) => ({
        answer_count: eb('answer_count', '+', change),
        // A board lists by activity: an answer arriving is some.
        ...(change > 0 ? {activity_at: this.#now} : {}),
      }))
      .where('id', '=', questionId)
      .execute();
  }

  async setAcceptedAnswer(questionId: string, answerId: string | null): Promise<void> {
    await this.#db
      .updateTable('posts')
      .set({accepted_answer_id: answerId})
      .where('id', '=', questionId)
      .execute();
  }

  async scoreVote(
    postId: string,
    viewerId: string,
    value: number,
  ): Promise<{score: number; before: number}> {
    const [row] = await this.#q.run(
      'scoreVote',
      () => {
        // The vote as it is before this statement (RETURNING reads it too: the votes
        // table is `putVote`'s, after this).
        const present = (eb: ExpressionBuilder<DB, 'posts'>) =>
          eb.fn.coalesce(
            eb
              .selectFrom('votes')
              .select('votes.value')
              .where('votes.post_id', '=', parameter<string>(0))
              .where('votes.viewer_id', '=', parameter<string>(1)),
            eb.lit(0),
          );
        return this.#db
          .updateTable('posts')
          .set((eb) => ({score: eb(eb('score', '+', parameter<number>(2)), '-', present(eb))}))
          .where('id', '=', parameter<string>(0))
          .returning((eb) => ['score', present(eb).as('before')]);
      },
      [postId, viewerId, value],
    );
    if (!row) throw new Error(`No post "${postId}" to vote on`);
    return {score: row.score, before: Number(row.before)};
  }

  async putVote(postId: string, viewerId: string, value: number): Promise<void> {
    if (value === 0) {
      await this.#q.run(
        'deleteVote',
        () =>
          this.#db
            .deleteFrom('votes')
            .where('post_id', '=', parameter<string>(0))
            .where('viewer_id', '=', parameter<string>(1)),
        [postId, viewerId],
      );
      return;
    }
    // The primary key (post, viewer) makes this one row per viewer, whoever else is writing.
    await this.#q.run(
      'putVote',
      () =>
        this.#db
          .insertInto('votes')
          .values({
            post_id: parameter<string>(0),
            viewer_id: parameter<string>(1),
            value: parameter<number>(2),
            created_at: parameter<string>(3),
          })
          .onConflict((oc) =>
            oc
              .columns(['post_id', 'viewer_id'])
              .doUpdateSet((eb) => ({value: eb.ref('excluded.value')})),
          ),
      [postId, viewerId, value, this.#now],
    );
  }

  async votesOn(postId: string): Promise<number[]> {
    const rows = await this.#db
      .selectFrom('votes')
      .select('value')
      .where('post_id', '=', postId)
      .execute();
    return rows.map((row) => row.value);
  }

  async createViewer(options: {points?: number} = {}): Promise<{id: string; token: string}> {
    const id = newId();
    const token = randomBytes(32).toString('base64url');
    await this.#db
      .insertInto('viewers')
      .values({
        id,
        token_hash: hashToken(token),
        points: options.points ?? 0,
        created_at: this.#now,
      })
      .execute();
    return {id, token};
  }

  async addPoints(viewerId: string, points: number): Promise<void> {
    await this.#q.run(
      'addPoints',
      () =>
        this.#db
          .updateTable('viewers')
          .set((eb) => ({points: eb('points', '+', parameter<number>(1))}))
          .where('id', '=', parameter<string>(0)),
      [viewerId, points],
    );
  }

  async insertFlag(
    postId: string,
    viewerId: string,
    flag: {reason: FlagReason; note?: string},
  ): Promise<void> {
    // The key (post, viewer) keeps it to one flag each, however often it is sent.
    await this.#db
      .insertInto('flags')
      .values({
        post_id: postId,
        viewer_id: viewerId,
        reason: flag.reason,
        note: flag.note || null,
        created_at: this.#now,
        cleared_at: null,
      })
      .onConflict((oc) => oc.columns(['post_id', 'viewer_id']).doNothing())
      .execute();
  }

  async openFlagCount(postId: string): Promise<number> {
    const {open} = await this.#db
      .selectFrom('flags')
      .select((eb) => eb.fn.countAll<number>().as('open'))
      .where('post_id', '=', postId)
      .where('cleared_at', 'is', null)
      .executeTakeFirstOrThrow();
    // PostgreSQL counts in bigint, which its driver hands over as a string.
    return Number(open);
  }

  async clearFlags(postId: string): Promise<void> {
    await this.#db
      .updateTable('flags')
      .set({cleared_at: this.#now})
      .where('post_id', '=', postId)
      .where('cleared_at', 'is', null)
      .execute();
  }
}
