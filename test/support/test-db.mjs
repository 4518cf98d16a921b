// @ts-check
/**
 * The database a test runs on. The Node suite runs twice (test/node/run.mjs): on SQLite,
 * and with QUANDA_TEST_DB set to a PostgreSQL URL, on PostgreSQL. Each test database is
 * fresh: a SQLite file or `:memory:`, or a schema of its own on the test PostgreSQL (its
 * URL sets `search_path`, so the server and the tests use it as they would a database).
 */
import {createHash, randomBytes} from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL URL of this run, or undefined on SQLite. */
export const TEST_PG = /^postgres(ql)?:\/\//.test(process.env['QUANDA_TEST_DB'] ?? '')
  ? process.env['QUANDA_TEST_DB']
  : undefined;

export const onPostgres = TEST_PG !== undefined;

/** The database's name for test titles. */
export const databaseName = onPostgres ? 'PostgreSQL' : 'SQLite';

/**
 * A fresh database's `QUANDA_DB`. On SQLite: `file` (default `:memory:`). On PostgreSQL:
 * a new schema, named after `file` when given, so that servers given the same file share
 * one database there as they share the file on SQLite.
 * @param {string} [file]
 * @returns {Promise<string>}
 */
export async function freshDatabase(file) {
  if (!TEST_PG) return file ?? ':memory:';
  const schema = file
    ? `t_${createHash('sha256').update(file).digest('hex').slice(0, 20)}`
    : `t_${randomBytes(10).toString('hex')}`;
  await admin(`create schema if not exists ${schema}`);
  return withSchema(TEST_PG, schema);
}

/**
 * Drops a database `freshDatabase` made on PostgreSQL (SQLite files go with their folder).
 * @param {string} target
 */
export async function dropDatabase(target) {
  const schema = schemaOf(target);
  if (schema) await admin(`drop schema if exists ${schema} cascade`);
}

/**
 * @param {string} url
 * @param {string} schema
 */
export function withSchema(url, schema) {
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return `${url}${url.includes('?') ? '&' : '?'}options=${options}`;
}

/** @param {string} target */
function schemaOf(target) {
  return /options=-c%20search_path%3D(t_[0-9a-f]+)/.exec(target)?.[1];
}

/** @param {string} statement */
async function admin(statement) {
  const client = new pg.Client({connectionString: TEST_PG});
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
