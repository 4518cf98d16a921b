import type {Thread} from '../../api/schemas.js';
import type {Change} from '../idb/local-store.js';
import {localStore} from '../idb/local-store.js';
import {keyParts} from '../keys.js';

/** Threads kept at most: a reader of many articles does not fill their disk. */
const KEEP = 30;

/**
 * Keeps the first page of a thread as the device's copy (read back at first paint by
 * thread.ts through peek.ts, without loading this). A copy belongs to one viewer: saving
 * one for a new viewer of an endpoint deletes the last viewer's, so a shared device never
 * shows one reader's votes and pending posts to the next.
 */
export async function saveThread(database: string, key: string, thread: Thread): Promise<void> {
  const store = localStore(database);
  const [viewer = '', endpoint = ''] = keyParts(key);
  const others = (await store.all('threads'))
    .filter((copy) => copy.key !== key)
    .sort((a, b) => b.savedAt - a.savedAt);
  const stale = others.filter(
    (copy, index) => index >= KEEP - 1 || (copy.endpoint === endpoint && copy.viewer !== viewer),
  );
  await store.write(
    {store: 'threads', put: {key, endpoint, viewer, savedAt: Date.now(), thread}},
    ...stale.map((copy): Change => ({store: 'threads', delete: copy.key})),
  );
}
