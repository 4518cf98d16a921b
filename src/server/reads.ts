/**
 * The store's reads: a thread page, a post's comments, one post, and what moderators see.
 * The thread's queries are prepared once per shape (db/prepared.ts); every read maps rows
 * to the contract's shapes (post-rows.ts) with the same permissions as the writes.
 */
import {sql} from 'kysely';
import type {Kysely, Selectable} from 'kysely';
import type {CommentList, CommentsPage, Post, Sort, Thread} from '../api/schemas.js';
import {limits} from '../api/schemas.js';
import type {ModeratedPost, ModerationFilter, ModerationQueue} from '../api/moderation.js';
import type {LimitedAction} from './config.js';
import type {DB} from './db/database.js';
import {PreparedQueries, parameter} from './db/prepared.js';
import type {CompiledCache} from './db/prepared.js';
import {dialectOf} from './db/open.js';
import {reachable} from './domain/access.js';
import {canAnswer} from './domain/permissions.js';
import type {ViewerFacts} from './domain/permissions.js';
import type {PostRecord, ReadOptions} from './domain/repository.js';
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
import type {CursorKey, PostRow} from './post-rows.js';

export interface ThreadOptions {
  sort: Sort;
  cursor?: string;
  viewerId: string | null;
  limit?: number;
  /** Writes the viewer has used up this hour, so the thread can say so before they try. */
  limited?: ReadonlySet<LimitedAction>;
}

/** Most items a moderation queue lists at once, oldest first. */
const QUEUE_SIZE = 100;

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

/** Reads on a database or within a transaction (`db`), with the clock the store keeps. */
export class PostReads {
  readonly db: Kysely<DB>;
  readonly #clock: () => Date;
  /** The read path's queries, compiled once per shape (see db/prepared.ts). */
  readonly #prepared: PreparedQueries;

  readonly #postgres: boolean;

  constructor(db: Kysely<DB>, clock: () => Date, compiled?: CompiledCache) {
    this.db = db;
    this.#clock = clock;
    this.#prepared = new PreparedQueries(db, compiled);
    this.#postgres = dialectOf(db) === 'postgres';
  }

  async getThread(questionId: string, options: ThreadOptions): Promise<Thread | null> {
    const {viewerId, sort} = options;
    const limit = Math.min(options.limit ?? limits.pageSize.default, limits.pageSize.max);
    const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, sort);
    const serverTime = this.#clock().toISOString();

    const questionRow = await this.#question(questionId, viewerId);
    if (!questionRow) return null;

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

    const rows = await this.#answerPage(questionId, viewerId, sort, acceptedId, after, pageSize);

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

  /** The question's row, if the viewer can see it. */
  async #question(questionId: string, viewerId: string | null): Promise<PostRow | null> {
    const [row] = await this.#prepared.run(
      'question',
      () =>
        selectPosts(this.db, parameter(0))
          .where('p.id', '=', parameter<string>(1))
          .where('p.kind', '=', 'question'),
      [viewerId ?? '', questionId],
    );
    return row && visibleTo(row, viewerId) ? row : null;
  }

  /** One more published answer than the page shows (to know whether more follow), in order. */
  #answerPage(
    questionId: string,
    viewerId: string | null,
    sort: Sort,
    acceptedId: string | null,
    after: CursorKey | undefined,
    pageSize: number,
  ): Promise<PostRow[]> {
    return this.#prepared.run(
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

  async findPost(postId: string, options: ReadOptions = {}): Promise<PostRecord | null> {
    const lock = Boolean(options.forUpdate) && this.#postgres;
    const [row] = await this.#prepared.run(
      `findPost:${lock}`,
      () => {
        const query = this.db
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
          .where('p.id', '=', parameter<string>(0));
        // PostgreSQL locks the post's row as it reads it; SQLite's writer already holds
        // the database (BEGIN IMMEDIATE), and has no FOR UPDATE.
        return lock ? query.forUpdate('p') : query;
      },
      [postId],
    );
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

  /** What a moderator sees of one post, without its flags (they were just dealt with). */
  async moderatedPost(postId: string): Promise<ModeratedPost> {
    const row = await this.db
      .selectFrom('posts as p')
      .select(MODERATED_COLUMNS)
      .where('p.id', '=', postId)
      .executeTakeFirstOrThrow();
    return toModerated(row, []);
  }

  #posts(viewerId: string | null) {
    return selectPosts(this.db, viewerId);
  }

  #comments() {
    return selectComments(this.db);
  }
}

/** Orders strings by code unit, as the database's binary collation does. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
