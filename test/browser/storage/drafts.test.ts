/**
 * What Quanda keeps on the device, on real IndexedDB in Chromium: the database's upgrade,
 * drafts (autosave, restore, backstop, keys per form, expiry, `drafts="off"`), the thread
 * cache, the outbox, storage failures and forgetting everything. A site's own client
 * stands in for the backend; test/browser/e2e/offline.e2e.test.ts does the same against
 * the real server in real tabs.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import {QuandaError} from '../../../src/api/api-error.js';
import {RestClient} from '../../../src/api/client.js';
import type {QuandaVote} from '../../../src/components/vote/vote.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {closeQuandaDatabase, openQuandaDatabase} from '../../../src/storage/idb/database.js';
import type {Draft, QueuedWrite} from '../../../src/storage/idb/database.js';
import {channelName, localStore} from '../../../src/storage/idb/local-store.js';
import type {StorageMessage} from '../../../src/storage/idb/local-store.js';
import {saveThread} from '../../../src/storage/device/thread-cache.js';
import {storageKey} from '../../../src/storage/keys.js';
import {backstopKey} from '../../../src/write/draft-controller.js';
import {IndexedDbViewerTokens} from '../../../src/storage/viewer-tokens.js';
import {answer, own, thread} from '../../support/builders.js';
import {$, text, waitFor} from '../../support/dom.js';
import {ScriptedWriteClient, ok} from '../../support/scripted-client.js';

let databases = 0;
const database = () => `quanda-test-drafts-${Date.now()}-${++databases}`;
/** Drafts and queued posts of a thread with a site's own client (no endpoint) on q1. */
const SCOPE = storageKey('', 'q1');
const DAY = 86_400_000;

/** Patient: other test files share the two cores, and IndexedDB takes its time then. */
const until = (predicate: () => unknown, message?: string) =>
  waitUntil(predicate, message, {timeout: 5000});

async function mount(
  db: string,
  client = new ScriptedWriteClient().always(ok(thread())),
  drafts = 'on',
) {
  const el = await fixture<QuandaThread>(
    html`<quanda-thread
      .client=${client}
      .databaseName=${db}
      drafts=${drafts}
      question-id="q1"
    ></quanda-thread>`,
  );
  await waitFor(el, 'quanda-question');
  return el;
}

async function form(el: QuandaThread, selector = 'quanda-answer-form') {
  await until(() => $(el, selector)?.shadowRoot?.querySelector('textarea'), 'no form');
  const found = $(el, selector)!;
  return {
    el: found,
    textarea: found.shadowRoot!.querySelector('textarea')!,
    status: () => text(found.shadowRoot!.querySelector('[part~="draft-status"]')),
  };
}

/** Types as a reader does: the value changes and `input` fires. */
function type(textarea: HTMLTextAreaElement, value: string) {
  textarea.value += value;
  textarea.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
}

const stored = (db: string) => localStore(db).all('drafts');

/**
 * What forms of this database tell other tabs after each save (kept or not), until one
 * tells a draft ending in `body`: a save's outcome a test can wait on.
 */
function toldUntil(db: string, body: string): Promise<string[]> {
  const channel = new BroadcastChannel(channelName(db));
  const told: string[] = [];
  return new Promise((resolve) => {
    channel.onmessage = ({data}: MessageEvent<StorageMessage>) => {
      if (!('draft' in data)) return;
      told.push(data.draft.body);
      if (!data.draft.body.endsWith(body)) return;
      channel.close();
      resolve(told);
    };
  });
}

describe('the database', () => {
  it('upgrades a version 1 database, keeping the viewer token', async () => {
    const name = database();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () =>
        request.result.createObjectStore('viewer', {keyPath: 'endpoint'});
      request.onsuccess = () => {
        const tx = request.result.transaction('viewer', 'readwrite');
        tx.objectStore('viewer').put({
          endpoint: 'https://qa.example/api/',
          token: 't'.repeat(32),
          savedAt: 1,
        });
        tx.oncomplete = () => (request.result.close(), resolve());
        tx.onerror = () => reject(tx.error ?? new Error('the transaction failed'));
      };
    });
    const db = await openQuandaDatabase(name);
    expect(db.version).to.equal(2);
    expect([...db.objectStoreNames].sort()).to.deep.equal([
      'drafts',
      'outbox',
      'threads',
      'viewer',
    ]);
    expect(await new IndexedDbViewerTokens(name).get('https://qa.example/api/')).to.equal(
      't'.repeat(32),
    );
    await closeQuandaDatabase(name);
  });
});

describe('drafts', () => {
  it('autosaves as the reader types and restores it, with "Draft restored · Discard"', async () => {
    const db = database();
    const first = await form(await mount(db));
    type(first.textarea, 'Half an answer about sleep');
    await until(async () => (await stored(db))[0]?.body === 'Half an answer about sleep');
    const [draft] = await stored(db);
    expect(draft.key).to.equal(storageKey(SCOPE, 'answer'));
    expect(draft).to.not.have.property('email');

    const again = await mount(db);
    const restored = await form(again);
    await until(() => restored.textarea.value === 'Half an answer about sleep');
    await until(() => restored.status().startsWith('Draft restored'));
    expect(restored.status()).to.equal('Draft restored Discard');
    await expect(again).to.be.accessible();
    restored.el.shadowRoot!.querySelector<HTMLElement>('[part~="discard-button"]')!.click();
    expect(restored.textarea.value).to.equal('');
    await until(async () => (await stored(db)).length === 0, 'the draft was not deleted');
  });

  it('keeps the name and the notify box, never the email address', async () => {
    const db = database();
    const answerForm = await form(await mount(db));
    const root = answerForm.el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#name')!.value = 'Robin';
    root.querySelector<HTMLInputElement>('#notify')!.click();
    await until(() => root.querySelector('#email:not([hidden] *)'), 'no email field');
    root.querySelector<HTMLInputElement>('#email')!.value = 'robin@example.org';
    type(answerForm.textarea, 'An answer with a name.');
    await until(async () => (await stored(db))[0]?.body === 'An answer with a name.');
    const [draft] = await stored(db);
    expect(draft).to.deep.include({displayName: 'Robin', notify: true});
    expect(JSON.stringify(draft)).to.not.contain('robin@example.org');
  });

  it('writes unsaved words to localStorage at pagehide, synchronously', async () => {
    const db = database();
    const answerForm = await form(await mount(db));
    type(answerForm.textarea, 'Typed just before the tab closed');
    dispatchEvent(new PageTransitionEvent('pagehide'));
    const key = backstopKey(db, storageKey(SCOPE, 'answer'));
    expect((JSON.parse(localStorage.getItem(key)!) as Draft).body).to.equal(
      'Typed just before the tab closed',
    );
    // Once IndexedDB holds the text (the page lived on), the backstop goes.
    await until(() => localStorage.getItem(key) === null, 'the backstop stayed');
  });

  it('merges a newer backstop back into IndexedDB on load, and removes it', async () => {
    const db = database();
    const key = storageKey(SCOPE, 'answer');
    await localStore(db).write({
      store: 'drafts',
      put: {key, body: 'What IndexedDB had', savedAt: Date.now() - 5000},
    });
    const newer: Draft = {key, body: 'What IndexedDB had, and the last words', savedAt: Date.now()};
    localStorage.setItem(backstopKey(db, key), JSON.stringify(newer));
    const restored = await form(await mount(db));
    await until(() => restored.textarea.value === newer.body, 'the backstop was not merged');
    await until(() => localStorage.getItem(backstopKey(db, key)) === null, 'it stayed');
    expect((await stored(db))[0]?.body).to.equal(newer.body);
  });

  it('keeps one draft per form: the answer, each comment form, each edit', async () => {
    const db = database();
    const mine = answer({
      id: 'a1',
      viewerCan: own,
      author: {displayName: 'Me', points: 1, isViewer: true},
    });
    const client = new ScriptedWriteClient().always(ok(thread({answers: [mine]})));
    const el = await mount(db, client);
    const answerEl = $(el, 'quanda-answer[data-id="a1"]')!;
    $($(answerEl, 'quanda-comments')!, '[part~="add-comment-button"]')!.click();
    const comments = $(answerEl, 'quanda-comments')!;
    await until(() => $(comments, 'quanda-comment-form')?.shadowRoot?.querySelector('textarea'));
    type($(comments, 'quanda-comment-form')!.shadowRoot!.querySelector('textarea')!, 'A comment');
    $(answerEl, '[part~="edit-button"]')!.click();
    await until(() => $(answerEl, 'quanda-edit-form')?.shadowRoot?.querySelector('textarea'));
    type($(answerEl, 'quanda-edit-form')!.shadowRoot!.querySelector('textarea')!, ' (edited)');
    await until(async () => (await stored(db)).length === 2);
    const keys = (await stored(db)).map((draft) => draft.key).sort();
    expect(keys).to.deep.equal(['comment:a1', 'edit:a1'].map((form) => storageKey(SCOPE, form)));
  });

  it('opens a comment form holding a draft again when the thread comes back', async () => {
    const db = database();
    const draft: Draft = {
      key: storageKey(SCOPE, 'comment:a1'),
      body: 'A comment, half done',
      savedAt: Date.now(),
    };
    await localStore(db).write({store: 'drafts', put: draft});
    const client = new ScriptedWriteClient().always(ok(thread({answers: [answer({id: 'a1'})]})));
    const el = await mount(db, client);
    const comments = $($(el, 'quanda-answer[data-id="a1"]')!, 'quanda-comments')!;
    await until(
      () =>
        $(comments, 'quanda-comment-form')?.shadowRoot?.querySelector('textarea')?.value ===
        draft.body,
      'the comment form did not come back with its draft',
    );
  });

  it('is cleared once the server has the post', async () => {
    const db = database();
    const client = new ScriptedWriteClient().always(ok(thread()));
    client.handlers.postAnswer = () =>
      Promise.resolve(answer({body: {format: 'text', text: 'Posted, and gone from drafts.'}}));
    const answerForm = await form(await mount(db, client));
    type(answerForm.textarea, 'Posted, and gone from drafts.');
    await until(async () => (await stored(db)).length === 1);
    answerForm.el.shadowRoot!.querySelector<HTMLElement>('[part~="submit-button"]')!.click();
    await until(async () => (await stored(db)).length === 0, 'the draft outlived the post');
  });

  it('expires after `draft-days`', async () => {
    const db = database();
    const old: Draft = {
      key: storageKey(SCOPE, 'answer'),
      body: 'From long ago',
      savedAt: Date.now() - 31 * DAY,
    };
    await localStore(db).write({store: 'drafts', put: old});
    const answerForm = await form(await mount(db));
    await until(async () => (await stored(db)).length === 0, 'the old draft stayed');
    expect(answerForm.textarea.value).to.equal('');
  });

  it('keeps nothing with drafts="off"', async () => {
    const db = database();
    const answerForm = await form(await mount(db, undefined, 'off'));
    const q2 = thread();
    q2.question = {...q2.question, id: 'q2'};
    // Another question's form in the same database, with drafts on, typed into after: its
    // save starts later and lands later than any the first form could have made.
    const other = await fixture<QuandaThread>(
      html`<quanda-thread
        .client=${new ScriptedWriteClient().always(ok(q2))}
        .databaseName=${db}
        question-id="q2"
      ></quanda-thread>`,
    );
    const otherForm = await form(other);
    const told = toldUntil(db, 'Kept for q2');
    type(answerForm.textarea, 'Not to be kept');
    type(otherForm.textarea, 'Kept for q2');
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(await told).to.deep.equal(['Kept for q2']);
    expect((await stored(db)).map((draft) => draft.key)).to.deep.equal([
      storageKey(storageKey('', 'q2'), 'answer'),
    ]);
    expect(
      Object.keys(localStorage).filter((key) => key.startsWith(backstopKey(db, ''))),
    ).to.deep.equal([]);
  });

  it('follows the same form in another tab: the newer edit wins, and the form says so', async () => {
    const db = database();
    const one = await form(await mount(db));
    const two = await form(await mount(db));
    type(one.textarea, 'Written in one tab');
    await until(() => two.textarea.value === 'Written in one tab', 'the other tab never heard');
    await until(() => two.status() === 'This text was changed in another tab. Discard');
  });
});

describe('when IndexedDB fails', () => {
  it('says once that drafts cannot be kept, and the form keeps working', async () => {
    const db = database();
    localStore(db).failure = new DOMException('The disk is full', 'QuotaExceededError');
    const client = new ScriptedWriteClient().always(ok(thread()));
    client.handlers.postAnswer = () => Promise.resolve(answer());
    const el = await mount(db, client);
    const answerForm = await form(el);
    type(answerForm.textarea, 'Written where nothing can be kept');
    await until(() => answerForm.status().startsWith('Drafts can’t be kept'));
    await expect(el).to.be.accessible();
    // Said once: typing on, and a second form, say nothing more.
    type(answerForm.textarea, ', and more');
    const second = await form(await mount(db));
    const told = toldUntil(db, 'Another form');
    type(second.textarea, 'Another form');
    await told; // its save was tried, and failed
    await (second.el as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    expect(second.status()).to.equal('');
    const posted = new Promise((resolve) =>
      el.addEventListener('quanda-answer-submitted', resolve),
    );
    answerForm.el.shadowRoot!.querySelector<HTMLElement>('[part~="submit-button"]')!.click();
    await posted;
  });
});

describe('when an old tab blocks the upgrade', () => {
  it('goes on in memory and says so, instead of waiting for the other tab', async () => {
    const db = database();
    // An old page holding version 1 open, deaf to requests to close it.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(db, 1);
      request.onupgradeneeded = () =>
        request.result.createObjectStore('viewer', {keyPath: 'endpoint'});
      request.onsuccess = () => resolve(request.result);
    });
    try {
      const answerForm = await form(await mount(db));
      type(answerForm.textarea, 'Written while another tab blocks the upgrade');
      await until(() => answerForm.status().startsWith('Drafts can’t be kept'), 'no message');
      expect(answerForm.textarea.value).to.equal('Written while another tab blocks the upgrade');
    } finally {
      old.close();
    }
  });
});

describe('the outbox', () => {
  it('queues an answer the server could not take, shows it waiting, and sends it with the same key', async () => {
    const db = database();
    const client = new ScriptedWriteClient().always(ok(thread({answers: []})));
    const keys: string[] = [];
    let up = false;
    client.handlers.postAnswer = (
      _id: string,
      body: {body: string},
      options: {idempotencyKey: string},
    ) => {
      keys.push(options.idempotencyKey);
      return up
        ? Promise.resolve(answer({id: 'posted', body: {format: 'text', text: body.body}}))
        : Promise.reject(new QuandaError('http', 'HTTP 503', {status: 503}));
    };
    const el = await mount(db, client);
    const answerForm = await form(el);
    type(answerForm.textarea, 'Sent while the server was failing.');
    answerForm.el.shadowRoot!.querySelector<HTMLElement>('[part~="submit-button"]')!.click();
    const waiting = await waitFor(el, 'quanda-answer[data-id^="queued-"]');
    await until(() => text($(waiting, '[part~="status-note"]')).startsWith('Waiting to post'));
    const queued = await localStore(db).all('outbox');
    expect(queued).to.have.length(1);
    expect(queued[0]).to.deep.include({kind: 'answer', form: 'answer', key: keys[0]});
    expect(await stored(db)).to.deep.equal([]); // the outbox holds the text now
    expect(answerForm.textarea.value).to.equal('');
    await expect(el).to.be.accessible();

    up = true;
    dispatchEvent(new Event('online'));
    await waitFor(el, 'quanda-answer[data-id="posted"]');
    expect($(el, 'quanda-answer[data-id^="queued-"]')).to.equal(null);
    expect(new Set(keys).size, 'one key for every try').to.equal(1);
    await until(async () => (await localStore(db).all('outbox')).length === 0);
  });

  it('keeps a vote made offline as chosen, waiting, and sends the latest choice when online', async () => {
    const db = database();
    const client = new ScriptedWriteClient().always(
      ok(thread({answers: [answer({id: 'a1', score: 4})]})),
    );
    const sent: unknown[] = [];
    client.handlers.vote = (postId: string, value: number) => {
      sent.push([postId, value]);
      return Promise.resolve({score: 4 + value, viewerVote: value});
    };
    const el = await mount(db, client);
    const shown = $(el, 'quanda-answer[data-id="a1"]')!;
    const vote = $(shown, 'quanda-vote') as QuandaVote;
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => false});
    try {
      $(vote, '[part~="up-button"]')!.click();
      await until(async () => (await localStore(db).all('outbox')).length === 1, 'not queued');
      $(vote, '[part~="down-button"]')!.click();
      await until(
        async () => (await localStore(db).all('outbox'))[0]?.value === -1,
        'not replaced',
      );
      expect(await localStore(db).all('outbox')).to.have.length(1);
      await until(() => shown.hasAttribute('vote-pending'), 'not shown as waiting');
      expect([vote.score, vote.myVote]).to.deep.equal([3, -1]);
      expect(sent).to.deep.equal([]);
    } finally {
      Object.defineProperty(navigator, 'onLine', online);
      delete (navigator as {onLine?: boolean}).onLine;
    }
    dispatchEvent(new Event('online'));
    await until(() => !shown.hasAttribute('vote-pending'), 'the vote was never sent');
    expect(sent).to.deep.equal([['a1', -1]]);
    expect(vote.score).to.equal(3);
  });

  it('puts a refused post back into its form, with the reason', async () => {
    const db = database();
    const item: QueuedWrite = {
      key: 'k-refused',
      scope: SCOPE,
      viewer: '',
      form: 'answer',
      kind: 'answer',
      postId: 'q1',
      post: {body: 'Too much like another answer.', notify: false},
      savedAt: Date.now(),
    };
    await localStore(db).write({store: 'outbox', put: item});
    const client = new ScriptedWriteClient().always(ok(thread({answers: []})));
    client.handlers.postAnswer = () =>
      Promise.reject(
        new QuandaError('http', 'HTTP 409', {
          status: 409,
          envelope: {code: 'duplicate', message: 'dup'},
        }),
      );
    const el = await mount(db, client);
    const answerForm = await form(el);
    await until(() => answerForm.textarea.value === 'Too much like another answer.', 'not back');
    await until(() =>
      text(answerForm.el.shadowRoot!.querySelector('[part~="form-error"]')).includes(
        'This says the same as something already here.',
      ),
    );
    expect(await localStore(db).all('outbox')).to.deep.equal([]);
    expect((await stored(db))[0]).to.deep.include({body: 'Too much like another answer.'});
  });
});

describe('the thread cache', () => {
  const offline = (db: string) =>
    new RestClient({
      endpoint: 'http://127.0.0.1:1/api',
      tokens: new IndexedDbViewerTokens(db),
      attempts: 1,
    });

  it('shows the device’s copy when the backend cannot be reached, instead of the error', async () => {
    const db = database();
    const client = offline(db);
    await saveThread(db, storageKey('', client.endpoint, 'q1', 'votes'), thread());
    const el = await fixture<QuandaThread>(
      html`<quanda-thread .client=${client} .databaseName=${db} question-id="q1"></quanda-thread>`,
    );
    const line = await waitFor(el, '[part~="offline"]');
    expect(text(line)).to.match(/^Offline — showing the copy from .+\. Try again$/);
    expect($(el, '[part~="error"]')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('quanda-answer')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('is one viewer’s: another viewer’s copy is never shown', async () => {
    const db = database();
    const client = offline(db);
    await saveThread(db, storageKey('someone-else', client.endpoint, 'q1', 'votes'), thread());
    const el = await fixture<QuandaThread>(
      html`<quanda-thread .client=${client} .databaseName=${db} question-id="q1"></quanda-thread>`,
    );
    await waitFor(el, '[part~="error"]');
    expect($(el, '[part~="offline"]')).to.equal(null);
  });

  it('keeps one viewer’s copies per endpoint', async () => {
    const db = database();
    await saveThread(db, storageKey('a', 'https://qa.example/api/', 'q1', 'votes'), thread());
    await saveThread(db, storageKey('b', 'https://qa.example/api/', 'q2', 'votes'), thread());
    const copies = await localStore(db).all('threads');
    expect(copies.map((copy) => copy.viewer)).to.deep.equal(['b']);
  });
});

describe('QuandaThread.forgetEverything()', () => {
  it('erases the token, drafts, cached threads, queued posts and the backstop', async () => {
    const db = database();
    const {QuandaThread} = await import('../../../src/components/thread/thread.js');
    await new IndexedDbViewerTokens(db).set('https://qa.example/api/', 'x'.repeat(32));
    await localStore(db).write(
      {store: 'drafts', put: {key: 'd', body: 'draft', savedAt: Date.now()}},
      {
        store: 'outbox',
        put: {
          key: 'o',
          scope: SCOPE,
          viewer: '',
          form: 'answer',
          kind: 'vote',
          postId: 'a1',
          value: 1,
          savedAt: Date.now(),
        },
      },
    );
    await saveThread(db, storageKey('', 'https://qa.example/api/', 'q1', 'votes'), thread());
    localStorage.setItem(backstopKey(db, storageKey(SCOPE, 'answer')), '{}');
    await QuandaThread.forgetEverything(db);
    const names = (await indexedDB.databases()).map((info) => info.name);
    expect(names).to.not.include(db);
    expect(localStorage.getItem(backstopKey(db, storageKey(SCOPE, 'answer')))).to.equal(null);
    expect(await localStore(db).all('drafts')).to.deep.equal([]);
    expect(await new IndexedDbViewerTokens(db).get('https://qa.example/api/')).to.equal(null);
  });
});
