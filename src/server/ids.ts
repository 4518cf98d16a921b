import {createHash, randomBytes} from 'node:crypto';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new random id: 12 characters of [a-z0-9], about 62 bits. */
export function newId(): string {
  return Array.from(randomBytes(12), (byte) => ID_ALPHABET[byte % 36]).join('');
}

/** A viewer token as it is kept: only its hash, so a copy of the database proves nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
