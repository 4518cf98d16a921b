import Database from 'better-sqlite3';
import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import {Kysely, SqliteDialect} from 'kysely';
import type {Generated} from 'kysely';

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
    dialect: new SqliteDialect({database}),
    log: onQuery ? (event) => onQuery(event.query.sql, event.query.parameters) : undefined,
  });
}
