import {createHash, randomBytes} from 'node:crypto';
import type {ExpressionBuilder, Kysely, Selectable} from 'kysely';
import type {Answer, Author, Question, Sort, Thread, VoteValue} from '../api/schemas.js';
import {limits} from '../api/schemas.js';
import type {DB} from './db/database.js';
import {pointsForBestAnswer, pointsForVote, viewerCan} from './policy.js';
import type {ViewerFacts} from './policy.js';

export interface NewQuestionData {
  id?: string;
  title: string;
  body: string;
  category?: string;
  tags: string[];
  author?: {displayName?: string; points?: number};
}

export interface NewAnswerData {
  questionId: string;
  body: string;
  authorId: string;
  displayName?: string | null;
}

export interface ThreadOptions {
  sort: Sort;
  cursor?: string;
  viewerId: string | null;
  limit?: number;
}

/** A cursor that this server did not hand out, or for another sort. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** A question id that is already taken. */
export class DuplicateIdError extends Error {
  override readonly name = 'DuplicateIdError';
}

/**
 * Everything the reference server keeps. One interface, one Kysely implementation, so the
 * same queries run on SQLite and PostgreSQL.
 */
export interface Store {
  /** The viewer a bearer token belongs to, or null for an unknown token. */
  viewerIdForToken(token: string): Promise<string | null>;
  /** Mints an anonymous viewer: its id and the token that proves it (shown once, kept hashed). */
  createViewer(options?: {points?: number}): Promise<{id: string; token: string}>;
  createQuestion(data: NewQuestionData): Promise<{question: Question; askerToken: string}>;
  /** A page of a thread as the viewer sees it, or null when there is no such question. */
  getThread(questionId: string, options: ThreadOptions): Promise<Thread | null>;
  addAnswer(data: NewAnswerData): Promise<Answer>;
  /** Sets the viewer's vote on a post (1, 0 or -1) and keeps score and author points in step. */
  setVote(postId: string, viewerId: string, value: VoteValue): Promise<{score: number}>;
  /** Marks an answer as the question's best (null clears it) and moves the 15 points with it. */
  setAcceptedAnswer(questionId: string, answerId: string | null): Promise<void>;
  editPost(
    postId: string,
    edit: {body: string; editorId: string; editorName?: string | null},
  ): Promise<void>;
  close(): Promise<void>;
}

type PostRow = Selectable<DB['posts']> & {
  author_points: number | null;
  editor_points: number | null;
  viewer_vote: number | null;
};

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new random id: 12 characters of [a-z0-9], about 62 bits. */
export function newId(): string {
  return Array.from(randomBytes(12), (byte) => ID_ALPHABET[byte % 36]).join('');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export class KyselyStore implements Store {
  readonly db: Kysely<DB>;
  readonly #clock: () => Date;

  constructor(db: Kysely<DB>, options: {clock?: () => Date} = {}) {
    this.db = db;
    this.#clock = options.clock ?? (() => new Date());
  }

  #now(): string {
    return this.#clock().toISOString();
  }

  async viewerIdForToken(token: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('viewers')
      .select('id')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async createViewer(options: {points?: number} = {}): Promise<{id: string; token: string}> {
    const id = newId();
    const token = randomBytes(32).toString('base64url');
    await this.db
      .insertInto('viewers')
      .values({
        id,
        token_hash: hashToken(token),
        points: options.points ?? 0,
        created_at: this.#now(),
      })
      .execute();
    return {id, token};
  }

  async createQuestion(data: NewQuestionData): Promise<{question: Question; askerToken: string}> {
    const id = data.id ?? newId();
    const existing = await this.db
      .selectFrom('posts')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (existing) throw new DuplicateIdError(`A post with id "${id}" already exists`);
    const asker = await this.createViewer({points: data.author?.points});
    await this.db
      .insertInto('posts')
      .values({
        id,
        kind: 'question',
        question_id: id,
        body: data.body,
        author_id: asker.id,
        author_name: data.author?.displayName || null,
        created_at: this.#now(),
        editor_id: null,
        editor_name: null,
        edited_at: null,
        title: data.title,
        category: data.category ?? null,
        tags: JSON.stringify(data.tags),
        accepted_answer_id: null,
      })
      .execute();
    const thread = await this.getThread(id, {sort: 'votes', viewerId: asker.id, limit: 1});
    return {question: thread!.question, askerToken: asker.token};
  }

  async getThread(questionId: string, options: ThreadOptions): Promise<Thread | null> {
    const {viewerId, sort} = options;
    const limit = Math.min(options.limit ?? limits.pageSize.default, limits.pageSize.max);
    const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, sort);
    const serverTime = this.#now();

    const questionRow = await this.#posts(viewerId)
      .where('p.id', '=', questionId)
      .where('p.kind', '=', 'question')
      .executeTakeFirst();
    if (!questionRow || !visibleTo(questionRow, viewerId)) return null;

    const facts: ViewerFacts = {
      viewerId,
      isAsker: viewerId !== null && questionRow.author_id === viewerId,
    };
    const acceptedId = questionRow.accepted_answer_id;

    // The accepted answer leads the first page; the pages proper never repeat it.
    const accepted =
      acceptedId && !after
        ? await this.#posts(viewerId)
            .where('p.id', '=', acceptedId)
            .where('p.status', '=', 'published')
            .executeTakeFirst()
        : undefined;

    let page = this.#posts(viewerId)
      .where('p.question_id', '=', questionId)
      .where('p.kind', '=', 'answer')
      .where('p.status', '=', 'published');
    if (acceptedId) page = page.where('p.id', '!=', acceptedId);
    if (after) page = page.where((eb) => keysetAfter(eb, sort, after));
    page = orderFor(page, sort);
    const rows = await page.limit(limit + 1).execute();

    const hasMore = rows.length > limit;
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      question: toQuestion(questionRow, facts),
      answers: [...(accepted ? [accepted] : []), ...shown].map((row) =>
        toAnswer(row, facts, acceptedId),
      ),
      nextCursor: hasMore && last ? encodeCursor(sort, last) : null,
      viewer: {
        isAsker: facts.isAsker,
        canAnswer:
          questionRow.status === 'published' ? {allowed: true} : {allowed: false, reason: 'hidden'},
      },
      serverTime,
    };
  }

  async addAnswer(data: NewAnswerData): Promise<Answer> {
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('posts')
        .values({
          id,
          kind: 'answer',
          question_id: data.questionId,
          body: data.body,
          author_id: data.authorId,
          author_name: data.displayName || null,
          created_at: this.#now(),
          edited_at: null,
          editor_id: null,
          editor_name: null,
          title: null,
          category: null,
          tags: null,
          accepted_answer_id: null,
        })
        .execute();
      await trx
        .updateTable('posts')
        .set((eb) => ({answer_count: eb('answer_count', '+', 1)}))
        .where('id', '=', data.questionId)
        .execute();
    });
    const row = await this.#posts(data.authorId).where('p.id', '=', id).executeTakeFirstOrThrow();
    return toAnswer(row, {viewerId: data.authorId, isAsker: false}, null);
  }

  async setVote(postId: string, viewerId: string, value: VoteValue): Promise<{score: number}> {
    return this.db.transaction().execute(async (trx) => {
      const post = await trx
        .selectFrom('posts')
        .select(['kind', 'author_id'])
        .where('id', '=', postId)
        .executeTakeFirstOrThrow();
      const previous = await trx
        .selectFrom('votes')
        .select('value')
        .where('post_id', '=', postId)
        .where('viewer_id', '=', viewerId)
        .executeTakeFirst();
      const before = previous?.value ?? 0;
      if (value === 0) {
        await trx
          .deleteFrom('votes')
          .where('post_id', '=', postId)
          .where('viewer_id', '=', viewerId)
          .execute();
      } else {
        await trx
          .insertInto('votes')
          .values({post_id: postId, viewer_id: viewerId, value, created_at: this.#now()})
          .onConflict((oc) => oc.columns(['post_id', 'viewer_id']).doUpdateSet({value}))
          .execute();
      }
      const {score} = await trx
        .updateTable('posts')
        .set((eb) => ({score: eb('score', '+', value - before)}))
        .where('id', '=', postId)
        .returning('score')
        .executeTakeFirstOrThrow();
      const points = pointsForVote(post.kind, value) - pointsForVote(post.kind, before);
      if (points && post.author_id) {
        await trx
          .updateTable('viewers')
          .set((eb) => ({points: eb('points', '+', points)}))
          .where('id', '=', post.author_id)
          .execute();
      }
      return {score};
    });
  }

  async setAcceptedAnswer(questionId: string, answerId: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const question = await trx
        .selectFrom('posts')
        .select('accepted_answer_id')
        .where('id', '=', questionId)
        .executeTakeFirstOrThrow();
      const previous = question.accepted_answer_id;
      if (previous === answerId) return;
      await trx
        .updateTable('posts')
        .set({accepted_answer_id: answerId})
        .where('id', '=', questionId)
        .execute();
      const award = async (postId: string, points: number) => {
        const post = await trx
          .selectFrom('posts')
          .select('author_id')
          .where('id', '=', postId)
          .executeTakeFirst();
        if (!post?.author_id) return;
        await trx
          .updateTable('viewers')
          .set((eb) => ({points: eb('points', '+', points)}))
          .where('id', '=', post.author_id)
          .execute();
      };
      if (previous) await award(previous, -pointsForBestAnswer);
      if (answerId) await award(answerId, pointsForBestAnswer);
    });
  }

  async editPost(
    postId: string,
    edit: {body: string; editorId: string; editorName?: string | null},
  ): Promise<void> {
    await this.db
      .updateTable('posts')
      .set({
        body: edit.body,
        edited_at: this.#now(),
        editor_id: edit.editorId,
        editor_name: edit.editorName || null,
      })
      .where('id', '=', postId)
      .execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  #posts(viewerId: string | null) {
    return selectPosts(this.db, viewerId);
  }
}

/** Posts with their author's and editor's points and the viewer's vote, in one query. */
function selectPosts(db: Kysely<DB>, viewerId: string | null) {
  return db
    .selectFrom('posts as p')
    .leftJoin('viewers as a', 'a.id', 'p.author_id')
    .leftJoin('viewers as e', 'e.id', 'p.editor_id')
    .leftJoin('votes as v', (join) =>
      join.onRef('v.post_id', '=', 'p.id').on('v.viewer_id', '=', viewerId ?? ''),
    )
    .selectAll('p')
    .select(['a.points as author_points', 'e.points as editor_points', 'v.value as viewer_vote']);
}

type PostQuery = ReturnType<typeof selectPosts>;

function visibleTo(row: PostRow, viewerId: string | null): boolean {
  return row.status === 'published' || (viewerId !== null && row.author_id === viewerId);
}

function author(
  id: string | null,
  name: string | null,
  points: number | null,
  viewerId: string | null,
): Author {
  return {
    displayName: name,
    // Anonymous posts show no points: points would let readers link one anonymous post to another.
    points: name === null ? null : points,
    isViewer: viewerId !== null && id === viewerId,
  };
}

function postFields(row: PostRow, facts: ViewerFacts) {
  return {
    id: row.id,
    status: row.status,
    body: {format: 'text' as const, text: row.body},
    author: author(row.author_id, row.author_name, row.author_points, facts.viewerId),
    createdAt: row.created_at,
    lastEdit: row.edited_at
      ? {
          at: row.edited_at,
          by: author(row.editor_id, row.editor_name, row.editor_points, facts.viewerId),
        }
      : null,
    score: row.score,
    viewerVote: toVote(row.viewer_vote),
    viewerCan: viewerCan({kind: row.kind, status: row.status, authorId: row.author_id}, facts),
    comments: {items: [], count: 0},
  };
}

function toQuestion(row: PostRow, facts: ViewerFacts): Question {
  return {
    ...postFields(row, facts),
    kind: 'question',
    title: row.title ?? '',
    category: row.category,
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    answerCount: row.answer_count,
  };
}

function toAnswer(row: PostRow, facts: ViewerFacts, acceptedId: string | null): Answer {
  return {...postFields(row, facts), kind: 'answer', isAccepted: row.id === acceptedId};
}

function toVote(value: number | null): VoteValue {
  return value === 1 ? 1 : value === -1 ? -1 : 0;
}

// Cursors: the sort key of the last answer shown, opaque to clients.

interface CursorKey {
  score: number;
  createdAt: string;
  id: string;
}

function encodeCursor(sort: Sort, row: PostRow): string {
  const key = [sort, row.score, row.created_at, row.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, sort: Sort): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('The cursor is not one this server handed out');
  }
  if (
    !Array.isArray(key) ||
    key.length !== 4 ||
    typeof key[1] !== 'number' ||
    !Number.isInteger(key[1]) ||
    typeof key[2] !== 'string' ||
    typeof key[3] !== 'string'
  ) {
    throw new InvalidCursorError('The cursor is not one this server handed out');
  }
  if (key[0] !== sort)
    throw new InvalidCursorError(`The cursor belongs to sort "${String(key[0])}"`);
  return {score: key[1], createdAt: key[2], id: key[3]};
}

function orderFor(query: PostQuery, sort: Sort): PostQuery {
  switch (sort) {
    case 'votes':
      return query.orderBy('p.score', 'desc').orderBy('p.created_at', 'asc').orderBy('p.id', 'asc');
    case 'oldest':
      return query.orderBy('p.created_at', 'asc').orderBy('p.id', 'asc');
    case 'newest':
      return query.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc');
  }
}

type PostFilter = ExpressionBuilder<{p: DB['posts']}, 'p'>;

/** Rows strictly after `key` in the order of `sort`. */
function keysetAfter(eb: PostFilter, sort: Sort, key: CursorKey) {
  const later = (op: '>' | '<') =>
    eb.or([
      eb('p.created_at', op, key.createdAt),
      eb.and([eb('p.created_at', '=', key.createdAt), eb('p.id', op, key.id)]),
    ]);
  switch (sort) {
    case 'votes':
      return eb.or([
        eb('p.score', '<', key.score),
        eb.and([eb('p.score', '=', key.score), later('>')]),
      ]);
    case 'oldest':
      return later('>');
    case 'newest':
      return later('<');
  }
}
