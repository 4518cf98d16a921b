/**
 * Reads one record from Quanda's IndexedDB database without the `idb` wrapper, for the
 * reads a thread needs before its first paint (the viewer token; later, the cached
 * thread). It never creates or upgrades the database: that, and every write, is left to
 * database.ts, which loads with the first write. Resolves undefined when there is no
 * database, no such store, or no IndexedDB at all.
 */
export function peek<T>(database: string, store: string, key: string): Promise<T | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(database);
    } catch {
      return resolve(undefined);
    }
    // No database yet: opening without a version would create an empty one. Don't.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      try {
        const read = db.transaction(store, 'readonly').objectStore(store).get(key);
        read.onsuccess = () => resolve(read.result as T | undefined);
        read.onerror = () => resolve(undefined);
      } catch {
        resolve(undefined); // the store does not exist in this version
      } finally {
        db.close(); // pending reads still complete
      }
    };
  });
}
