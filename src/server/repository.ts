/**
 * The rows the rules (domain/) write, as Kysely queries bound to one transaction: the
 * domain's Repository (domain/repository.ts), with no rules of its own. Portable SQL:
 * the same statements run on SQLite and PostgreSQL.
 */
import {randomBytes} from 'node:crypto';
import type {Kysely} from 'kysely';
import type {ModeratedPost} from '../api/moderation.js';
import type {FlagReason} from '../api/requests.js';
import type {Post} from '../api/schemas.js';
import type {DB, StoredStatus} from './db/database.js';
import type {BodyEdit, NewPostRow, PostFacts, PostRecord, Repository} from './domain/repository.js';
import {hashToken, newId} from './ids.js';
import {visibleFilter} from './post-rows.js';
import type {PostReads} from './reads.js';
import {MailOutbox} from './mail/outbox.js';

export class KyselyRepository implements Repository {
  readonly #db: Kysely<DB>;
  readonly #reads: PostReads;
  /** The transaction's time: every row it writes says the same. */
  readonly #now: string;

  readonly mail: MailOutbox;

  constructor(db: Kysely<DB>, reads: PostReads, now: string) {
    this.#db = db;
    this.#reads = reads;
    this.#now = now;
    this.mail = new MailOutbox(db, () => new Date(now));
  }

  findPost(postId: string): Promise<PostRecord | null> {
    return this.#reads.findPost(postId);
  }

  getPost(postId: string, viewerId: string | null): Promise<Post | null> {
    return this.#reads.getPost(postId, viewerId);
  }

  moderatedPost(postId: string): Promise<ModeratedPost> {
    return this.#reads.moderatedPost(postId);
  }

  async postFacts(postId: string): Promise<PostFacts | null> {
    const row = await this.#db
      .selectFrom('posts')
      .select(['id', 'kind', 'status', 'author_id', 'question_id'])
      .where('id', '=', postId)
      .executeTakeFirst();
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

  /** A no-op UPDATE is the row lock both databases understand (SQLite has no FOR UPDATE). */
  async lockPost(postId: string): Promise<void> {
    await this.#db
      .updateTable('posts')
      .set((eb) => ({score: eb.ref('score')}))
      .where('id', '=', postId)
      .execute();
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
      .set((eb) => ({answer_count: eb('answer_count', '+', change)}))
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

  async voteOf(postId: string, viewerId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('votes')
      .select('value')
      .where('post_id', '=', postId)
      .where('viewer_id', '=', viewerId)
      .executeTakeFirst();
    return row?.value ?? 0;
  }

  async putVote(postId: string, viewerId: string, value: number): Promise<void> {
    if (value === 0) {
      await this.#db
        .deleteFrom('votes')
        .where('post_id', '=', postId)
        .where('viewer_id', '=', viewerId)
        .execute();
      return;
    }
    // The primary key (post, viewer) makes this one row per viewer, whoever else is writing.
    await this.#db
      .insertInto('votes')
      .values({post_id: postId, viewer_id: viewerId, value, created_at: this.#now})
      .onConflict((oc) => oc.columns(['post_id', 'viewer_id']).doUpdateSet({value}))
      .execute();
  }

  async addToScore(postId: string, change: number): Promise<number> {
    const {score} = await this.#db
      .updateTable('posts')
      .set((eb) => ({score: eb('score', '+', change)}))
      .where('id', '=', postId)
      .returning('score')
      .executeTakeFirstOrThrow();
    return score;
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
    await this.#db
      .updateTable('viewers')
      .set((eb) => ({points: eb('points', '+', points)}))
      .where('id', '=', viewerId)
      .execute();
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
