/**
 * What a database error means for a request, on either database: someone got there first
 * (a unique key), try the transaction again (a deadlock), or the database cannot answer
 * now (down, restarting, every connection busy), which the API answers with a 503.
 */

/** Every pooled connection is busy and the line of waiting requests is full. */
export class DatabaseBusyError extends Error {
  override readonly name = 'DatabaseBusyError';
}

const codeOf = (error: unknown) => (error as {code?: unknown} | null)?.code;

/**
 * A write refused by a primary or unique key: SQLite's constraint codes, or PostgreSQL's
 * `unique_violation`, so the store can tell "someone got there first" from a real failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === '23505'
  );
}

/** PostgreSQL gave up on a transaction that may succeed if run again (deadlock, serialization). */
export function isRetryable(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40P01' || code === '40001';
}

/** Errors of a connection that cannot be made or was lost: the network, or a server going down. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * The database cannot answer now: it is down or restarting (PostgreSQL's connection and
 * shutdown classes 08 and 57P0x, a refused or lost connection), every connection is busy
 * (the pool's line, PostgreSQL's `too_many_connections`), or SQLite stayed locked past its
 * busy timeout. Nothing was written: the transaction never committed.
 */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  const code = codeOf(error);
  if (typeof code === 'string') {
    if (NETWORK.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code)) return true;
    if (code === '53300' || code === 'SQLITE_BUSY') return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(
    message,
  );
}
