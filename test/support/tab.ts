/**
 * The page a test opens in a real second tab (tabs.ts): one thread, as a site embeds it,
 * on the endpoint, question and IndexedDB database given in the query string.
 */
import {RestClient} from '../../src/api/client.js';
import {IndexedDbViewerTokens} from '../../src/storage/viewer-tokens.js';

const params = new URLSearchParams(location.search);
// `?idb=broken`: IndexedDB refuses to open, as in some private modes and locked-down browsers.
if (params.get('idb') === 'broken') {
  IDBFactory.prototype.open = () => {
    throw new DOMException('IndexedDB is not allowed here', 'SecurityError');
  };
}
await import('../../src/define.js');

const database = params.get('db')!;
const thread = document.createElement('quanda-thread');
thread.client = new RestClient({
  endpoint: params.get('api')!,
  tokens: new IndexedDbViewerTokens(database),
  // A stopped server refuses at once; no test waits out the default 15 s.
  timeout: 5000,
  retryDelay: 100,
});
thread.databaseName = database;
thread.questionId = params.get('question')!;
document.body.append(thread);
