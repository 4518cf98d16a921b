let current = 'quanda';

/**
 * The IndexedDB database Quanda keeps things in: one per origin, `quanda`, unless a page
 * (or a test, giving each test page its own) picks another before any thread connects.
 * A thread's `databaseName` property overrides it for that thread.
 */
export function defaultDatabaseName(): string {
  return current;
}

export function useDatabaseName(name: string) {
  current = name;
}
