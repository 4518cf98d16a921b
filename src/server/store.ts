import {createHash, randomBytes} from 'node:crypto';
import {sql} from 'kysely';
import type {Kysely, Selectable} from 'kysely';
import type {
  Answer,
  Comment,
  CommentList,
  CommentsPage,
  Post,
  Question,
  Sort,
  Thread,
  VoteResult,
  VoteValue,
} from '../api/schemas.js';
import {limits} from '../api/schemas.js';
import type {FlagReason} from '../api/requests.js';
import type {
  ModeratedPost,
  ModerationAction,
  ModerationFilter,
  ModerationQueue,
} from '../api/moderation.js';
import type {RateLimits} from './config.js';
import type {DB, PostKind, StoredStatus} from './db/database.js';
import {isUniqueViolation} from './db/database.js';
import {PreparedQueries, parameter} from './db/prepared.js';
import {purgeIdempotencyKeys, storeResponse, storedResponse} from './idempotency.js';
import {bodyKey, canAnswer, pointsForBestAnswer, pointsForVote} from './policy.js';
import type {LimitedAction, ViewerFacts} from './policy.js';
import {
  decodeCursor,
  encodeCursor,
  keysetAfter,
  orderFor,
  selectComments,
  selectPosts,
  shownStatus,
  toAnswer,
  toBody,
  toComment,
  toQuestion,
  visibleFilter,
  visibleTo,
} from './post-rows.js';
import type {PostRow} from './post-rows.js';
import {countWrite, loadIpKey, purgeRateCounters, usedUp} from './rate-limits.js';
import type {RateSubjects} from './rate-limits.js';
import {renderMarkdown} from './rich-text.js';

export {InvalidCursorError} from './post-rows.js';

export interface NewQuestionData {
  id?: string;
  title: string;
  body: string;
  category?: string;
  tags: string[];
  author?: {displayName?: string; points?: number};
  /** The body as HTML, as in `NewPostData`. */
  html?: string;
}

/** An answer or a comment as its author sent it. */
export interface NewPostData {
  questionId: string;
  body: string;
  authorId: string;
  displayName?: string | null;
  /** `pending` when the site has new posts wait for a moderator. */
  status?: 'published' | 'pending';
  /** Kept, apart from the post, only when the author asked to be notified. */
  notifyEmail?: string | null;
  /**
   * The body as HTML (`renderMarkdown`), rendered before the write's transaction opens;
   * rendered here when not given (the seed, the CLI and tests, outside any request).
   */
  html?: string;
}

/** What a post of each kind comes back as. */
export interface PostOfKind {
  answer: Answer;
  comment: Comment;
}

export interface ThreadOptions {
  sort: Sort;
  cursor?: string;
  viewerId: string | null;
  limit?: number;
  /** Writes the viewer has used up this hour, so the thread can say so before they try. */
  limited?: ReadonlySet<LimitedAction>;
}

/** What a write needs to know about a post, its question and its parent before touching it. */
export interface PostRecord {
  id: string;
  kind: PostKind;
  status: StoredStatus;
  authorId: string | null;
  authorName: string | null;
  questionId: string;
  parentId: string | null;
  question: {status: StoredStatus; authorId: string | null; acceptedAnswerId: string | null};
  /** The post a comment is on, or an answer's question. */
  parent: {kind: PostKind; status: StoredStatus; authorId: string | null} | null;
}

export interface PostEditData {
  body: string;
  /** As in `NewPostData`: rendered before the transaction, or here. */
  html?: string;
  editorId: string;
  editorName?: string | null;
  /** The site premoderates: a published post waits for a moderator again. */
  pending?: boolean;
}

/** One write, as `Store.write` runs it: whose it is, its key, and the limit it counts against. */
export interface WriteRequest {
  /** Whose idempotency keys these are: a viewer id, or `moderator`. */
  scope: string;
  idempotencyKey: string | null;
  /** From `fingerprint()`: the same key with another request is refused. */
  fingerprint: string;
  limit?: {action: LimitedAction; subjects: RateSubjects; limits: RateLimits};
}

export interface WriteResponse {
  status: number;
  body: unknown;
}

export interface WriteOutcome extends WriteResponse {
  /** The stored response of an earlier request with the same key. */
  replayed: boolean;
}

/** A question id that is already taken. */
export class DuplicateIdError extends Error {
  override readonly name = 'DuplicateIdError';
}

/**
 * Everything the reference server keeps. One interface, one Kysely implementation, so the
 * same queries run on SQLite and PostgreSQL.
 *
 * Writes go through `write()`, which opens one transaction for the idempotency key, the
 * rate limit and the write itself, and hands the callback a Store bound to it: every read
 * and write the callback makes sees, and commits with, the same transaction.
 */
export interface Store {
  /** The viewer a bearer token belongs to, or null for an unknown token. */
  viewerIdForToken(token: string): Promise<string | null>;
  /** Mints an anonymous viewer: its id and the token that proves it (shown once, kept hashed). */
  createViewer(options?: {points?: number}): Promise<{id: string; token: string}>;
  createQuestion(data: NewQuestionData): Promise<{question: Question; askerToken: string}>;
  /** A page of a thread as the viewer sees it, or null when there is no such question. */
  getThread(questionId: string, options: ThreadOptions): Promise<Thread | null>;
  /** A post's comments, oldest first, or null when the post is not there for this viewer. */
  getComments(
    postId: string,
    options: {viewerId: string | null; cursor?: string; limit?: number},
  ): Promise<CommentsPage | null>;
  /** One post as the viewer sees it, with its latest comments; null when it is not there for them. */
  getPost(postId: string, viewerId: string | null): Promise<Post | null>;
  /** The facts a write decides on, for any post that exists (removed ones included). */
  findPost(postId: string): Promise<PostRecord | null>;
  /** Whether a sibling the author can see already says the same words. */
  hasDuplicate(
    sibling: {parentId: string; kind: 'answer' | 'comment'; body: string; authorId: string},
    exceptId?: string,
  ): Promise<boolean>;
  /** The display names other authors (the asker included) go by in a question's thread. */
  namesInThread(questionId: string, exceptAuthorId: string): Promise<string[]>;
  /**
   * Adds an answer to a question or a comment to a question or an answer (`parentId`),
   * as the author sees it. One path for both: they differ only in kind and parent.
   */
  addPost<K extends 'answer' | 'comment'>(
    kind: K,
    parentId: string,
    data: NewPostData,
  ): Promise<PostOfKind[K]>;
  /** Sets the viewer's vote on a post (1, 0 or -1) and keeps score and author points in step. */
  setVote(postId: string, viewerId: string, value: VoteValue): Promise<VoteResult>;
  /**
   * Marks an answer as the question's best (null clears it) and moves the 15 points with
   * it. `question`: what a caller that locked the question (`lockPost`) has already read.
   */
  setAcceptedAnswer(
    questionId: string,
    answerId: string | null,
    question?: {acceptedAnswerId: string | null; authorId: string | null},
  ): Promise<void>;
  /** Takes a post's row lock for the rest of the transaction (see `KyselyStore.lockPost`). */
  lockPost(postId: string): Promise<void>;
  /** One flag per viewer per post; at `threshold` open flags a published answer or comment is hidden. */
  addFlag(
    postId: string,
    viewerId: string,
    flag: {reason: FlagReason; note?: string},
    threshold: number,
  ): Promise<void>;
  /** Replaces a post's body; `pending` sends a published post back to the moderators. */
  editPost(postId: string, edit: PostEditData): Promise<void>;
  /** The author's soft delete: the post disappears, counts, points and the best answer follow. */
  removePost(postId: string): Promise<void>;
  moderationQueue(filter: ModerationFilter): Promise<ModerationQueue>;
  /** Hides, restores or approves a post and clears its flags; null when there is no such post. */
  moderate(postId: string, action: ModerationAction): Promise<ModeratedPost | null>;
  /** Runs a write exactly once per idempotency key, within the rate limit, in one transaction. */
  write(
    request: WriteRequest,
    run: (store: Store) => Promise<WriteResponse>,
  ): Promise<WriteOutcome>;
  /** The writes these subjects have no room left for this hour. */
  limitsUsedUp(subjects: RateSubjects, limits: RateLimits): Promise<Set<LimitedAction>>;
  /** The key IP addresses are hashed with, the same for every process on this database. */
  ipKey(): Promise<string>;
  /** Forgets idempotency keys older than a day and rate counters of past hours. */
  purgeExpired(): Promise<{idempotencyKeys: number; rateCounters: number}>;
  close(): Promise<void>;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new random id: 12 characters of [a-z0-9], about 62 bits. */
export function newId(): string {
  return Array.from(randomBytes(12), (byte) => ID_ALPHABET[byte % 36]).join('');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Most items a moderation queue lists at once, oldest first. */
const QUEUE_SIZE = 100;

/** What changing a post's status depends on: an answer's status counts on its question. */
const STATUS_FACTS = ['kind', 'status', 'question_id'] as const;
type StatusFacts = Pick<Selectable<DB['posts']>, (typeof STATUS_FACTS)[number]>;

/** What a moderator sees of a post. */
const MODERATED_COLUMNS = [
  'p.id',
  'p.kind',
  'p.question_id',
  'p.status',
  'p.body',
  'p.body_format',
  'p.body_html',
  'p.author_name',
  'p.created_at',
] as const;

type ModeratedRow = Pick<
  Selectable<DB['posts']>,
  (typeof MODERATED_COLUMNS)[number] extends `p.${infer Column}` ? Column : never
>;

function toModerated(row: ModeratedRow, flags: ModeratedPost['flags']): ModeratedPost {
  return {
    id: row.id,
    kind: row.kind,
    questionId: row.question_id,
    status: shownStatus(row.status),
    // Moderators see what was written as well as how it shows.
    body: toBody(row, true),
    displayName: row.author_name,
    createdAt: row.created_at,
    flags,
  };
}

/** Attempts of a write that lost a race on a unique key to a twin (PostgreSQL). */
const WRITE_ATTEMPTS = 3;

export class KyselyStore implements Store {
  readonly db: Kysely<DB>;
  readonly #clock: () => Date;

  constructor(db: Kysely<DB>, options: {clock?: () => Date} = {}) {
    this.db = db;
    this.#clock = options.clock ?? (() => new Date());
    this.#prepared = new PreparedQueries(db);
  }

  /** The read path's queries, compiled once per shape (see db/prepared.ts). */
  readonly #prepared: PreparedQueries;

  #now(): string {
    return this.#clock().toISOString();
  }

  /** This store, bound to a transaction. */
  #bound(db: Kysely<DB>): KyselyStore {
    return new KyselyStore(db, {clock: this.#clock});
  }

  /**
   * Runs several statements as one: inside `write()` they already are; called directly
   * (the seed, the CLI, tests) they get a transaction of their own.
   */
  #atomic<T>(run: (store: KyselyStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return run(this);
    return this.db.transaction().execute((trx) => run(this.#bound(trx)));
  }

  async write(
    request: WriteRequest,
    run: (store: Store) => Promise<WriteResponse>,
  ): Promise<WriteOutcome> {
    const {scope, idempotencyKey: key, fingerprint} = request;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          if (key) {
            const stored = await storedResponse(trx, scope, key, fingerprint);
            if (stored) return {...stored, replayed: true};
          }
          const {limit} = request;
          if (limit)
            await countWrite(trx, limit.action, limit.subjects, limit.limits, this.#clock());
          const response = await run(this.#bound(trx));
          if (key)
            await storeResponse(trx, {scope, key, fingerprint, now: this.#now(), ...response});
          return {...response, replayed: false};
        });
      } catch (error) {
        // A twin request with the same key committed first: run again to replay its response.
        if (key && attempt < WRITE_ATTEMPTS && isUniqueViolation(error)) continue;
        throw error;
      }
    }
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
    const html = data.html ?? renderMarkdown(data.body);
    const asker = await this.#atomic(async (store) => {
      const existing = await store.db
        .selectFrom('posts')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (existing) throw new DuplicateIdError(`A post with id "${id}" already exists`);
      const created = await store.createViewer({points: data.author?.points});
      await store.db
        .insertInto('posts')
        .values({
          id,
          kind: 'question',
          question_id: id,
          parent_id: null,
          body: data.body,
          body_format: 'markdown',
          body_html: html,
          body_key: null,
          author_id: created.id,
          author_name: data.author?.displayName || null,
          created_at: this.#now(),
          editor_id: null,
          editor_name: null,
          edited_at: null,
          removed_at: null,
          title: data.title,
          category: data.category ?? null,
          tags: JSON.stringify(data.tags),
          accepted_answer_id: null,
        })
        .execute();
      return created;
    });
    const thread = await this.getThread(id, {sort: 'votes', viewerId: asker.id, limit: 1});
    return {question: thread!.question, askerToken: asker.token};
  }

  async getThread(questionId: string, options: ThreadOptions): Promise<Thread | null> {
    const {viewerId, sort} = options;
    const limit = Math.min(options.limit ?? limits.pageSize.default, limits.pageSize.max);
    const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, sort);
    const serverTime = this.#now();

    const [questionRow] = await this.#prepared.run(
      'question',
      () =>
        selectPosts(this.db, parameter(0))
          .where('p.id', '=', parameter<string>(1))
          .where('p.kind', '=', 'question'),
      [viewerId ?? '', questionId],
    );
    if (!questionRow || !visibleTo(questionRow, viewerId)) return null;

    const facts: ViewerFacts = {
      viewerId,
      isAsker: viewerId !== null && questionRow.author_id === viewerId,
      limited: options.limited,
    };
    const acceptedId = questionRow.accepted_answer_id;

    // The first page leads with the accepted answer, then the viewer's own answers that
    // wait for a moderator or were hidden (so the widget can say so); pages never repeat them.
    const leading = after
      ? []
      : await this.#leadingAnswers(questionId, acceptedId, viewerId, limit);
    const pageSize = limit - leading.filter((row) => row.status !== 'published').length;

    const rows = await this.#prepared.run(
      `page:${sort}:${after ? 'after' : 'first'}:${acceptedId ? 'accepted' : 'none'}:${pageSize}`,
      () => {
        let page = selectPosts(this.db, parameter(0))
          .where('p.question_id', '=', parameter<string>(1))
          .where('p.kind', '=', 'answer')
          .where('p.status', '=', 'published');
        if (acceptedId) page = page.where('p.id', '!=', parameter<string>(2));
        if (after) {
          const key = {
            score: parameter<number>(3),
            createdAt: parameter<string>(4),
            id: parameter<string>(5),
          };
          page = page.where((eb) => keysetAfter(eb, sort, key));
        }
        return orderFor(page, sort).limit(sql.lit(pageSize + 1));
      },
      [viewerId ?? '', questionId, acceptedId, after?.score, after?.createdAt, after?.id],
    );

    const hasMore = rows.length > pageSize;
    const shown = [...leading, ...rows.slice(0, pageSize)];
    const last = rows.slice(0, pageSize).at(-1);
    const comments = await this.#latestComments(
      [questionRow.id, ...shown.map((row) => row.id)],
      facts,
    );
    return {
      question: toQuestion(questionRow, facts, comments.get(questionRow.id)),
      answers: shown.map((row) => toAnswer(row, facts, acceptedId, comments.get(row.id))),
      nextCursor: hasMore && last ? encodeCursor(sort, last) : null,
      viewer: {
        isAsker: facts.isAsker,
        canAnswer: canAnswer({status: shownStatus(questionRow.status)}, facts),
      },
      serverTime,
    };
  }

  /**
   * The accepted answer and the viewer's own unpublished answers, oldest first. The own
   * ones count against the page like any others: at most `limit - 1` of them, so a page
   * never grows past its size and always has room for a published answer.
   */
  async #leadingAnswers(
    questionId: string,
    acceptedId: string | null,
    viewerId: string | null,
    limit: number,
  ): Promise<PostRow[]> {
    if (!acceptedId && !viewerId) return [];
    const ownLimit = viewerId ? limit - 1 : 0;
    const rows = await this.#prepared.run(
      `leading:${acceptedId ? 'accepted' : 'none'}:${ownLimit}`,
      () => {
        const accepted = selectPosts(this.db, parameter(0))
          .where('p.id', '=', parameter<string>(1))
          .where('p.status', '=', 'published');
        const own = selectPosts(this.db, parameter(0))
          .where('p.question_id', '=', parameter<string>(2))
          .where('p.kind', '=', 'answer')
          .where('p.status', 'in', ['pending', 'hidden'])
          .where('p.author_id', '=', parameter<string>(0))
          .orderBy('p.created_at')
          .orderBy('p.id')
          .limit(sql.lit(Math.max(ownLimit, 0)));
        if (!acceptedId) return this.db.selectFrom(own.as('own')).selectAll();
        if (!ownLimit) return this.db.selectFrom(accepted.as('accepted')).selectAll();
        return this.db
          .selectFrom(accepted.as('accepted'))
          .selectAll()
          .unionAll(this.db.selectFrom(own.as('own')).selectAll());
      },
      [viewerId ?? '', acceptedId, questionId],
    );
    // SQL promises no order across the parts: the accepted answer first, then oldest first.
    return rows.sort(
      (a, b) =>
        Number(b.id === acceptedId) - Number(a.id === acceptedId) ||
        byText(a.created_at, b.created_at) ||
        byText(a.id, b.id),
    );
  }

  /**
   * The latest few comments of each post (oldest first among them) and each post's count,
   * in one query however many posts the page shows: per post, a walk backwards along
   * `posts_by_parent` that stops after the few it shows, and a count along the same
   * index. The database sorts nothing: the rows come in index order and stop at the few
   * shown; only the count visits each of a post's comments.
   */
  async #latestComments(
    parentIds: string[],
    facts: ViewerFacts,
  ): Promise<Map<string, CommentList>> {
    const lists = new Map<string, CommentList>();
    if (!parentIds.length) return lists;
    const {viewerId} = facts;
    const viewer = viewerId === null ? null : parameter<string>(0);
    const rows = await this.#prepared.run(
      `comments:${parentIds.length}:${viewerId ? 'viewer' : 'anonymous'}`,
      () => {
        const latestOf = (index: number) => {
          const parentId = parameter<string>(index + 1);
          const latest = selectComments(this.db)
            .select((eb) => [
              eb
                .selectFrom('posts as p')
                .select((count) => count.fn.countAll<number>().as('total'))
                .where('p.kind', '=', 'comment')
                .where('p.parent_id', '=', parentId)
                .where((inner) => visibleFilter(inner, viewer))
                .as('total'),
            ])
            .where('p.kind', '=', 'comment')
            .where('p.parent_id', '=', parentId)
            .where((eb) => visibleFilter(eb, viewer))
            .orderBy('p.created_at', 'desc')
            .orderBy('p.id', 'desc')
            .limit(sql.lit(limits.commentsShown))
            .as(`c${index}`);
          return this.db.selectFrom(latest).selectAll();
        };
        let query = latestOf(0);
        for (let i = 1; i < parentIds.length; i++) query = query.unionAll(latestOf(i));
        return query;
      },
      [viewerId ?? '', ...parentIds],
    );
    // SQL promises no order across the parts; a few dozen rows sort here for nothing.
    rows.sort((a, b) =>
      a.created_at === b.created_at ? byText(a.id, b.id) : byText(a.created_at, b.created_at),
    );
    for (const row of rows) {
      const parentId = row.parent_id!;
      const list = lists.get(parentId) ?? {items: [], count: Number(row.total)};
      list.items.push(toComment(row, facts));
      lists.set(parentId, list);
    }
    return lists;
  }

  async getComments(
    postId: string,
    options: {viewerId: string | null; cursor?: string; limit?: number},
  ): Promise<CommentsPage | null> {
    const {viewerId} = options;
    const record = await this.findPost(postId);
    if (!record || record.kind === 'comment' || !reachable(record, viewerId)) return null;
    const isAsker = viewerId !== null && record.question.authorId === viewerId;
    const limit = Math.min(options.limit ?? limits.pageSize.max, limits.pageSize.max);
    const after =
      options.cursor === undefined ? undefined : decodeCursor(options.cursor, 'comments');
    let page = this.#comments()
      .where('p.kind', '=', 'comment')
      .where('p.parent_id', '=', postId)
      .where((eb) => visibleFilter(eb, viewerId));
    if (after) page = page.where((eb) => keysetAfter(eb, 'comments', after));
    const rows = await page
      .orderBy('p.created_at')
      .orderBy('p.id')
      .limit(limit + 1)
      .execute();
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      comments: shown.map((row) => toComment(row, {viewerId, isAsker})),
      nextCursor: rows.length > limit && last ? encodeCursor('comments', last) : null,
    };
  }

  async getPost(postId: string, viewerId: string | null): Promise<Post | null> {
    const record = await this.findPost(postId);
    if (!record || !reachable(record, viewerId)) return null;
    const facts: ViewerFacts = {
      viewerId,
      isAsker: viewerId !== null && record.question.authorId === viewerId,
    };
    if (record.kind === 'comment') {
      const row = await this.#comments().where('p.id', '=', postId).executeTakeFirstOrThrow();
      return toComment(row, facts);
    }
    const row = await this.#posts(viewerId).where('p.id', '=', postId).executeTakeFirstOrThrow();
    const comments = (await this.#latestComments([postId], facts)).get(postId);
    return record.kind === 'question'
      ? toQuestion(row, facts, comments)
      : toAnswer(row, facts, record.question.acceptedAnswerId, comments);
  }

  async findPost(postId: string): Promise<PostRecord | null> {
    const row = await this.db
      .selectFrom('posts as p')
      .innerJoin('posts as q', 'q.id', 'p.question_id')
      .leftJoin('posts as parent', 'parent.id', 'p.parent_id')
      .select([
        'p.id',
        'p.kind',
        'p.status',
        'p.author_id',
        'p.author_name',
        'p.question_id',
        'p.parent_id',
        'q.status as question_status',
        'q.author_id as question_author_id',
        'q.accepted_answer_id',
        'parent.kind as parent_kind',
        'parent.status as parent_status',
        'parent.author_id as parent_author_id',
      ])
      .where('p.id', '=', postId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      authorId: row.author_id,
      authorName: row.author_name,
      questionId: row.question_id,
      parentId: row.parent_id,
      question: {
        status: row.question_status,
        authorId: row.question_author_id,
        acceptedAnswerId: row.accepted_answer_id,
      },
      parent:
        row.parent_kind && row.parent_status
          ? {kind: row.parent_kind, status: row.parent_status, authorId: row.parent_author_id}
          : null,
    };
  }

  async hasDuplicate(
    sibling: {parentId: string; kind: 'answer' | 'comment'; body: string; authorId: string},
    exceptId?: string,
  ): Promise<boolean> {
    let query = this.db
      .selectFrom('posts as p')
      .select('p.id')
      .where('p.parent_id', '=', sibling.parentId)
      .where('p.body_key', '=', bodyKey(sibling.body))
      .where('p.kind', '=', sibling.kind)
      .where((eb) => visibleFilter(eb, sibling.authorId));
    if (exceptId) query = query.where('p.id', '!=', exceptId);
    return (await query.limit(1).executeTakeFirst()) !== undefined;
  }

  async namesInThread(questionId: string, exceptAuthorId: string): Promise<string[]> {
    const rows = await this.db
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

  addPost<K extends 'answer' | 'comment'>(
    kind: K,
    parentId: string,
    data: NewPostData,
  ): Promise<PostOfKind[K]> {
    return this.#atomic(async (store) => {
      const id = await store.#insertPost(kind, parentId, data);
      return (await store.getPost(id, data.authorId)) as PostOfKind[K];
    });
  }

  async #insertPost(kind: 'answer' | 'comment', parentId: string, data: NewPostData) {
    const id = newId();
    const html = data.html ?? renderMarkdown(data.body);
    const status = data.status ?? 'published';
    const now = this.#now();
    await this.db
      .insertInto('posts')
      .values({
        id,
        kind,
        question_id: data.questionId,
        parent_id: parentId,
        status,
        body: data.body,
        body_format: 'markdown',
        body_html: html,
        body_key: bodyKey(data.body),
        author_id: data.authorId,
        author_name: data.displayName || null,
        created_at: now,
        edited_at: null,
        editor_id: null,
        editor_name: null,
        removed_at: null,
        title: null,
        category: null,
        tags: null,
        accepted_answer_id: null,
      })
      .execute();
    if (kind === 'answer' && status === 'published') await this.#countAnswer(data.questionId, 1);
    if (data.notifyEmail) {
      await this.db
        .insertInto('notification_emails')
        .values({
          id: newId(),
          viewer_id: data.authorId,
          post_id: id,
          email: data.notifyEmail,
          confirm_token: randomBytes(24).toString('base64url'),
          confirmed_at: null,
          created_at: now,
        })
        .execute();
    }
    return id;
  }

  async #countAnswer(questionId: string, change: number) {
    await this.db
      .updateTable('posts')
      .set((eb) => ({answer_count: eb('answer_count', '+', change)}))
      .where('id', '=', questionId)
      .execute();
  }

  setVote(postId: string, viewerId: string, value: VoteValue): Promise<VoteResult> {
    return this.#atomic(async (store) => {
      const {db} = store;
      await store.lockPost(postId);
      const post = await db
        .selectFrom('posts')
        .select(['kind', 'author_id'])
        .where('id', '=', postId)
        .executeTakeFirstOrThrow();
      const previous = await db
        .selectFrom('votes')
        .select('value')
        .where('post_id', '=', postId)
        .where('viewer_id', '=', viewerId)
        .executeTakeFirst();
      const before = previous?.value ?? 0;
      if (value === 0) {
        await db
          .deleteFrom('votes')
          .where('post_id', '=', postId)
          .where('viewer_id', '=', viewerId)
          .execute();
      } else {
        // The primary key (post, viewer) makes this one row per viewer, whoever else is writing.
        await db
          .insertInto('votes')
          .values({post_id: postId, viewer_id: viewerId, value, created_at: this.#now()})
          .onConflict((oc) => oc.columns(['post_id', 'viewer_id']).doUpdateSet({value}))
          .execute();
      }
      const {score} = await db
        .updateTable('posts')
        .set((eb) => ({score: eb('score', '+', value - before)}))
        .where('id', '=', postId)
        .returning('score')
        .executeTakeFirstOrThrow();
      const points = pointsForVote(post.kind, value) - pointsForVote(post.kind, before);
      if (points && post.author_id) await addPoints(db, post.author_id, points);
      return {score, viewerVote: value};
    });
  }

  setAcceptedAnswer(
    questionId: string,
    answerId: string | null,
    known?: {acceptedAnswerId: string | null; authorId: string | null},
  ): Promise<void> {
    return this.#atomic(async (store) => {
      const {db} = store;
      let question = known && {
        accepted_answer_id: known.acceptedAnswerId,
        author_id: known.authorId,
      };
      if (!question) {
        await store.lockPost(questionId);
        question = await db
          .selectFrom('posts')
          .select(['accepted_answer_id', 'author_id'])
          .where('id', '=', questionId)
          .executeTakeFirstOrThrow();
      }
      const previous = question.accepted_answer_id;
      if (previous === answerId) return;
      await db
        .updateTable('posts')
        .set({accepted_answer_id: answerId})
        .where('id', '=', questionId)
        .execute();
      if (previous) await awardBestAnswer(db, previous, question.author_id, -1);
      if (answerId) await awardBestAnswer(db, answerId, question.author_id, 1);
    });
  }

  addFlag(
    postId: string,
    viewerId: string,
    flag: {reason: FlagReason; note?: string},
    threshold: number,
  ): Promise<void> {
    return this.#atomic(async (store) => {
      await store.lockPost(postId);
      // The key (post, viewer) keeps it to one flag each, however often it is sent.
      await store.db
        .insertInto('flags')
        .values({
          post_id: postId,
          viewer_id: viewerId,
          reason: flag.reason,
          note: flag.note || null,
          created_at: this.#now(),
          cleared_at: null,
        })
        .onConflict((oc) => oc.columns(['post_id', 'viewer_id']).doNothing())
        .execute();
      const {open} = await store.db
        .selectFrom('flags')
        .select((eb) => eb.fn.countAll<number>().as('open'))
        .where('post_id', '=', postId)
        .where('cleared_at', 'is', null)
        .executeTakeFirstOrThrow();
      const post = await store.db
        .selectFrom('posts')
        .select(STATUS_FACTS)
        .where('id', '=', postId)
        .executeTakeFirstOrThrow();
      // Readers' flags alone never hide a question: the whole thread would go with it.
      // They reach the moderators' flagged queue, and the thread stays readable.
      if (Number(open) >= threshold && post.status === 'published' && post.kind !== 'question') {
        await store.#setStatus(postId, post, 'hidden');
      }
    });
  }

  editPost(postId: string, edit: PostEditData): Promise<void> {
    const html = edit.html ?? renderMarkdown(edit.body);
    return this.#atomic(async (store) => {
      if (edit.pending) {
        await store.lockPost(postId);
        const post = await store.db
          .selectFrom('posts')
          .select(STATUS_FACTS)
          .where('id', '=', postId)
          .executeTakeFirstOrThrow();
        if (post.status === 'published') await store.#setStatus(postId, post, 'pending');
      }
      await store.#edit(postId, edit, html);
    });
  }

  async #edit(postId: string, edit: PostEditData, html: string) {
    await this.db
      .updateTable('posts')
      .set((eb) => ({
        body: edit.body,
        body_format: 'markdown',
        body_html: html,
        // Questions have no siblings to be a duplicate of.
        body_key: eb.case().when('kind', '=', 'question').then(null).else(bodyKey(edit.body)).end(),
        edited_at: this.#now(),
        editor_id: edit.editorId,
        editor_name: edit.editorName || null,
      }))
      .where('id', '=', postId)
      .execute();
  }

  removePost(postId: string): Promise<void> {
    return this.#atomic(async (store) => {
      const {db} = store;
      await store.lockPost(postId);
      const post = await db
        .selectFrom('posts')
        .select(['kind', 'status', 'author_id', 'question_id'])
        .where('id', '=', postId)
        .executeTakeFirstOrThrow();
      if (post.status === 'removed') return;
      await store.#setStatus(postId, post, 'removed');
      // The author's points from this post go with it: its votes, and being the best answer.
      if (post.author_id && post.kind !== 'comment') {
        const votes = await db
          .selectFrom('votes')
          .select('value')
          .where('post_id', '=', postId)
          .execute();
        const points = votes.reduce((sum, {value}) => sum + pointsForVote(post.kind, value), 0);
        if (points) await addPoints(db, post.author_id, -points);
      }
      if (post.kind === 'answer') {
        const question = await db
          .selectFrom('posts')
          .select('accepted_answer_id')
          .where('id', '=', post.question_id)
          .executeTakeFirstOrThrow();
        if (question.accepted_answer_id === postId) {
          await store.setAcceptedAnswer(post.question_id, null);
        }
      }
      // Nobody will be told about a post that is gone: its addresses go too.
      await db.deleteFrom('notification_emails').where('post_id', '=', postId).execute();
    });
  }

  /**
   * Takes the post's row lock before reading what a change to it depends on (the previous
   * vote, the accepted answer, the status). On SQLite, BEGIN IMMEDIATE already runs one
   * writer at a time; on PostgreSQL (READ COMMITTED) two transactions could both read "no
   * vote yet" and both add to the score, the unique key keeping only the vote row right.
   * A no-op UPDATE is the lock both databases understand (SQLite has no FOR UPDATE).
   */
  async lockPost(postId: string) {
    await this.db
      .updateTable('posts')
      .set((eb) => ({score: eb.ref('score')}))
      .where('id', '=', postId)
      .execute();
  }

  /** Changes a post's status and keeps the question's count of published answers in step. */
  /** `post`: the row as the caller read it, under the post's lock (`#lockPost`). */
  async #setStatus(postId: string, post: StatusFacts, status: StoredStatus) {
    if (post.status === status) return;
    await this.db
      .updateTable('posts')
      .set({status, removed_at: status === 'removed' ? this.#now() : null})
      .where('id', '=', postId)
      .execute();
    if (post.kind === 'answer') {
      const change = Number(status === 'published') - Number(post.status === 'published');
      if (change) await this.#countAnswer(post.question_id, change);
    }
  }

  async moderationQueue(filter: ModerationFilter): Promise<ModerationQueue> {
    let query = this.db.selectFrom('posts as p').select(MODERATED_COLUMNS);
    query =
      filter === 'flagged'
        ? query
            .where('p.status', '!=', 'removed')
            .where('p.id', 'in', (eb) =>
              eb.selectFrom('flags').select('post_id').where('cleared_at', 'is', null),
            )
        : query.where('p.status', '=', filter);
    const rows = await query.orderBy('p.created_at').orderBy('p.id').limit(QUEUE_SIZE).execute();
    const flags = rows.length
      ? await this.db
          .selectFrom('flags')
          .select(['post_id', 'reason', 'note', 'created_at'])
          .where(
            'post_id',
            'in',
            rows.map((row) => row.id),
          )
          .where('cleared_at', 'is', null)
          .orderBy('created_at')
          .execute()
      : [];
    return {
      posts: rows.map((row) =>
        toModerated(
          row,
          flags
            .filter((flag) => flag.post_id === row.id)
            .map((flag) => ({reason: flag.reason, note: flag.note, createdAt: flag.created_at})),
        ),
      ),
    };
  }

  moderate(postId: string, action: ModerationAction): Promise<ModeratedPost | null> {
    return this.#atomic(async (store) => {
      await store.lockPost(postId);
      const post = await store.db
        .selectFrom('posts')
        .select(STATUS_FACTS)
        .where('id', '=', postId)
        .executeTakeFirst();
      if (!post || post.status === 'removed') return null;
      await store.#setStatus(postId, post, action === 'hide' ? 'hidden' : 'published');
      // A moderator has looked: the flags so far are dealt with, whichever way it went.
      await store.db
        .updateTable('flags')
        .set({cleared_at: this.#now()})
        .where('post_id', '=', postId)
        .where('cleared_at', 'is', null)
        .execute();
      const row = await store.db
        .selectFrom('posts as p')
        .select(MODERATED_COLUMNS)
        .where('p.id', '=', postId)
        .executeTakeFirstOrThrow();
      return toModerated(row, []);
    });
  }

  limitsUsedUp(subjects: RateSubjects, rateLimits: RateLimits): Promise<Set<LimitedAction>> {
    return usedUp(this.db, subjects, rateLimits, this.#clock());
  }

  ipKey(): Promise<string> {
    return loadIpKey(this.db);
  }

  async purgeExpired(): Promise<{idempotencyKeys: number; rateCounters: number}> {
    const now = this.#clock();
    return {
      idempotencyKeys: await purgeIdempotencyKeys(this.db, now),
      rateCounters: await purgeRateCounters(this.db, now),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  #posts(viewerId: string | null) {
    return selectPosts(this.db, viewerId);
  }

  #comments() {
    return selectComments(this.db);
  }
}

/**
 * A post the viewer can reach: it, its question and (for a comment) the post it is on
 * are all visible to them.
 */
export function reachable(record: PostRecord, viewerId: string | null): boolean {
  const visible = ({status, authorId}: {status: StoredStatus; authorId: string | null}) =>
    visibleTo({status, author_id: authorId}, viewerId);
  return (
    visible(record) &&
    visible(record.question) &&
    (record.parent === null || visible(record.parent))
  );
}

async function addPoints(db: Kysely<DB>, viewerId: string, points: number) {
  await db
    .updateTable('viewers')
    .set((eb) => ({points: eb('points', '+', points)}))
    .where('id', '=', viewerId)
    .execute();
}

/** Best-answer points, except for the asker choosing their own answer. */
async function awardBestAnswer(
  db: Kysely<DB>,
  answerId: string,
  askerId: string | null,
  sign: 1 | -1,
) {
  const answer = await db
    .selectFrom('posts')
    .select('author_id')
    .where('id', '=', answerId)
    .executeTakeFirst();
  if (!answer?.author_id || answer.author_id === askerId) return;
  await addPoints(db, answer.author_id, sign * pointsForBestAnswer);
}

/** Orders strings by code unit, as the database's binary collation does. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
