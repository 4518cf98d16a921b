/** Quanda's one IndexedDB database per origin (tests pass names of their own). */
export const DATABASE_NAME = 'quanda';
