import {openDB} from 'idb';
import type {DBSchema, IDBPDatabase} from 'idb';
import {DATABASE_NAME} from './names.js';

export {DATABASE_NAME};

/**
 * Quanda's one IndexedDB database per origin. Each version adds what it needs in
 * `upgrade`; never change what an earlier version created, add the next version.
 *
 * The viewer token (the only secret Quanda keeps) has a store of its own, apart from
 * anything a reader writes.
 */
export interface QuandaSchema extends DBSchema {
  viewer: {
    /** The API endpoint the token belongs to. */
    key: string;
    value: {endpoint: string; token: string; savedAt: number};
  };
}

export const DATABASE_VERSION = 1;

export type QuandaDatabase = IDBPDatabase<QuandaSchema>;

const open = new Map<string, Promise<QuandaDatabase>>();

/**
 * Opens (and upgrades) the database; tests pass a name of their own. Rejects when
 * IndexedDB is missing, blocked or broken: callers fall back to memory.
 */
export function openQuandaDatabase(name = DATABASE_NAME): Promise<QuandaDatabase> {
  let database = open.get(name);
  if (!database) {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('No IndexedDB here'));
    database = openDB<QuandaSchema>(name, DATABASE_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) db.createObjectStore('viewer', {keyPath: 'endpoint'});
      },
      // Another tab opened a newer Quanda: step aside so its upgrade can run.
      blocking() {
        void database?.then((db) => db.close());
        open.delete(name);
      },
      terminated() {
        open.delete(name);
      },
    });
    database.catch(() => open.delete(name));
    open.set(name, database);
  }
  return database;
}

/** Closes and forgets a connection (tests, and before deleting the database). */
export async function closeQuandaDatabase(name = DATABASE_NAME): Promise<void> {
  const database = open.get(name);
  open.delete(name);
  (await database?.catch(() => undefined))?.close();
}
