import {deleteDB} from 'idb';
import {closeQuandaDatabase} from '../idb/database.js';
import {localStore} from '../idb/local-store.js';
import {forgetQueued} from '../idb/outbox.js';

/**
 * Erases everything Quanda keeps on this device under `database`: the viewer token,
 * drafts (and their localStorage backstops), cached threads and posts waiting to be sent
 * — and tells the other tabs, whose forms stop saving and whose queues stop sending. What
 * is on screen stays on screen; typing again starts a new draft. Public as
 * `QuandaThread.forgetEverything()`.
 */
export async function forgetEverything(database: string, forgetTokens: () => void): Promise<void> {
  const store = localStore(database);
  store.tell({forget: true});
  store.reset();
  forgetQueued();
  forgetTokens(); // the ones this page holds in memory
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(`quanda:${database}:`)) localStorage.removeItem(key);
    }
  } catch {
    // no localStorage: nothing kept there
  }
  await closeQuandaDatabase(database);
  // Other tabs' connections close when asked (`onversionchange` in database.ts).
  if (typeof indexedDB !== 'undefined') await deleteDB(database);
}
