/**
 * Full-text search over questions: the one place the board's search is written in each
 * database's own dialect. Both find any run of three or more characters, case-insensitively,
 * so words are found in scripts written without spaces (Japanese, Chinese) as well as in
 * English, French or Arabic, and a query means the same on either database; a word shorter
 * than three characters cannot be looked up, so the board searches from three on.
 *
 * - SQLite: an FTS5 table with the `trigram` tokenizer holds each question's title and
 *   text, keyed by the post's id, and follows the posts table through triggers, so no
 *   write path has to remember it. Best first is FTS5's rank (bm25).
 * - PostgreSQL: a GIN index with `pg_trgm`'s trigram operator class on the question's
 *   title and text, which `ILIKE '%word%'` uses (PostgreSQL keeps it current itself).
 *   PostgreSQL's `tsvector` text search was not chosen: its parsers split words at
 *   spaces, so a Japanese title is one "word" and a word inside it is never found. Best
 *   first: the most words in the title, then the most recently active.
 */
import {sql} from 'kysely';
import type {Kysely, RawBuilder} from 'kysely';
import {dialectOf} from './open.js';

/** Creates the index (and on SQLite its triggers), and indexes the questions already there. */
export async function createSearchIndex(db: Kysely<any>) {
  if (dialectOf(db) === 'postgres') {
    await createTrigramIndex(db);
    return;
  }
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
  if (dialectOf(db) === 'postgres') {
    // pg_trgm stays: it belongs to the database, and something else may use it.
    await sql`drop index if exists question_search`.execute(db);
    return;
  }
  for (const trigger of ['insert', 'update', 'delete']) {
    await sql`drop trigger if exists ${sql.raw(`question_search_${trigger}`)}`.execute(db);
  }
  await sql`drop table if exists question_search`.execute(db);
}

/** What PostgreSQL's index holds and its queries match: a question's title and text. */
const SEARCHED = `(coalesce(title, '') || ' ' || body)`;

/**
 * The trigram index on PostgreSQL. `pg_trgm` ships with PostgreSQL (Debian's
 * postgresql-contrib, part of its server package) and is a trusted extension: a role
 * that may create in the database may add it. An extension exists once per database, so
 * one already there is used wherever it is; else it goes in `public`, where it outlives
 * any one schema of Quanda's.
 */
async function createTrigramIndex(db: Kysely<any>) {
  let schema = await trigramSchema(db);
  if (!schema) {
    try {
      await sql`create extension if not exists pg_trgm schema public`.execute(db);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `the board's search needs PostgreSQL's pg_trgm extension, which this role could not add (${reason}); ` +
          'run "create extension pg_trgm schema public" once as the database owner',
        {cause: error},
      );
    }
    schema = 'public';
  }
  await sql`create index question_search on posts
    using gin (${sql.raw(SEARCHED)} ${sql.id(schema, 'gin_trgm_ops')})
    where kind = 'question'`.execute(db);
}

async function trigramSchema(db: Kysely<any>): Promise<string | undefined> {
  const {rows} = await sql<{schema: string}>`select n.nspname as schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm'`.execute(db);
  return rows[0]?.schema;
}

/**
 * The words of a query as the index can look them up: each of three characters or more,
 * at most eight. Empty when nothing in it can be searched for.
 */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFKC').split(/[\s\p{P}\p{S}]+/u);
  const terms = words.filter((word) => [...word].length >= 3);
  return [...new Set(terms)].slice(0, 8);
}

export interface MatchOptions {
  /** Every word (a search), or any of them (similar titles). */
  all: boolean;
  limit: number;
  within: {topicId: string} | {origin: string};
}

/**
 * The ids of the published questions that match, best first, at most `limit`: every word
 * (`all`, a search) or any of them (similar titles), within one topic or among the topics
 * of one origin (a site). Unpublished questions never come back from a search.
 */
export async function matchIds(
  db: Kysely<any>,
  terms: string[],
  options: MatchOptions,
): Promise<string[]> {
  if (!terms.length) return [];
  const {within} = options;
  const scope =
    'topicId' in within
      ? sql`p.topic_id = ${within.topicId}`
      : sql`p.topic_id in (select id from topics where origin = ${within.origin})`;
  const rows =
    dialectOf(db) === 'postgres'
      ? await trigramMatches(db, terms, options, scope)
      : await ftsMatches(db, terms, options, scope);
  return rows.map((row) => row.post_id);
}

async function ftsMatches(
  db: Kysely<any>,
  terms: string[],
  options: MatchOptions,
  scope: RawBuilder<unknown>,
) {
  // Each word quoted, so nothing a reader types is read as FTS5 query syntax.
  const quoted = terms.map((word) => `"${word.replaceAll('"', '""')}"`);
  const match = quoted.join(options.all ? ' AND ' : ' OR ');
  const {rows} = await sql<{post_id: string}>`select s.post_id from question_search s
    join posts p on p.id = s.post_id
    where question_search match ${match} and p.status = 'published' and ${scope}
    order by s.rank limit ${options.limit}`.execute(db);
  return rows;
}

async function trigramMatches(
  db: Kysely<any>,
  terms: string[],
  options: MatchOptions,
  scope: RawBuilder<unknown>,
) {
  // `%`, `_` and `\` a reader types are themselves, not ILIKE's wildcards.
  const patterns = terms.map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
  const searched = sql.raw(SEARCHED.replace(/(title|body)/g, 'p.$1'));
  const match = sql.join(
    patterns.map((pattern) => sql`${searched} ilike ${pattern}`),
    sql.raw(options.all ? ' and ' : ' or '),
  );
  const inTitle = sql.join(
    patterns.map((pattern) => sql`(p.title ilike ${pattern})::int`),
    sql` + `,
  );
  const {rows} = await sql<{post_id: string}>`select p.id as post_id from posts p
    where p.kind = 'question' and (${match}) and p.status = 'published' and ${scope}
    order by ${inTitle} desc, p.activity_at desc, p.id desc
    limit ${options.limit}`.execute(db);
  return rows;
}
