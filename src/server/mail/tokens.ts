/**
 * The tokens in mail links: `<id>.<signature>`, an HMAC of what the link does and the row
 * it does it to, with a key generated once and kept in the database (so every server
 * process sharing it signs alike). Unguessable without the key, nothing stored per link,
 * and a link is dead once its row is gone (an unconfirmed address purged after its days,
 * a subscription ended).
 */
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import type {Kysely} from 'kysely';
import type {DB} from '../db/database.js';

export type TokenPurpose = 'confirm' | 'unsubscribe' | 'stop';

export async function loadMailKey(db: Kysely<DB>): Promise<string> {
  await db
    .insertInto('settings')
    .values({name: 'mail_link_key', value: randomBytes(32).toString('base64url')})
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('name', '=', 'mail_link_key')
    .executeTakeFirstOrThrow();
  return row.value;
}

function signature(key: string, purpose: TokenPurpose, id: string): Buffer {
  return createHmac('sha256', key).update(`${purpose}:${id}`).digest();
}

export function signToken(key: string, purpose: TokenPurpose, id: string): string {
  return `${id}.${signature(key, purpose, id).toString('base64url')}`;
}

/** The row id a token is for, or null for a forged, altered or malformed one. */
export function verifyToken(key: string, purpose: TokenPurpose, token: unknown): string | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const match = /^([a-z0-9]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, given] = match as unknown as [string, string, string];
  const expected = signature(key, purpose, id);
  const actual = Buffer.from(given, 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : null;
}
