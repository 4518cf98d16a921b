import {openDB} from 'idb';
import type {DBSchema, IDBPDatabase} from 'idb';
import type {AskedQuestion, NewAnswer, NewComment} from '../../api/requests.js';
import type {Thread, VoteValue} from '../../api/schemas.js';
import {defaultDatabaseName} from '../names.js';

/** What a reader has typed into one form and not posted yet. Never an email address. */
export interface Draft {
  /** Endpoint, question and form (`answer`, `comment:<post>`, `edit:<post>`), one per line. */
  key: string;
  body: string;
  /** A question's title (the ask form's draft). */
  title?: string;
  displayName?: string;
  notify?: boolean;
  /** When the reader made this edit (ms since the epoch): across tabs, the newer edit wins. */
  savedAt: number;
  /** Why the server refused it, when a queued post came back to its form. */
  refused?: string;
}

/** The first page of a thread as this device last saw it, for this viewer. */
export interface CachedThread {
  /** Viewer key, endpoint, question and sort, one per line. */
  key: string;
  /** The API endpoint, so a new viewer can clear the last one's copies. */
  endpoint: string;
  /** A hash of the viewer's token (never the token), or '' for a reader without one. */
  viewer: string;
  savedAt: number;
  thread: Thread;
}

/**
 * A post or vote waiting to be sent: its idempotency key is its key, so however often it
 * is tried it is applied once. The email address of a reader who asked to be notified is
 * never stored: it waits in memory for the page's life (see outbox.ts).
 */
export interface QueuedWrite {
  /** The Idempotency-Key, kept until the server confirms. */
  key: string;
  /** Endpoint and question, one per line: the thread it belongs to. */
  scope: string;
  /** The viewer key when queued ('' before the reader had a token). */
  viewer: string;
  /** The form it came from (drafts' naming), so a refusal can put the text back. */
  form: string;
  kind: 'answer' | 'comment' | 'vote' | 'question';
  /** The post commented on or voted on; the question for an answer; '' for a question. */
  postId: string;
  post?: NewAnswer | NewComment | QueuedQuestion;
  value?: VoteValue;
  savedAt: number;
}

/** A reader's question as queued: what the board sends (the email address is never kept). */
export type QueuedQuestion = Omit<AskedQuestion, 'body'> & {body: string};

/**
 * Quanda's one IndexedDB database per origin, by store. Each version adds what it needs in
 * the upgrade; never change what an earlier version created, add the next version.
 *
 * The viewer token (the only secret Quanda keeps) has a store of its own, apart from
 * anything a reader writes.
 */
export interface QuandaSchema extends DBSchema {
  /** By API endpoint: the anonymous viewer token there. */
  viewer: {key: string; value: {endpoint: string; token: string; savedAt: number}};
  drafts: {key: string; value: Draft};
  threads: {key: string; value: CachedThread};
  outbox: {key: string; value: QueuedWrite};
}

export type StoreName = 'viewer' | 'drafts' | 'threads' | 'outbox';
export type Stores = {[S in StoreName]: QuandaSchema[S]['value']};
/**
 * The database, through idb's core: transactions and stores that answer with promises.
 * Not its `db.get(store, key)`-style shortcuts (nor the async iteration of cursors): the
 * drop-in build leaves those two extensions of idb out (see vite.config.ts), so the
 * type does not offer them.
 */
export type QuandaDatabase = Omit<
  IDBPDatabase<QuandaSchema>,
  Exclude<keyof IDBPDatabase<QuandaSchema>, keyof IDBDatabase | 'transaction'>
>;

export const DATABASE_VERSION = 2;

const open = new Map<string, Promise<QuandaDatabase>>();

/**
 * Opens (and upgrades) the database; tests pass a name of their own. Rejects when
 * IndexedDB is missing, blocked (an old tab that will not let go) or broken: callers fall
 * back to memory.
 */
export function openQuandaDatabase(name = defaultDatabaseName()): Promise<QuandaDatabase> {
  let database = open.get(name);
  if (!database) {
    database = new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined') return reject(new Error('No IndexedDB here'));
      let blocked = false;
      openDB<QuandaSchema>(name, DATABASE_VERSION, {
        upgrade(db, oldVersion) {
          if (oldVersion < 1) db.createObjectStore('viewer', {keyPath: 'endpoint'});
          if (oldVersion < 2) {
            for (const store of ['drafts', 'threads', 'outbox'] as const) {
              db.createObjectStore(store, {keyPath: 'key'});
            }
          }
        },
        // Waiting on another tab could take forever: this page goes on in memory.
        blocked() {
          blocked = true;
          reject(new DOMException('Another tab holds an older Quanda database', 'AbortError'));
        },
        // Another tab opened a newer Quanda, or deletes the database: step aside.
        blocking() {
          void database?.then((db) => db.close());
          open.delete(name);
        },
        terminated() {
          open.delete(name);
        },
      }).then((db) => (blocked ? db.close() : resolve(db)), reject);
    });
    // A failed open may work next time; a blocked one stays failed for this page (the
    // blocked request waits in IndexedDB's queue, and every later open would wait behind it).
    database.catch((error: unknown) => {
      if ((error as DOMException | null)?.name !== 'AbortError') open.delete(name);
    });
    open.set(name, database);
  }
  return database;
}

/** Closes and forgets a connection (tests, and before deleting the database). */
export async function closeQuandaDatabase(name = defaultDatabaseName()): Promise<void> {
  const database = open.get(name);
  open.delete(name);
  (await database?.catch(() => undefined))?.close();
}

/** Keeps (or with null, deletes) the viewer token of an endpoint (viewer-tokens.ts). */
export async function saveViewerToken(name: string, endpoint: string, token: string | null) {
  const tx = (await openQuandaDatabase(name)).transaction('viewer', 'readwrite');
  await Promise.all([
    token ? tx.store.put({endpoint, token, savedAt: Date.now()}) : tx.store.delete(endpoint),
    tx.done,
  ]);
}
