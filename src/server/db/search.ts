/**
 * Full-text search over questions: the one place the board's search is written in a
 * database's own dialect. SQLite's FTS5 with the `trigram` tokenizer matches any three
 * consecutive characters, so it finds words in scripts written without spaces (Japanese,
 * Chinese) as well as in English, French or Arabic, case-insensitively; a word shorter
 * than three characters cannot be looked up, so the board searches from three on.
 *
 * The index holds each question's title and text, keyed by the post's id, and follows
 * the posts table through triggers, so no write path has to remember it. PostgreSQL
 * would do the same with `pg_trgm` and a GIN index (`createSearchIndex` and `matchIds`
 * are what a port replaces).
 */
import {sql} from 'kysely';
import type {Kysely} from 'kysely';

/** Creates the index and its triggers, and indexes the questions already there. */
export async function createSearchIndex(db: Kysely<any>) {
  await sql`create virtual table question_search using fts5(
    post_id unindexed, title, body, tokenize = 'trigram')`.execute(db);
  await sql`insert into question_search (post_id, title, body)
    select id, title, body from posts where kind = 'question'`.execute(db);
  await sql`create trigger question_search_insert after insert on posts
    when new.kind = 'question' begin
      insert into question_search (post_id, title, body) values (new.id, new.title, new.body);
    end`.execute(db);
  await sql`create trigger question_search_update after update of title, body on posts
    when new.kind = 'question' begin
      delete from question_search where post_id = old.id;
      insert into question_search (post_id, title, body) values (new.id, new.title, new.body);
    end`.execute(db);
  await sql`create trigger question_search_delete after delete on posts
    when old.kind = 'question' begin
      delete from question_search where post_id = old.id;
    end`.execute(db);
}

export async function dropSearchIndex(db: Kysely<any>) {
  for (const trigger of ['insert', 'update', 'delete']) {
    await sql`drop trigger if exists ${sql.raw(`question_search_${trigger}`)}`.execute(db);
  }
  await sql`drop table if exists question_search`.execute(db);
}

/**
 * The words of a query as the index can look them up: each of three characters or more,
 * quoted (so nothing a reader types is read as query syntax), at most eight. Empty when
 * nothing in it can be searched for.
 */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFKC').split(/[\s\p{P}\p{S}]+/u);
  const terms = words.filter((word) => [...word].length >= 3);
  return [...new Set(terms)].slice(0, 8).map((word) => `"${word.replaceAll('"', '""')}"`);
}

/**
 * The ids of the published questions that match, best first, at most `limit`: every word
 * (`all`, a search) or any of them (similar titles), within one topic or among the topics
 * of one origin (a site). Unpublished questions never come back from a search.
 */
export async function matchIds(
  db: Kysely<any>,
  terms: string[],
  options: {all: boolean; limit: number; within: {topicId: string} | {origin: string}},
): Promise<string[]> {
  if (!terms.length) return [];
  const match = terms.join(options.all ? ' AND ' : ' OR ');
  const {within} = options;
  const scope =
    'topicId' in within
      ? sql`p.topic_id = ${within.topicId}`
      : sql`p.topic_id in (select id from topics where origin = ${within.origin})`;
  const {rows} = await sql<{post_id: string}>`select s.post_id from question_search s
    join posts p on p.id = s.post_id
    where question_search match ${match} and p.status = 'published' and ${scope}
    order by s.rank limit ${options.limit}`.execute(db);
  return rows.map((row) => row.post_id);
}
