/**
 * Boards, as the database has them: topics (an article on one site) and the questions
 * readers asked on them — listing a topic's questions in four orders, searching them,
 * questions like a title being typed, and adding one. Queries are Kysely's, in portable
 * SQL, except full-text search (db/search.ts); every list is an index range (migration
 * 0007, test/bench/sql-plan.mjs).
 */
import type {ExpressionBuilder, Kysely} from 'kysely';
import {sql} from 'kysely';
import {boardLimits} from '../api/board.js';
import type {BoardSort, QuestionSummary} from '../api/board.js';
import {limits} from '../api/schemas.js';
import type {DB} from './db/database.js';
import {matchIds, searchTerms} from './db/search.js';
import {InvalidCursorError, selectComments, shownStatus} from './post-rows.js';
import type {CommentRow} from './post-rows.js';
import {newId} from './ids.js';
import {renderMarkdown} from './rich-text.js';

export interface TopicRow {
  id: string;
  closed_at: string | null;
}

type Row = CommentRow & {topic_name: string};

/** Each order's columns, all descending: the sort key a cursor holds, then the id. */
const ORDERS: Record<BoardSort, ('activity_at' | 'created_at' | 'score')[]> = {
  activity: ['activity_at'],
  newest: ['created_at'],
  votes: ['score', 'created_at'],
  unanswered: ['created_at'],
};

export interface ListOptions {
  sort: BoardSort;
  cursor?: string;
  viewerId: string | null;
  limit?: number;
}

/** The plain-text start of a Markdown body: what a list shows under a title. */
export function excerpt(markdown: string): string {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_>#~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  if (chars.length <= boardLimits.excerpt) return text;
  return `${chars
    .slice(0, boardLimits.excerpt - 1)
    .join('')
    .trimEnd()}…`;
}

export function toSummary(row: Row, viewerId: string | null): QuestionSummary {
  const anonymous = row.author_name === null;
  return {
    id: row.id,
    title: row.title ?? '',
    excerpt: excerpt(row.body),
    status: shownStatus(row.status),
    score: row.score,
    answerCount: row.answer_count,
    hasAcceptedAnswer: row.accepted_answer_id !== null,
    author: {
      displayName: row.author_name,
      points: anonymous ? null : row.author_points,
      isViewer: viewerId !== null && row.author_id === viewerId,
    },
    createdAt: row.created_at,
    activityAt: row.activity_at ?? row.created_at,
    topic: row.topic_name,
  };
}

function encode(sort: BoardSort, row: Row): string {
  const key = [sort, ...ORDERS[sort].map((column) => row[column]), row.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decode(cursor: string, sort: BoardSort): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const size = ORDERS[sort].length + 2;
  if (
    !Array.isArray(key) ||
    key.length !== size ||
    key[0] !== sort ||
    !key.slice(1).every((value) => typeof value === 'string' || Number.isInteger(value))
  ) {
    throw new InvalidCursorError('The cursor is not one this server handed out for this sort');
  }
  return key.slice(1) as (string | number)[];
}

type Column = `p.${'activity_at' | 'created_at' | 'score' | 'id'}`;

/** Rows after `key` in a descending order of `columns` (the last one unique). */
function keysetAfter(
  eb: ExpressionBuilder<{p: DB['posts']}, 'p'>,
  columns: Column[],
  key: (string | number)[],
) {
  return eb.or(
    columns.map((column, i) =>
      eb.and([
        ...columns.slice(0, i).map((earlier, j) => eb(earlier, '=', key[j])),
        eb(column, '<', key[i]),
      ]),
    ),
  );
}

/** A topic's questions and what a board asks of the database. */
export class Topics {
  readonly db: Kysely<DB>;

  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  find(origin: string, topic: string): Promise<TopicRow | undefined> {
    return this.db
      .selectFrom('topics')
      .select(['id', 'closed_at'])
      .where('origin', '=', origin)
      .where('topic', '=', topic)
      .executeTakeFirst();
  }

  /** The topic, created when it is not there yet (by the question being asked). */
  async findOrCreate(
    origin: string,
    topic: string,
    title: string | null,
    now: string,
  ): Promise<TopicRow> {
    const found = await this.find(origin, topic);
    if (found) return found;
    const id = newId();
    await this.db
      .insertInto('topics')
      .values({id, origin, topic, title, closed_at: null, created_at: now})
      .onConflict((oc) => oc.columns(['origin', 'topic']).doNothing())
      .execute();
    return (await this.find(origin, topic))!;
  }

  /** Closes (or opens again) a topic to new questions; false when there is no such topic. */
  async setClosed(origin: string, topic: string, closed: boolean, now: string) {
    const result = await this.db
      .updateTable('topics')
      .set({closed_at: closed ? now : null})
      .where('origin', '=', origin)
      .where('topic', '=', topic)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  #select() {
    return selectComments(this.db)
      .innerJoin('topics as t', 't.id', 'p.topic_id')
      .select('t.topic as topic_name')
      .where('p.kind', '=', 'question');
  }

  /** The viewer's own questions on a topic, any status but removed, newest first. */
  #own(topicId: string, viewerId: string) {
    return this.#select()
      .where('p.topic_id', '=', topicId)
      .where('p.author_id', '=', viewerId)
      .where('p.status', 'in', ['published', 'pending', 'hidden'])
      .orderBy('p.created_at', 'desc')
      .limit(limits.pageSize.max)
      .execute();
  }

  /** Published questions of a topic after `after` in the order of `sort`, but the viewer's. */
  #page(
    topicId: string,
    sort: BoardSort,
    viewerId: string | null,
    after: (string | number)[] | undefined,
    limit: number,
  ) {
    const columns = ORDERS[sort].map((column) => `p.${column}` as const);
    let page = this.#select().where('p.topic_id', '=', topicId).where('p.status', '=', 'published');
    if (viewerId !== null) {
      page = page.where((eb) =>
        eb.or([eb('p.author_id', 'is', null), eb('p.author_id', '!=', viewerId)]),
      );
    }
    if (sort === 'unanswered') page = page.where('p.answer_count', '=', 0);
    if (after) page = page.where((eb) => keysetAfter(eb, [...columns, 'p.id'], after));
    for (const column of columns) page = page.orderBy(column, 'desc');
    return page.orderBy('p.id', 'desc').limit(limit).execute();
  }

  /**
   * A page of a topic's published questions in the order asked for; the first page leads
   * with the viewer's own (any status but removed, newest first).
   */
  async list(topicId: string, options: ListOptions) {
    const {sort, viewerId} = options;
    const limit = Math.min(options.limit ?? limits.pageSize.default, limits.pageSize.max);
    const after = options.cursor === undefined ? undefined : decode(options.cursor, sort);
    const own = after || viewerId === null ? [] : await this.#own(topicId, viewerId);
    const rows = await this.#page(topicId, sort, viewerId, after, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: [...own, ...shown].map((row) => toSummary(row, viewerId)),
      nextCursor: rows.length > limit && last ? encode(sort, last) : null,
    };
  }

  /** Published questions of the topic that have every word of `query`, best first. */
  async search(topicId: string, query: string, viewerId: string | null) {
    const ids = await matchIds(this.db, searchTerms(query), {
      all: true,
      limit: limits.pageSize.max,
      within: {topicId},
    });
    return this.#byIds(ids, viewerId);
  }

  /**
   * Questions like a title being typed: this topic's first, then the rest of the site's
   * (`origin`), at most `boardLimits.similar` in all.
   */
  async similar(origin: string, topicId: string | undefined, title: string) {
    const terms = searchTerms(title);
    const limit = boardLimits.similar;
    const here = topicId
      ? await matchIds(this.db, terms, {all: false, limit, within: {topicId}})
      : [];
    const site =
      here.length < limit
        ? await matchIds(this.db, terms, {all: false, limit: limit * 2, within: {origin}})
        : [];
    const ids = [...new Set([...here, ...site])].slice(0, limit);
    return this.#byIds(ids, null);
  }

  async #byIds(ids: string[], viewerId: string | null) {
    if (!ids.length) return [];
    const rows = await this.#select().where('p.id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row, viewerId)] : [];
    });
  }

  /** Adds a reader's question to a topic; returns its id. */
  async addQuestion(question: {
    topicId: string;
    title: string;
    body: string;
    html?: string;
    authorId: string;
    displayName: string | null;
    status: 'published' | 'pending';
    now: string;
  }): Promise<string> {
    const id = newId();
    const {now} = question;
    await this.db
      .insertInto('posts')
      .values({
        id,
        kind: 'question',
        question_id: id,
        parent_id: null,
        status: question.status,
        body: question.body,
        body_format: 'markdown',
        body_html: question.html ?? renderMarkdown(question.body),
        body_key: null,
        author_id: question.authorId,
        author_name: question.displayName,
        created_at: now,
        edited_at: null,
        editor_id: null,
        editor_name: null,
        removed_at: null,
        title: question.title,
        category: null,
        tags: '[]',
        accepted_answer_id: null,
        topic_id: question.topicId,
        activity_at: now,
      })
      .execute();
    return id;
  }

  /** Whether the viewer already asked a question with this title on the topic (any status). */
  async askedBefore(topicId: string, authorId: string, title: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('posts')
      .select('id')
      .where('topic_id', '=', topicId)
      .where('author_id', '=', authorId)
      .where('kind', '=', 'question')
      .where('status', '!=', 'removed')
      .where(sql<string>`lower(title)`, '=', title.toLowerCase())
      .executeTakeFirst();
    return !!row;
  }
}
