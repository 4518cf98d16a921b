/**
 * Exactly-once writes. A write that carries an `Idempotency-Key` stores its response
 * (status and body) in the same transaction as the write itself, under the viewer's scope;
 * a retry with the same key gets that response back instead of a second write. The row
 * commits with the write or not at all, so a crash, a dropped connection or a second
 * server process can never see a write without its stored response, or the reverse.
 */
import {createHash} from 'node:crypto';
import type {Kysely} from 'kysely';
import type {DB} from './db/database.js';
import {parameter} from './db/prepared.js';
import type {PreparedQueries} from './db/prepared.js';

/** How long a key is remembered: far longer than any client keeps retrying. */
export const KEEP_KEYS_MS = 24 * 3_600_000;

/** The same key sent again with a different request: a client bug, never replayed. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * What makes two requests "the same": method, path and the JSON body with its keys in a
 * fixed order (so the client's serialization does not matter). Hashed, so a body with an
 * email address in it is not kept in the clear.
 */
export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}

/** The response stored for this key, or null; refuses the key if it came with another request. */
export async function storedResponse(
  q: PreparedQueries,
  scope: string,
  key: string,
  requestFingerprint: string,
): Promise<StoredResponse | null> {
  const db = q.db as Kysely<DB>;
  const [row] = await q.run(
    'storedResponse',
    () =>
      db
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'status', 'body'])
        .where('scope', '=', parameter<string>(0))
        .where('key', '=', parameter<string>(1)),
    [scope, key],
  );
  if (!row) return null;
  if (row.fingerprint !== requestFingerprint) {
    throw new IdempotencyKeyReusedError(
      'This Idempotency-Key was already used for a different request: send a new key with each new write',
    );
  }
  return {status: row.status, body: JSON.parse(row.body) as unknown};
}

/**
 * Stores the first response. A plain insert on the primary key: if a twin request got
 * here first (possible on PostgreSQL, where transactions do not queue as on SQLite), this
 * fails, the write rolls back, and the retry finds the twin's response.
 */
export async function storeResponse(
  q: PreparedQueries,
  row: {scope: string; key: string; fingerprint: string; now: string} & StoredResponse,
): Promise<void> {
  const db = q.db as Kysely<DB>;
  await q.run(
    'storeResponse',
    () =>
      db.insertInto('idempotency_keys').values({
        scope: parameter<string>(0),
        key: parameter<string>(1),
        fingerprint: parameter<string>(2),
        status: parameter<number>(3),
        body: parameter<string>(4),
        created_at: parameter<string>(5),
      }),
    [row.scope, row.key, row.fingerprint, row.status, JSON.stringify(row.body), row.now],
  );
}

export async function purgeIdempotencyKeys(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - KEEP_KEYS_MS).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
