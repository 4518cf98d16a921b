import {defaultDatabaseName} from './names.js';
import {peek} from './peek.js';
import type {ViewerTokenStore} from '../api/viewer-tokens.js';

/**
 * IndexedDB, falling back to memory for this page when IndexedDB is missing or fails
 * (private modes, full disks, blocked storage): the reader can still vote and answer.
 * Reading is part of the first load; writing loads with the first write.
 */
export class IndexedDbViewerTokens implements ViewerTokenStore {
  readonly #name: string;
  readonly #memory = new Map<string, string | null>();

  constructor(databaseName = defaultDatabaseName()) {
    this.#name = databaseName;
  }

  async get(endpoint: string): Promise<string | null> {
    if (this.#memory.has(endpoint)) return this.#memory.get(endpoint)!;
    const record = await peek<{token: string}>(this.#name, 'viewer', endpoint);
    return record?.token ?? null;
  }

  async set(endpoint: string, token: string): Promise<void> {
    this.#memory.set(endpoint, token);
    try {
      await (await import('./idb/database.js')).saveViewerToken(this.#name, endpoint, token);
    } catch {
      // Kept in memory for this page.
    }
  }

  /** Forgets the tokens this page holds in memory (forget.ts erases the stored ones). */
  clear() {
    this.#memory.clear();
  }

  async delete(endpoint: string): Promise<void> {
    this.#memory.set(endpoint, null);
    try {
      await (await import('./idb/database.js')).saveViewerToken(this.#name, endpoint, null);
    } catch {
      // Nothing stored.
    }
  }
}

let shared: IndexedDbViewerTokens | undefined;

/** The store of the elements' clients on the default database (forget.ts erases it). */
export function defaultViewerTokens(): IndexedDbViewerTokens {
  return (shared ??= new IndexedDbViewerTokens());
}

/**
 * Where an element's client keeps its viewer token: the same database as everything else
 * the element keeps (the shared store on the default one).
 */
export function viewerTokensIn(databaseName: string): IndexedDbViewerTokens {
  return databaseName === defaultDatabaseName()
    ? defaultViewerTokens()
    : new IndexedDbViewerTokens(databaseName);
}
