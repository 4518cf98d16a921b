/**
 * States that come from what the device keeps: drafts restored, storage that fails, posts
 * waiting to be sent, and the copy of a thread shown offline.
 */
import type {Thread} from '../../../src/api/schemas.js';
import {RestClient} from '../../../src/api/client.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {saveThread} from '../../../src/storage/device/thread-cache.js';
import {localStore} from '../../../src/storage/idb/local-store.js';
import type {Change} from '../../../src/storage/idb/local-store.js';
import {storageKey} from '../../../src/storage/keys.js';
import {IndexedDbViewerTokens} from '../../../src/storage/viewer-tokens.js';
import {NOW} from '../builders.js';
import {deep} from '../dom.js';
import {user} from '../pseudo-locale.js';
import {ScriptedWriteClient, ok} from '../scripted-client.js';
import {oneAnswer, withComments, withMine} from './data.js';
import {defineState, freshDatabase, mountThread, until} from './state.js';
import type {ThreadState} from './state.js';
import {QUESTION_COMMENTS, answerEl, openEdit} from './writing.js';

/** Drafts and queued posts of a thread with a site's own client (no endpoint) on q1. */
const SCOPE = storageKey('', 'q1');

/** A thread whose client writes, on a database holding `seed` first. */
const withStorage = (
  lang: string,
  seed: Change[],
  {database = freshDatabase(), data = oneAnswer}: {database?: string; data?: () => Thread} = {},
) => mountThread(lang, {client: new ScriptedWriteClient().always(ok(data())), database, seed});

const answerForm = (el: QuandaThread) => deep(el, 'quanda-answer-form');
/** The answer form's draft line says something. */
const draftSaid = (el: QuandaThread) =>
  !!deep(el, 'quanda-answer-form', '[part~="draft-status"]')?.textContent?.trim();
const anHourAgo = () => Date.now() - 3_600_000;

export const deviceStates: ThreadState[] = [
  defineState({
    name: 'draft restored',
    render: (lang) =>
      withStorage(lang, [
        {
          store: 'drafts',
          put: {
            key: storageKey(SCOPE, 'answer'),
            body: user('Half an answer, kept from last time.'),
            displayName: user('Robin'),
            notify: true,
            savedAt: anHourAgo(),
          },
        },
      ]),
    reached: (el) =>
      draftSaid(el) &&
      !!(deep(el, 'quanda-answer-form', 'textarea') as HTMLTextAreaElement | null)?.value,
  }),
  defineState({
    name: "drafts can't be kept on this device",
    async render(lang) {
      const database = freshDatabase();
      localStore(database).failure = new DOMException('Quota exceeded', 'QuotaExceededError');
      const el = await withStorage(lang, [], {database});
      const textarea = (await until(el, 'quanda-answer-form', 'textarea')) as HTMLTextAreaElement;
      textarea.value = user('Typed where nothing can be kept.');
      textarea.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
      return el;
    },
    reached: (el) => !!answerForm(el) && draftSaid(el),
  }),
  defineState({
    name: 'waiting to post',
    render: (lang) =>
      withStorage(lang, [
        {
          store: 'outbox',
          put: {
            key: 'queued-1',
            scope: SCOPE,
            viewer: '',
            form: 'answer',
            kind: 'answer',
            postId: 'q1',
            post: {body: user('Written on a train, waiting for a signal.'), notify: false},
            savedAt: Date.parse(NOW),
          },
        },
      ]),
    reached: (el) => !!deep(el, answerEl('queued-queued-1'), '[part~="status-note"]'),
  }),
  defineState({
    name: 'offline, showing the copy from…',
    async render(lang) {
      // The device's copy of the thread, and a backend that cannot be reached.
      const database = freshDatabase();
      const client = new RestClient({
        endpoint: 'http://127.0.0.1:1/api',
        tokens: new IndexedDbViewerTokens(database),
        attempts: 1,
      });
      const key = storageKey(await client.viewerKey(), client.endpoint, 'q1', 'votes');
      await saveThread(database, key, oneAnswer());
      return mountThread(lang, {client, database});
    },
    reached: (el) => !!deep(el, '[part~="offline"]') && !!deep(el, 'quanda-answer'),
  }),
  defineState({
    name: 'write: own answer, an edit restored from a draft',
    async render(lang) {
      const draft = {
        key: storageKey(SCOPE, 'edit:mine'),
        body: user('A better answer, half written yesterday.'),
        savedAt: anHourAgo(),
      };
      const el = await withStorage(lang, [{store: 'drafts', put: draft}], {data: () => withMine()});
      await openEdit(el, answerEl('mine'));
      return el;
    },
    reached: (el) => !!deep(el, answerEl('mine'), 'quanda-edit-form', '[part~="discard-button"]'),
  }),
  defineState({
    name: 'write: comments, a comment restored from a draft',
    render: (lang) =>
      withStorage(
        lang,
        [
          {
            store: 'drafts',
            put: {
              key: storageKey(SCOPE, 'comment:q1'),
              body: user('Thank you, this helped.'),
              savedAt: anHourAgo(),
            },
          },
        ],
        {data: () => withComments()},
      ),
    reached: (el) =>
      !!deep(el, ...QUESTION_COMMENTS, 'quanda-comment-form', '[part~="discard-button"]'),
  }),
];
