/**
 * Nothing the reader typed is lost, end to end: real Chromium tabs (reloaded, navigated
 * away from, crashed, taken offline), real IndexedDB, and the real reference server,
 * stopped and started again. Each test has a database name of its own.
 */
import {shownText} from '../../support/bodies.js';
import {expect} from '@open-wc/testing';
import '../../../src/define.js';
import type {Thread} from '../../../src/api/schemas.js';
import {SERVER_START_TIMEOUT, startQuandaServer, stopQuandaServers} from '../../support/servers.js';
import type {QuandaServer} from '../../support/servers.js';
import {ANSWER_FORM, Tab, deep, serverDown, serverUp} from '../../support/tabs.js';

let server: QuandaServer;
let databases = 0;
const database = () => `quanda-e2e-offline-${Date.now()}-${++databases}`;

before(async function () {
  this.timeout(SERVER_START_TIMEOUT);
  server = await startQuandaServer({
    fixture: {
      questions: [
        {id: 'drafts', answers: ['An answer that was here first, long enough.']},
        {id: 'crash', answers: []},
        {id: 'offline', answers: []},
        {id: 'down', answers: []},
        {id: 'tabs', answers: []},
        {id: 'quota', answers: []},
        {id: 'cached', answers: ['A cached answer, long enough to be one.']},
      ],
    },
    env: {QUANDA_LIMIT_ANSWERS: '1000/1000'},
  });
});
after(() => stopQuandaServers());

async function answersOnServer(question: string): Promise<string[]> {
  const response = await fetch(`${server.api}/questions/${question}`);
  return ((await response.json()) as Thread).answers.map((answer) => shownText(answer.body));
}

/** A tab with the thread loaded and its answer form ready. */
async function openTab(
  question: string,
  {
    db = database(),
    origin,
    idb,
    quota,
  }: {db?: string; origin?: string; idb?: 'broken'; quota?: number} = {},
) {
  const query = {api: server.api, question, db, ...(idb ? {idb} : {})};
  const tab = await Tab.open(query, {origin, quota});
  await tab.until(`!!${deep([...ANSWER_FORM, 'textarea'])}`, 'the answer form');
  return tab;
}

describe('drafts across reloads', () => {
  it('restores exactly what was typed, reloaded or navigated away at random moments', async function () {
    this.timeout(120_000);
    const tab = await openTab('drafts');
    const words = [
      'calm',
      'sleep',
      'ängste',
      'walk',
      'journal',
      'breathe',
      'therapy',
      '日記',
      'ok',
    ];
    let typed = '';
    for (let trial = 0; trial < 12; trial++) {
      const count = 1 + Math.floor(Math.random() * 6);
      const more = Array.from(
        {length: count},
        () => words[Math.floor(Math.random() * words.length)],
      );
      const text = `${trial ? ' ' : ''}${more.join(' ')}`;
      await tab.type(text, Math.floor(Math.random() * 30));
      typed += text;
      // At once: no pause for the autosave.
      if (trial % 2) await tab.reload();
      else await tab.navigateAwayAndBack();
      await tab.until(`${deep([...ANSWER_FORM, 'textarea'])}?.value.length > 0`, 'the draft');
      expect(await tab.value(), `trial ${trial}`).to.equal(typed);
      expect(await tab.text([...ANSWER_FORM, '[part~="draft-status"]'])).to.contain(
        'Draft restored',
      );
      // Typing goes on at the end of what came back.
      await tab.eval(
        `(t => t.setSelectionRange(t.value.length, t.value.length))(${deep([...ANSWER_FORM, 'textarea'])})`,
      );
    }
    await tab.close();
  });
});

const TEXTAREA = [...ANSWER_FORM, 'textarea'];
const STATUS = [...ANSWER_FORM, '[part~="draft-status"]'];
const SUBMIT = [...ANSWER_FORM, '[part~="submit-button"]'];
/** JS for the tab: the text of every answer shown, and whether it waits in the outbox. */
const SHOWN = `[...(${deep(['quanda-thread'])}?.shadowRoot?.querySelectorAll('quanda-answer') ?? [])].map((a) => ({
  text: a.answer.body.text ?? a.answer.body.source, queued: a.answer.queued ?? null,
  note: a.shadowRoot.querySelector('[part~="status-note"]')?.textContent.trim() ?? null}))`;
type Shown = {text: string; queued: string | null; note: string | null}[];
const shownAs = (text: string) => `(${SHOWN}).find((a) => a.text === ${JSON.stringify(text)})`;

describe('a crash', () => {
  it('loses at most the words typed in the last moment before the renderer dies', async function () {
    this.timeout(60_000);
    const tab = await openTab('crash');
    const text =
      'Writing it down before bed helped me, then a short walk in the morning. It took ' +
      'a few weeks, but the worry got smaller each time I named it.';
    const delay = 60;
    const typing = tab.type(text, delay);
    // The crash comes somewhere in the middle of the sentence: after a random number of keys.
    const keys = 40 + Math.floor(Math.random() * 35);
    await tab.until(`(${deep(TEXTAREA)}?.value.length ?? 0) >= ${keys}`, `${keys} keys typed`);
    const before = (await tab.value()) ?? '';
    await tab.crashAndReopen();
    await typing;
    await tab.until(`!!${deep(TEXTAREA)}`, 'the answer form');
    await tab.until(`${deep(TEXTAREA)}.value.length > 0`, 'the draft').catch(() => undefined);
    const restored = (await tab.value()) ?? '';
    expect(text.startsWith(restored), 'restored text is what was typed').to.be.true;
    expect(before.length, 'typing had started').to.be.greaterThan(10);
    expect(restored.length, 'something was restored').to.be.greaterThan(0);
    const lost = Math.max(0, before.length - restored.length);
    console.log(
      `renderer crash: ${lost} of ${before.length} characters lost (≈ ${lost * delay} ms of typing at ${delay} ms a key)`,
    );
    // "The last moment": less than a second's worth of keys (drafts save 250 ms after a pause).
    expect(lost, 'characters lost').to.be.at.most(Math.floor(1000 / delay));
    await tab.close();
  });
});

describe('offline', () => {
  it('queues an answer while offline, and posts it once when back online', async function () {
    this.timeout(60_000);
    const tab = await openTab('offline');
    const body = 'Posted from a train, where the signal comes and goes.';
    await tab.offline(true);
    await tab.type(body);
    await tab.click(SUBMIT);
    await tab.until(`${shownAs(body)}?.queued === 'offline'`, 'the answer waiting');
    const [shown] = (await tab.eval<Shown>(`(${SHOWN}).filter((a) => a.queued)`)) ?? [];
    expect(shown?.note).to.equal('Waiting to post — will send when you’re back online.');
    expect(await tab.value()).to.equal(''); // the queue holds the text now
    expect(await answersOnServer('offline')).to.not.include(body);
    await tab.offline(false);
    await tab.until(`${shownAs(body)}?.queued === null`, 'the answer posted');
    expect((await answersOnServer('offline')).filter((text) => text === body)).to.have.length(1);
    await tab.close();
  });

  it('with the server stopped: waits, survives a reload, and posts once when it is back', async function () {
    this.timeout(90_000);
    const db = database();
    const tab = await openTab('down', {db});
    const body = 'Written while the server was down for maintenance.';
    await serverDown(server.url);
    try {
      await tab.type(body);
      await tab.click(SUBMIT);
      await tab.until(`${shownAs(body)}?.queued === 'retrying'`, 'the answer waiting', 30_000);
      // Reloaded while it waits: the thread comes from the device, the answer still waits.
      await tab.reload();
      await tab.until(`!!${shownAs(body)}`, 'the waiting answer after the reload', 30_000);
      expect(await tab.eval(`${shownAs(body)}.queued`)).to.equal('retrying');
      expect(await tab.text(['quanda-thread', '[part~="offline"]'])).to.match(
        /^Offline — showing the copy from .+\. Try again$/,
      );
      expect(await tab.eval(`!!${deep(['quanda-thread', '[part~="error"]'])}`)).to.be.false;
    } finally {
      await serverUp(server.url);
    }
    await tab.eval(`dispatchEvent(new Event('focus'))`); // a reader coming back to the tab
    await tab.until(`${shownAs(body)}?.queued === null`, 'the answer posted', 30_000);
    expect((await answersOnServer('down')).filter((text) => text === body)).to.have.length(1);
    // And once more after another reload: nothing is left to send.
    await tab.reload();
    await tab.until(`!!${shownAs(body)}`, 'the posted answer');
    expect(await tab.eval(`(${SHOWN}).filter((a) => a.queued).length`)).to.equal(0);
    expect((await answersOnServer('down')).filter((text) => text === body)).to.have.length(1);
    await tab.close();
  });
});

describe('two tabs on one question', () => {
  it('shows an edit made in one tab in the other, and says so', async function () {
    this.timeout(60_000);
    const db = database();
    const first = await openTab('tabs', {db});
    const second = await openTab('tabs', {db});
    await first.type('Typed in the first tab.');
    await second.until(`${deep(TEXTAREA)}.value === 'Typed in the first tab.'`, 'the edit');
    expect(await second.text(STATUS)).to.contain('This text was changed in another tab.');
    // And back: the newer edit wins.
    await second.type(' And more in the second.');
    await first.until(
      `${deep(TEXTAREA)}.value === 'Typed in the first tab. And more in the second.'`,
      'the edit from the second tab',
    );
    await first.close();
    await second.close();
  });
});

describe('when storage fails', () => {
  it('says once that drafts cannot be kept when IndexedDB will not open, and posts all the same', async function () {
    this.timeout(60_000);
    const tab = await openTab('quota', {idb: 'broken'});
    const body = 'Written where the browser keeps nothing at all.';
    await tab.type(body);
    await tab.until(
      `${deep(STATUS)}.textContent.includes('can’t be kept')`,
      'the fallback message',
    );
    expect(await tab.text(STATUS)).to.equal(
      'Drafts can’t be kept on this device. Your text stays here while this page is open.',
    );
    await tab.click(SUBMIT);
    await tab.until(`${shownAs(body)}?.queued === null`, 'the answer posted');
    expect(await answersOnServer('quota')).to.include(body);
    await tab.close();
  });

  it('says so when the disk is full (QuotaExceededError), and the form keeps working', async function () {
    this.timeout(60_000);
    // Another origin (the same server by IP), so the small quota touches no other test.
    const origin = location.origin.replace('localhost', '127.0.0.1');
    const tab = await openTab('quota', {origin, quota: 2 * 1024 * 1024});
    try {
      // Random bytes (nothing to compress) in ever smaller pieces, until not even 256 B fit.
      const filled = await tab.eval<string>(`new Promise((resolve) => {
        const request = indexedDB.open('quanda-filler');
        request.onupgradeneeded = () => request.result.createObjectStore('bytes');
        request.onsuccess = () => {
          const db = request.result;
          let n = 0;
          let size = 256 * 1024;
          const next = () => {
            const bytes = new Uint8Array(size);
            for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
            const tx = db.transaction('bytes', 'readwrite');
            tx.objectStore('bytes').put(bytes, n++);
            tx.oncomplete = () => (n < 500 ? next() : (db.close(), resolve('never full')));
            tx.onabort = () => {
              if (size > 256) return (size /= 4), next();
              db.close();
              resolve(tx.error?.name ?? 'aborted');
            };
          };
          next();
        };
      })`);
      expect(filled).to.equal('QuotaExceededError');
      const body = 'Written on a phone whose storage is full.';
      await tab.type(body);
      await tab.until(
        `${deep(STATUS)}.textContent.includes('can’t be kept')`,
        'the fallback message',
      );
      await tab.click(SUBMIT);
      await tab.until(`${shownAs(body)}?.queued === null`, 'the answer posted');
      expect(await answersOnServer('quota')).to.include(body);
    } finally {
      await tab.eval(
        `new Promise((resolve) => { const r = indexedDB.deleteDatabase('quanda-filler'); r.onsuccess = r.onerror = () => resolve(true); })`,
      );
      await tab.quota(null);
      await tab.close();
    }
  });
});
