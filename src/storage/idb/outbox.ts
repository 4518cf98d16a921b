import type {StorageSettings} from '../../context/contexts.js';
import type {Change} from './local-store.js';
import {LocalStore, localStore} from './local-store.js';

/**
 * The email addresses of queued posts whose reader asked to be notified, by idempotency
 * key. Memory only: an address is never written to the device. A post still waiting when
 * the page goes away is sent later without notifications, and the reader is told.
 */
const emails = new Map<string, string>();

/** With `drafts="off"`, queued posts live in memory for this page only. */
let memoryOnly: LocalStore | undefined;

/** Where a thread's queued writes are kept. */
export function outboxStore(settings: StorageSettings): LocalStore {
  if (settings.persist) return localStore(settings.database);
  if (!memoryOnly) {
    memoryOnly = new LocalStore(settings.database);
    memoryOnly.failure = 'drafts="off"';
  }
  return memoryOnly;
}

export function rememberEmail(key: string, email: string | undefined) {
  if (email) emails.set(key, email);
}

/** The address for a queued post, and forgets it (it is sent once). */
export function takeEmail(key: string): string | undefined {
  const email = emails.get(key);
  emails.delete(key);
  return email;
}

/** forget.ts: nothing queued is kept, in memory either. */
export function forgetQueued() {
  emails.clear();
  memoryOnly = undefined;
}

export type {Change};
