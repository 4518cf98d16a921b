/**
 * Opens the database `QUANDA_DB` names: a `postgres://` or `postgresql://` URL for
 * PostgreSQL, anything else a SQLite file. Everything above this folder works on either.
 */
import {PostgresAdapter, sql} from 'kysely';
import type {Kysely} from 'kysely';
import type {DB} from './database.js';
import {openSqlite} from './database.js';
import {openPostgres} from './postgres.js';
import {isPostgresUrl, safeUrl} from './target.js';
import type {PoolOptions} from './postgres.js';

export type Dialect = 'sqlite' | 'postgres';

export function openDatabase(target: string, options: PoolOptions = {}): Kysely<DB> {
  return isPostgresUrl(target) ? openPostgres(target, options) : openSqlite(target, options);
}

export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The database as a log line may name it: a file path, or a URL without its password. */
export function describeDatabase(target: string): string {
  return isPostgresUrl(target) ? safeUrl(target) : target;
}

/** Whether the database answers a trivial query; throws what it answered otherwise. */
export async function ping(db: Kysely<any>): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Waits for the database to answer at start (PostgreSQL may still be starting, or on its
 * way back): `attempts` tries, a second apart at first and at most five, each failure told
 * in one line. Throws the last failure when none answered.
 */
export async function waitForDatabase(
  db: Kysely<any>,
  options: {attempts: number; name: string; log: (line: string) => void; delayMs?: number},
): Promise<void> {
  const {attempts, name, log} = options;
  for (let attempt = 1; ; attempt++) {
    try {
      await ping(db);
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= attempts) {
        throw new Error(
          `Quanda could not reach the database at ${name} after ${attempts} attempts: ${reason}`,
          {cause: error},
        );
      }
      const delay = Math.min((options.delayMs ?? 1000) * attempt, 5000);
      log(
        `Quanda: the database at ${name} does not answer (attempt ${attempt} of ${attempts}: ${reason}); trying again in ${delay / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
