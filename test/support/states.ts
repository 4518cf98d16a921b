/**
 * Every state the thread and the elements inside it can show today, each rendered from a
 * scripted client with test data whose user content is marked ⸨…⸩ (see pseudo-locale.ts).
 * The pseudo-locale test, the accessibility tests and the manifest test go through this
 * list: add a state here when an element gains one.
 */
import {aTimeout, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import {QuandaError} from '../../src/api/api-error.js';
import {RestClient} from '../../src/api/client.js';
import type {Answer, Author, Question, Thread} from '../../src/api/schemas.js';
import type {QuandaThread} from '../../src/components/thread/thread.js';
import {NOW, answer, question} from './builders.js';
import {$, $$} from './dom.js';
import {user} from './pseudo-locale.js';
import {ScriptedClient, ScriptedWriteClient, fail, never, ok} from './scripted-client.js';
import {localStore} from '../../src/storage/local-store.js';
import type {Change} from '../../src/storage/local-store.js';
import {saveThread} from '../../src/storage/thread-cache.js';
import {IndexedDbViewerTokens} from '../../src/storage/viewer-tokens.js';
import type {Reply} from './scripted-client.js';

const hoursAgo = (hours: number) => new Date(Date.parse(NOW) - hours * 3_600_000).toISOString();
const person = (name: string | null, points: number | null): Author => ({
  displayName: name === null ? null : user(name),
  points,
  isViewer: false,
});
const text = (body: string) => ({format: 'text' as const, text: body});

/** A question with every optional part filled in, and its user content marked. */
export function markedQuestion(overrides: Partial<Question> = {}): Question {
  return question({
    title: user('Why are therapists so secretive?'),
    body: text(`${user('First paragraph.')}\n\n${user('Second paragraph,')}\n${user('a line.')}`),
    category: user('Psychotherapy'),
    tags: [user('therapy'), user('ethics')],
    author: person('Maya R.', 6505),
    lastEdit: {at: hoursAgo(30), by: person('Maya R.', 6505)},
    ...overrides,
  });
}

export function markedAnswer(overrides: Partial<Answer> = {}): Answer {
  return answer({
    body: text(user('An answer, long enough to be one.')),
    author: person('Jonas', 1275),
    ...overrides,
  });
}

/** Answers covering the plural forms of scores and points, best, anonymous and edited. */
export function markedAnswers(): Answer[] {
  return [
    markedAnswer({isAccepted: true, score: 12500}),
    markedAnswer({score: 1, author: person('Ana', 1)}),
    markedAnswer({score: 0, author: person(null, null), createdAt: hoursAgo(0)}),
    markedAnswer({
      score: -2,
      lastEdit: {at: hoursAgo(1), by: person(null, null)},
      createdAt: hoursAgo(24 * 400),
    }),
  ];
}

export function markedThread(overrides: Partial<Thread> = {}): Thread {
  const answers = overrides.answers ?? markedAnswers();
  return {
    question: markedQuestion({answerCount: answers.length}),
    answers,
    nextCursor: null,
    viewer: {isAsker: false, canAnswer: {allowed: true}},
    serverTime: NOW,
    ...overrides,
  };
}

export interface ThreadState {
  name: string;
  /** The thread, in `lang`, settled in this state. */
  render: (lang: string) => Promise<QuandaThread>;
}

async function mount(lang: string, replies: Reply[], questionId: string | null = 'q1') {
  const client = new ScriptedClient().reply(...replies);
  const el = await fixture<QuandaThread>(
    html`<quanda-thread
      lang=${lang}
      .client=${client}
      question-id=${questionId ?? ''}
    ></quanda-thread>`,
  );
  await aTimeout(0);
  await el.updateComplete;
  return el;
}

async function settled(el: QuandaThread, selector: string) {
  await waitUntil(() => $(el, selector), `the thread never showed ${selector}`);
  await el.updateComplete;
  return el;
}

const loadedWith =
  (data: () => Thread, ...more: Reply[]) =>
  async (lang: string) =>
    settled(await mount(lang, [ok(data()), ...more]), 'quanda-question');

const failedWith = (error: () => unknown) => async (lang: string) =>
  settled(await mount(lang, [fail(error())]), '[part~="error"]');

/** Loads a thread with a next page, then presses "Show more answers". */
const paged = (next: Reply, ready: (el: QuandaThread) => unknown) => async (lang: string) => {
  const el = await loadedWith(() => markedThread({nextCursor: 'c1'}), next)(lang);
  $(el, '[part~="more-button"]')!.click();
  await waitUntil(() => ready(el), 'the next page never settled');
  await el.updateComplete;
  return el;
};

const http = (status: number) => () => new QuandaError('http', `HTTP ${status}`, {status});

/**
 * One answer: with a client that writes, every answer gets a comments region named after
 * its author, and two answers by one author would name two regions alike.
 */
const oneAnswer = () => markedThread({answers: [markedAnswer()]});

let databases = 0;
/** A database of its own for each render, so states never see each other's drafts. */
const freshDatabase = () => `quanda-states-${Date.now()}-${++databases}`;

/**
 * A thread with a client that can write (so the answer form shows), on a database given
 * the records in `seed` first.
 */
async function withStorage(lang: string, seed: Change[], database = freshDatabase()) {
  if (seed.length) await localStore(database).write(...seed);
  const client = new ScriptedWriteClient().always(ok(oneAnswer()));
  const el = await fixture<QuandaThread>(
    html`<quanda-thread
      lang=${lang}
      .client=${client}
      .databaseName=${database}
      question-id="q1"
    ></quanda-thread>`,
  );
  await settled(el, 'quanda-question');
  return el;
}

/** The answer form inside a thread, once it has loaded. */
async function answerForm(el: QuandaThread) {
  await waitUntil(
    () => $(el, 'quanda-answer-form')?.shadowRoot?.querySelector('textarea'),
    '',
    PATIENT,
  );
  return $(el, 'quanda-answer-form')!;
}

/** Waits for the answer form's draft line to say something. */
async function draftStatus(el: QuandaThread) {
  const form = await answerForm(el);
  await waitUntil(
    () => form.shadowRoot!.querySelector('[part~="draft-status"]')?.textContent?.trim(),
    'the draft line stayed empty',
    PATIENT,
  );
  await (form as unknown as {updateComplete: Promise<unknown>}).updateComplete;
  return el;
}

/** IndexedDB shares two busy cores with the other test files: wait for it patiently. */
const PATIENT = {timeout: 5000};

/** Scope of drafts and queued posts for a thread with a site's own client on q1. */
const SCOPE = '\nq1';

export const threadStates: ThreadState[] = [
  {name: 'no question set', render: async (lang) => mount(lang, [], null)},
  {
    name: 'loading',
    render: async (lang) => settled(await mount(lang, [never()]), '[part~="status"]'),
  },
  {name: 'failed: network', render: failedWith(() => new QuandaError('network', 'offline'))},
  {name: 'failed: timeout', render: failedWith(() => new QuandaError('timeout', 'slow'))},
  {name: 'failed: not found', render: failedWith(http(404))},
  {name: 'failed: rate limited', render: failedWith(http(429))},
  {name: 'failed: server error', render: failedWith(http(503))},
  {name: 'failed: other HTTP error', render: failedWith(http(400))},
  {name: 'failed: a site client threw', render: failedWith(() => new TypeError('boom'))},
  {
    name: 'failed: invalid response',
    render: async (lang) =>
      settled(
        await mount(lang, [ok({...markedThread(), answers: 'none'} as unknown as Thread)]),
        '[part~="error"]',
      ),
  },
  {name: 'no answers yet', render: loadedWith(() => markedThread({answers: []}))},
  {
    name: 'one answer, anonymous asker, no category, tags or edit',
    render: loadedWith(() => ({
      ...markedThread({answers: [markedAnswer()]}),
      question: markedQuestion({
        answerCount: 1,
        category: null,
        tags: [],
        lastEdit: null,
        author: person(null, null),
        score: 0,
      }),
    })),
  },
  {
    name: 'question edited anonymously',
    render: loadedWith(() => ({
      ...markedThread(),
      question: markedQuestion({lastEdit: {at: hoursAgo(2), by: person(null, null)}}),
    })),
  },
  {name: 'answers: best, anonymous, edited, every plural', render: loadedWith(markedThread)},
  {name: 'more answers to show', render: loadedWith(() => markedThread({nextCursor: 'c1'}))},
  {
    name: 'loading more answers',
    render: paged(never(), (el) => $(el, '[part~="more-button"][aria-disabled="true"]')),
  },
  {
    name: 'more answers shown',
    render: paged(ok(markedThread({answers: [markedAnswer()]})), (el) =>
      $(el, '[role="status"]')?.textContent?.trim(),
    ),
  },
  {
    name: 'more answers failed',
    render: paged(fail(new QuandaError('network', 'offline')), (el) => $(el, '[part~="error"]')),
  },
  {
    name: 'reloading after a new sort',
    render: async (lang) => {
      const el = await loadedWith(markedThread, never())(lang);
      const select = $(el, '[part~="sort"]') as HTMLSelectElement;
      select.value = 'newest';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => $(el, '[part~="status"]'), 'no loading status after sorting');
      return el;
    },
  },
  {
    name: 'draft restored',
    render: async (lang) =>
      draftStatus(
        await withStorage(lang, [
          {
            store: 'drafts',
            put: {
              key: `${SCOPE}\nanswer`,
              body: user('Half an answer, kept from last time.'),
              displayName: user('Robin'),
              notify: true,
              savedAt: Date.now() - 3_600_000,
            },
          },
        ]),
      ),
  },
  {
    name: "drafts can't be kept on this device",
    render: async (lang) => {
      const database = freshDatabase();
      localStore(database).failure = new DOMException('Quota exceeded', 'QuotaExceededError');
      const el = await withStorage(lang, [], database);
      const textarea = (await answerForm(el)).shadowRoot!.querySelector('textarea')!;
      textarea.value = user('Typed where nothing can be kept.');
      textarea.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
      return draftStatus(el);
    },
  },
  {
    name: 'waiting to post',
    render: async (lang) => {
      const el = await withStorage(lang, [
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
      ]);
      const id = 'quanda-answer[data-id="queued-queued-1"]';
      await waitUntil(() => $(el, id), 'nothing waits', PATIENT);
      await waitUntil(() => $($(el, id)!, '[part~="status-note"]'), 'no note', PATIENT);
      return el;
    },
  },
  {
    name: 'offline, showing the copy from…',
    render: async (lang) => {
      // The device's copy of the thread, and a backend that cannot be reached.
      const database = freshDatabase();
      const client = new RestClient({
        endpoint: 'http://127.0.0.1:1/api',
        tokens: new IndexedDbViewerTokens(database),
        attempts: 1,
      });
      const key = `${await client.viewerKey()}\n${client.endpoint}\nq1\nvotes`;
      await saveThread(database, key, oneAnswer());
      const el = await fixture<QuandaThread>(
        html`<quanda-thread
          lang=${lang}
          .client=${client}
          .databaseName=${database}
          question-id="q1"
        ></quanda-thread>`,
      );
      return settled(el, '[part~="offline"]');
    },
  },
];

/** Every element in the thread's composed tree, through shadow roots. */
export function composedElements(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element) => {
    out.push(node);
    for (const child of node.shadowRoot ? node.shadowRoot.children : []) visit(child);
    for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}

/** The text a reader gets, in document order, through shadow roots. */
export function composedText(root: Node): string {
  let out = '';
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent;
    if (node instanceof Element && node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return out;
}

export {$, $$};
