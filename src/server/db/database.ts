import Database from 'better-sqlite3';
import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import {Kysely, SqliteDialect} from 'kysely';
import type {Generated, SqliteDatabase} from 'kysely';

/** The tables as Kysely sees them (snake_case in the database, camelCase on the wire). */
export interface DB {
  viewers: {
    id: string;
    token_hash: string;
    points: Generated<number>;
    created_at: string;
  };
  posts: {
    id: string;
    kind: 'question' | 'answer';
    question_id: string;
    status: Generated<'published' | 'pending' | 'hidden'>;
    body: string;
    author_id: string | null;
    author_name: string | null;
    created_at: string;
    edited_at: string | null;
    editor_id: string | null;
    editor_name: string | null;
    score: Generated<number>;
    title: string | null;
    category: string | null;
    /** JSON array of strings. */
    tags: string | null;
    answer_count: Generated<number>;
    accepted_answer_id: string | null;
  };
  votes: {
    post_id: string;
    viewer_id: string;
    value: number;
    created_at: string;
  };
}

/**
 * Opens (creating if needed) a SQLite database file for Quanda. WAL and a busy timeout
 * let several server processes share one file; `:memory:` works for throwaway use.
 */
export function openSqlite(
  file: string,
  options: {onQuery?: (sql: string, parameters: readonly unknown[]) => void} = {},
): Kysely<DB> {
  if (file !== ':memory:') mkdirSync(dirname(file), {recursive: true});
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const {onQuery} = options;
  return new Kysely<DB>({
    dialect: new SqliteDialect({database: withStatementCache(database)}),
    log: onQuery ? (event) => onQuery(event.query.sql, event.query.parameters) : undefined,
  });
}

/** How many distinct SQL strings keep their prepared statement: the Store has a few dozen. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing (parsing and planning)
 * cost about as much as running the query: the server benchmark found the reference server
 * at a third of a plain handler's throughput, with `prepare` the largest single cost.
 * Kysely's SQL for a given query shape is always the same string with `?` parameters, so
 * its statements can be kept and reused, least recently used first out.
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          statements.delete(statements.keys().next().value!);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
