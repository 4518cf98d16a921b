import {openQuandaDatabase} from './database.js';
import type {Draft, StoreName, Stores} from './database.js';

type Store = Exclude<StoreName, 'viewer'>;
type Value<S extends Store> = Stores[S];

/** One change of a `LocalStore.write`: a record to put, or the key of one to delete. */
export type Change = {[S in Store]: {store: S; put: Value<S>} | {store: S; delete: string}}[Store];

/** What tabs tell each other about drafts (BroadcastChannel `quanda:<database>`). */
export type StorageMessage = {draft: Draft; posted?: boolean} | {forget: true};

export const channelName = (database: string) => `quanda:${database}`;

/**
 * What Quanda keeps on this device under one database name: drafts, cached threads and
 * queued writes. IndexedDB while it works; once it fails (missing, blocked, full), memory
 * for the rest of the page, so nothing the reader does fails with it. Records also expire
 * here: whatever is older than the thread's `draft-days` is deleted on first use.
 */
export class LocalStore {
  readonly database: string;
  /** Why IndexedDB failed on this page, once it has. */
  failure: unknown;
  /** The reader has been told that drafts cannot be kept (once a page). */
  told = false;
  /** Records written (or deleted: undefined) since IndexedDB failed, by store and key. */
  readonly #memory = new Map<Store, Map<string, unknown>>();
  #swept = false;

  constructor(database: string) {
    this.database = database;
  }

  #mem(store: Store): Map<string, unknown> {
    let memory = this.#memory.get(store);
    if (!memory) this.#memory.set(store, (memory = new Map<string, unknown>()));
    return memory;
  }

  /** The database, unless IndexedDB has failed on this page: then memory from now on. */
  async #open() {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- what IndexedDB failed with, as it came
    if (this.failure) throw this.failure;
    try {
      return await openQuandaDatabase(this.database);
    } catch (error) {
      this.failure ??= error;
      throw error;
    }
  }

  async get<S extends Store>(store: S, key: string): Promise<Value<S> | undefined> {
    const memory = this.#mem(store);
    if (memory.has(key)) return memory.get(key) as Value<S> | undefined;
    try {
      return (await (await this.#open()).transaction(store).store.get(key)) as Value<S> | undefined;
    } catch {
      return undefined;
    }
  }

  async all<S extends Store>(store: S): Promise<Value<S>[]> {
    let stored: Value<S>[] = [];
    try {
      stored = (await (await this.#open()).transaction(store).store.getAll()) as Value<S>[];
    } catch {
      // memory only
    }
    const records = new Map(stored.map((record) => [record.key, record]));
    for (const [key, record] of this.#mem(store)) {
      if (record) records.set(key, record as Value<S>);
      else records.delete(key);
    }
    return [...records.values()];
  }

  /**
   * Applies the changes in one transaction: all or none. Resolves false when they could
   * only be kept in memory (IndexedDB failed, now or earlier on this page).
   */
  async write(...changes: Change[]): Promise<boolean> {
    try {
      const db = await this.#open();
      const tx = db.transaction([...new Set(changes.map((change) => change.store))], 'readwrite');
      // All or none: one failed request aborts the transaction, and `done` says why.
      await Promise.all([
        ...changes.map((change) => {
          const store = tx.objectStore(change.store);
          return 'put' in change ? store.put(change.put) : store.delete(change.delete);
        }),
        tx.done,
      ]);
      for (const change of changes) this.#mem(change.store).delete(keyOf(change));
      return true;
    } catch (error) {
      this.failure ??= error;
      for (const change of changes) {
        this.#mem(change.store).set(keyOf(change), 'put' in change ? change.put : undefined);
      }
      return false;
    }
  }

  /** Deletes drafts, cached threads and queued writes older than `maxAge` ms, once a page. */
  async sweep(maxAge: number): Promise<void> {
    if (this.#swept) return;
    this.#swept = true;
    const before = Date.now() - maxAge;
    const old: Change[] = [];
    for (const store of ['drafts', 'threads', 'outbox'] as const) {
      for (const record of await this.all(store)) {
        if (record.savedAt < before) old.push({store, delete: record.key} as Change);
      }
    }
    if (old.length) await this.write(...old);
  }

  /** Tells this page's other forms and every other tab (a channel does not hear itself). */
  tell(message: StorageMessage) {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName(this.database));
    channel.postMessage(message);
    channel.close();
  }

  /** Forgets what this page kept in memory (see forget.ts). */
  reset() {
    this.#memory.clear();
    this.failure = undefined;
    this.#swept = false;
  }
}

const keyOf = (change: Change) => ('put' in change ? change.put.key : change.delete);

const stores = new Map<string, LocalStore>();

/** The one LocalStore of a database name on this page. */
export function localStore(database: string): LocalStore {
  let store = stores.get(database);
  if (!store) stores.set(database, (store = new LocalStore(database)));
  return store;
}
