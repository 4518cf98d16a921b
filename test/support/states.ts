/**
 * Every state the thread and the elements inside it can show, each rendered from a
 * scripted client with test data whose user content is marked ⸨…⸩ (see pseudo-locale.ts):
 * reading (a client without writes), then writing (a ScriptedWriteClient, its handlers
 * set per state, and the reader's clicks and typing that lead there). The pseudo-locale
 * test, the accessibility tests, the target-size test and the manifest test go through
 * this list: add a state here when an element gains one.
 */
import {aTimeout, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import {QuandaError} from '../../src/api/api-error.js';
import type {
  Answer,
  Author,
  Comment,
  Permission,
  Question,
  Thread,
  ViewerCan,
} from '../../src/api/schemas.js';
import {RestClient} from '../../src/api/client.js';
import type {QuandaThread} from '../../src/components/thread/thread.js';
import {loadElement} from '../../src/lazy.js';
import {NOW, answer, comment, own, question} from './builders.js';
import {$, $$} from './dom.js';
import {user} from './pseudo-locale.js';
import {ScriptedClient, ScriptedWriteClient, fail, never, ok} from './scripted-client.js';
import {localStore} from '../../src/storage/idb/local-store.js';
import type {Change} from '../../src/storage/idb/local-store.js';
import {saveThread} from '../../src/storage/device/thread-cache.js';
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

let databases = 0;
/** A database of its own for each render, so states never see each other's drafts. */
const freshDatabase = () => `quanda-states-${Date.now()}-${++databases}`;

async function mount(
  lang: string,
  replies: Reply[] | ScriptedClient,
  questionId: string | null = 'q1',
) {
  const client = Array.isArray(replies) ? new ScriptedClient().reply(...replies) : replies;
  // A database of its own: no state sees another's drafts or queued posts.
  const el = await fixture<QuandaThread>(
    html`<quanda-thread
      lang=${lang}
      .client=${client}
      .databaseName=${freshDatabase()}
      question-id=${questionId ?? ''}
    ></quanda-thread>`,
  );
  await aTimeout(0);
  await el.updateComplete;
  return el;
}

async function settled(el: QuandaThread, selector: string) {
  await waitUntil(() => $(el, selector), `the thread never showed ${selector}`, {timeout: 5000});
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

/** The answer form's shadow root, once the thread shows the form (a client that writes). */
export function answerForm(thread: QuandaThread): ShadowRoot | null | undefined {
  return $(thread, 'quanda-answer-form')?.shadowRoot;
}

/**
 * The thread with its answer form and the form's Markdown toolbar; `then` takes the form
 * on to another state (the preview).
 */
const composing =
  (then: (form: ShadowRoot) => Promise<unknown> = () => Promise.resolve()) =>
  async (lang: string) => {
    const client = new ScriptedWriteClient().always(ok(markedThread()));
    const el = await fixture<QuandaThread>(
      html`<quanda-thread
        lang=${lang}
        .client=${client}
        .databaseName=${freshDatabase()}
        question-id="q1"
      ></quanda-thread>`,
    );
    await loadElement('quanda-answer-form');
    await waitUntil(() => answerForm(el)?.querySelector('[part~="toolbar"]'), 'no toolbar');
    await then(answerForm(el)!);
    return el;
  };

/**
 * One answer: with a client that writes, every answer gets a comments region named after
 * its author, and two answers by one author would name two regions alike.
 */
const oneAnswer = () => markedThread({answers: [markedAnswer()]});

/**
 * A thread with a client that can write (so the answer form shows), on a database given
 * the records in `seed` first.
 */
async function withStorage(
  lang: string,
  seed: Change[],
  database = freshDatabase(),
  data: () => Thread = oneAnswer,
) {
  if (seed.length) await localStore(database).write(...seed);
  const client = new ScriptedWriteClient().always(ok(data()));
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
async function loadedAnswerForm(el: QuandaThread) {
  await waitUntil(
    () => $(el, 'quanda-answer-form')?.shadowRoot?.querySelector('textarea'),
    '',
    PATIENT,
  );
  return $(el, 'quanda-answer-form')!;
}

/** Waits for the answer form's draft line to say something. */
async function draftStatus(el: QuandaThread) {
  const form = await loadedAnswerForm(el);
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

const readingStates: ThreadState[] = [
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
  {name: 'answer form with its Markdown toolbar', render: composing()},
  {
    name: 'answer form showing its preview',
    render: composing(async (form) => {
      const textarea = form.querySelector('textarea')!;
      textarea.value = `${user('Sleep helps.')}\n\n- **${user('Rest')}**\n- [${user('a link')}](https://example.org)`;
      form.querySelector<HTMLButtonElement>('[part~="preview-button"]')!.click();
      await waitUntil(() => form.querySelector('[part~="preview"] ul'), 'no preview', {
        timeout: 5000,
      });
    }),
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
      const textarea = (await loadedAnswerForm(el)).shadowRoot!.querySelector('textarea')!;
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

// ---------------------------------------------------------------------------------------
// Writing: a client with every write method, and the reader's steps to each state.

const yes: Permission = {allowed: true};
const no = (reason: string): Permission => ({allowed: false, reason});
/** Someone else's post in someone else's question: vote, flag and comment, nothing more. */
const reader: ViewerCan = {
  vote: yes,
  accept: no('not-asker'),
  edit: no('not-author'),
  flag: yes,
  comment: yes,
};
const me = (name: string | null): Author => ({...person(name, 3), isViewer: true});

export function markedComment(overrides: Partial<Comment> = {}): Comment {
  return comment({
    body: text(user('A comment, short and kind.')),
    author: person('Lee', 12),
    createdAt: hoursAgo(5),
    viewerCan: reader,
    ...overrides,
  });
}

/** A thread a reader can write in: ids set, so a state can find the post it acts on. */
export function writableThread(overrides: Partial<Thread> = {}): Thread {
  const answers = overrides.answers ?? [
    markedAnswer({id: 'a1', isAccepted: true, score: 12, viewerCan: reader}),
    markedAnswer({id: 'a2', score: 1, author: person('Ana', 1), viewerCan: reader}),
  ];
  return markedThread({
    question: markedQuestion({answerCount: answers.length, viewerCan: reader}),
    answers,
    ...overrides,
  });
}

/** The thread with one answer of the reader's own (`mine`), theirs to edit or remove. */
const withMine = (overrides: Partial<Answer> = {}) =>
  writableThread({
    answers: [
      markedAnswer({id: 'a1', score: 4, viewerCan: reader}),
      markedAnswer({id: 'mine', author: me('Kim'), viewerCan: own, ...overrides}),
    ],
  });

/** Comments on the question (some earlier ones not loaded) and on the first answer. */
const withComments = (mine = false) =>
  writableThread({
    question: markedQuestion({
      answerCount: 1,
      viewerCan: reader,
      comments: {
        items: [
          markedComment({id: 'c1', lastEdit: {at: hoursAgo(1), by: person('Lee', 12)}}),
          markedComment({id: 'c2', author: person(null, null)}),
          markedComment({
            id: 'c3',
            author: mine ? me('Kim') : person('Sam', 2),
            viewerCan: mine ? own : reader,
          }),
        ],
        count: 5,
      },
    }),
    answers: [
      markedAnswer({
        id: 'a1',
        viewerCan: reader,
        comments: {items: [markedComment({id: 'c9'})], count: 1},
      }),
    ],
  });

/** The first match of the last selector, each looked up in the shadow root of the one before. */
export function deep(root: Element, ...selectors: string[]): HTMLElement | null {
  let node: Element | null = root;
  for (const selector of selectors) node = node?.shadowRoot?.querySelector(selector) ?? null;
  return node as HTMLElement | null;
}

async function until(root: Element, ...selectors: string[]): Promise<HTMLElement> {
  // Generous: lazy chunks and IndexedDB share two busy cores with the other test files.
  await waitUntil(() => deep(root, ...selectors), `never showed ${selectors.join(' » ')}`, {
    timeout: 10_000,
  });
  return deep(root, ...selectors)!;
}

/** Types Markdown into a form and switches it to its preview. */
async function previewOf(form: HTMLElement, markdown: string) {
  (await until(form, 'textarea')) as HTMLTextAreaElement;
  form.shadowRoot!.querySelector('textarea')!.value = markdown;
  await press(form, '[part~="preview-button"]');
  await until(form, '[part~="preview"] :is(strong, em)');
}

const press = async (root: Element, ...selectors: string[]) =>
  (await until(root, ...selectors)).click();

/** The words in the thread's live region. */
export const announcement = (el: QuandaThread) =>
  $(el, '[part~="thread"] > [role="status"]')?.textContent?.trim() ?? '';

const announced = (el: QuandaThread) =>
  waitUntil(() => announcement(el), 'nothing was announced', {timeout: 5000});

const answerEl = (id: string) => `quanda-answer[data-id="${id}"]`;
const QUESTION_COMMENTS = ['quanda-question', 'quanda-comments'];
const FORM = ['quanda-answer-form'];

/** Fills a form's fields (by id) the way typing would leave them, then sends it. */
async function fillAndSend(form: HTMLElement, values: Record<string, string | boolean>) {
  const field = (id: string) => form.shadowRoot!.getElementById(id) as HTMLInputElement;
  await waitUntil(() => form.shadowRoot?.getElementById('body'), 'the form never drew', {
    timeout: 5000,
  });
  for (const [id, value] of Object.entries(values)) {
    if (typeof value === 'boolean') {
      if (field(id).checked !== value) field(id).click();
      await (form as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    } else field(id).value = value;
  }
  form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
}

interface Scene {
  data: () => Thread;
  /** Answers the client gives, by method. */
  handlers?: ScriptedWriteClient['handlers'];
  /** What the reader does to get there. */
  act?: (el: QuandaThread) => Promise<unknown>;
}

const writing =
  ({data, handlers = {}, act}: Scene) =>
  async (lang: string) => {
    // The answer form would load when the browser is idle; a state must not wait on that.
    await loadElement('quanda-answer-form');
    const client = new ScriptedWriteClient().always(ok(data()));
    Object.assign(client.handlers, handlers);
    const el = await settled(await mount(lang, client), 'quanda-question');
    if (data().viewer.canAnswer.allowed) await until(el, ...FORM, 'textarea');
    await act?.(el);
    await el.updateComplete;
    return el;
  };

const network = () => new QuandaError('network', 'offline');
/** A refusal for good: the outbox does not keep what the server will never take. */
const refused = () =>
  new QuandaError('http', 'forbidden', {
    status: 403,
    envelope: {code: 'forbidden', message: 'Not allowed here'},
  });
const rateLimited = () => new QuandaError('http', 'slow down', {status: 429, retryAfter: 120});
const pending = () => new Promise<never>(() => undefined);

/** A posted answer, as the server returns it. */
const postedAnswer = (status: Answer['status']) =>
  markedAnswer({id: 'posted', status, author: me(null), viewerCan: own, createdAt: NOW});

async function openFlagDialog(el: QuandaThread) {
  await press(el, answerEl('a2'), '[part~="flag-button"]');
  const dialog = await until(el, answerEl('a2'), 'quanda-flag-dialog');
  await waitUntil(() => dialog.shadowRoot?.querySelector('dialog')?.open, 'no dialog', {
    timeout: 5000,
  });
  return dialog;
}

const flagSubmit = (dialog: HTMLElement) =>
  dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();

async function openEdit(el: QuandaThread, ...where: string[]) {
  await press(el, ...where, '[part~="edit-button"]');
  return until(el, ...where, 'quanda-edit-form');
}

const writingStates: ThreadState[] = [
  {
    name: 'write: a reader who can vote, flag, comment and answer (empty form)',
    render: writing({data: writableThread}),
  },
  {
    name: 'write: votes pressed up and down',
    render: writing({
      data: () =>
        writableThread({
          question: markedQuestion({viewerVote: 1, viewerCan: reader, answerCount: 2}),
          answers: [
            markedAnswer({id: 'a1', viewerVote: 1, score: 3, viewerCan: reader}),
            markedAnswer({id: 'a2', viewerVote: -1, score: -1, viewerCan: reader}),
          ],
        }),
    }),
  },
  {
    name: 'write: a vote being saved',
    render: writing({
      data: writableThread,
      handlers: {vote: pending},
      act: async (el) => {
        await press(el, answerEl('a2'), 'quanda-vote', '[part~="up-button"]');
        await until(el, `${answerEl('a2')}[vote-pending]`);
      },
    }),
  },
  {
    name: 'write: a vote refused, own post (reason shown)',
    render: writing({
      data: withMine,
      act: async (el) => {
        await press(el, answerEl('mine'), 'quanda-vote', '[part~="up-button"]');
        await until(el, answerEl('mine'), 'quanda-vote', '[part~="note"]:not(.visually-hidden)');
      },
    }),
  },
  {
    name: 'write: a vote refused, rate limited (reason shown)',
    render: writing({
      data: () =>
        writableThread({
          answers: [markedAnswer({id: 'a1', viewerCan: {...reader, vote: no('rate-limited')}})],
        }),
      act: async (el) => {
        await press(el, answerEl('a1'), 'quanda-vote', '[part~="down-button"]');
        await until(el, answerEl('a1'), 'quanda-vote', '[part~="note"]:not(.visually-hidden)');
      },
    }),
  },
  {
    name: 'write: a vote saved (announced)',
    render: writing({
      data: writableThread,
      handlers: {vote: () => Promise.resolve({score: 2, viewerVote: 1})},
      act: async (el) => {
        await press(el, answerEl('a2'), 'quanda-vote', '[part~="up-button"]');
        await announced(el);
      },
    }),
  },
  {
    name: 'write: a vote waits, the server unreachable (announced)',
    render: writing({
      data: writableThread,
      handlers: {vote: () => Promise.reject(network())},
      act: async (el) => {
        await press(el, answerEl('a2'), 'quanda-vote', '[part~="down-button"]');
        await announced(el);
      },
    }),
  },
  {
    name: 'write: a vote failed, rate limited by the server (announced)',
    render: writing({
      data: writableThread,
      handlers: {vote: () => Promise.reject(rateLimited())},
      act: async (el) => {
        await press(el, 'quanda-question', 'quanda-vote', '[part~="up-button"]');
        await announced(el);
      },
    }),
  },
  {
    name: 'write: the asker, with "Select as best answer" (one selected)',
    render: writing({
      data: () => {
        const asker = {...reader, accept: yes};
        return writableThread({
          answers: [
            markedAnswer({id: 'a1', isAccepted: true, viewerCan: asker}),
            markedAnswer({id: 'a2', viewerCan: asker}),
          ],
          viewer: {isAsker: true, canAnswer: yes},
        });
      },
    }),
  },
  {
    name: 'write: the asker selected a best answer (announced)',
    render: writing({
      data: () =>
        writableThread({
          answers: [markedAnswer({id: 'a1', viewerCan: {...reader, accept: yes}})],
          viewer: {isAsker: true, canAnswer: yes},
        }),
      handlers: {setAcceptedAnswer: () => Promise.resolve({acceptedAnswerId: 'a1'})},
      act: async (el) => {
        await press(el, answerEl('a1'), '[part~="accept-button"]');
        await announced(el);
      },
    }),
  },
  {
    name: 'write: the asker could not change the best answer (announced)',
    render: writing({
      data: () =>
        writableThread({
          answers: [markedAnswer({id: 'a1', viewerCan: {...reader, accept: yes}})],
          viewer: {isAsker: true, canAnswer: yes},
        }),
      handlers: {setAcceptedAnswer: () => Promise.reject(network())},
      act: async (el) => {
        await press(el, answerEl('a1'), '[part~="accept-button"]');
        await announced(el);
      },
    }),
  },
  {name: 'write: own answer, with Edit and Remove', render: writing({data: withMine})},
  {
    name: 'write: own answer, asking to confirm the removal',
    render: writing({
      data: withMine,
      act: async (el) => {
        await press(el, answerEl('mine'), '[part~="remove-button"]');
        await until(el, answerEl('mine'), '[part~="confirm-remove-button"]');
      },
    }),
  },
  {
    name: 'write: own answer removed (announced)',
    render: writing({
      data: withMine,
      handlers: {removePost: (id) => Promise.resolve({id, removed: true})},
      act: async (el) => {
        await press(el, answerEl('mine'), '[part~="remove-button"]');
        await press(el, answerEl('mine'), '[part~="confirm-remove-button"]');
        await announced(el);
      },
    }),
  },
  {
    name: 'write: own answer, the removal failed',
    render: writing({
      data: withMine,
      handlers: {removePost: () => Promise.reject(network())},
      act: async (el) => {
        await press(el, answerEl('mine'), '[part~="remove-button"]');
        await press(el, answerEl('mine'), '[part~="confirm-remove-button"]');
        await until(el, answerEl('mine'), '[part~="action-error"]');
      },
    }),
  },
  {
    name: 'write: own answer, the edit form open',
    render: writing({
      data: withMine,
      act: async (el) => until(await openEdit(el, answerEl('mine')), 'textarea'),
    }),
  },
  {
    name: 'write: own answer, an edit restored from a draft',
    render: async (lang) => {
      const draft = {
        key: `${SCOPE}\nedit:mine`,
        body: user('A better answer, half written yesterday.'),
        savedAt: Date.now() - 3_600_000,
      };
      const el = await withStorage(lang, [{store: 'drafts', put: draft}], freshDatabase(), () =>
        withMine(),
      );
      const form = await openEdit(el, answerEl('mine'));
      await until(form, '[part~="discard-button"]');
      return el;
    },
  },
  {
    name: 'write: comments, a comment restored from a draft',
    render: async (lang) => {
      const draft = {
        key: `${SCOPE}\ncomment:q1`,
        body: user('Thank you, this helped.'),
        savedAt: Date.now() - 3_600_000,
      };
      const el = await withStorage(lang, [{store: 'drafts', put: draft}], freshDatabase(), () =>
        withComments(),
      );
      await until(el, ...QUESTION_COMMENTS, 'quanda-comment-form', '[part~="discard-button"]');
      return el;
    },
  },
  {
    name: 'write: own answer, previewing the edit',
    render: writing({
      data: withMine,
      act: async (el) => {
        const form = await openEdit(el, answerEl('mine'));
        await previewOf(form, `**${user('Better,')}** ${user('and clearer.')}`);
      },
    }),
  },
  {
    name: 'write: own answer, an edit too short',
    render: writing({
      data: withMine,
      act: async (el) => {
        const form = await openEdit(el, answerEl('mine'));
        await fillAndSend(form, {body: 'short'});
        await until(form, '[part~="field-error"]');
      },
    }),
  },
  {
    name: 'write: own answer, an edit being saved',
    render: writing({
      data: withMine,
      handlers: {editPost: pending},
      act: async (el) => {
        const form = await openEdit(el, answerEl('mine'));
        await fillAndSend(form, {body: 'A better version of my own answer.'});
        await until(form, 'form[aria-busy="true"]');
      },
    }),
  },
  {
    name: 'write: own answer, an edit that could not be saved',
    render: writing({
      data: withMine,
      handlers: {editPost: () => Promise.reject(network())},
      act: async (el) => {
        const form = await openEdit(el, answerEl('mine'));
        await fillAndSend(form, {body: 'A better version of my own answer.'});
        await until(form, '[part~="form-error"]');
      },
    }),
  },
  {
    name: 'write: own answer, an edit saved (announced)',
    render: writing({
      data: withMine,
      handlers: {
        editPost: () =>
          Promise.resolve(
            markedAnswer({
              id: 'mine',
              author: me('Kim'),
              viewerCan: own,
              body: text(user('A better version of my own answer.')),
              lastEdit: {at: NOW, by: me('Kim')},
            }),
          ),
      },
      act: async (el) => {
        const form = await openEdit(el, answerEl('mine'));
        await fillAndSend(form, {body: 'A better version of my own answer.'});
        await announced(el);
      },
    }),
  },
  {
    name: 'write: the flag dialog open',
    render: writing({data: writableThread, act: openFlagDialog}),
  },
  {
    name: 'write: the flag dialog, "something else" without a note',
    render: writing({
      data: writableThread,
      act: async (el) => {
        const dialog = await openFlagDialog(el);
        dialog.shadowRoot!.querySelector<HTMLInputElement>('#other')!.click();
        flagSubmit(dialog);
        await until(dialog, '#note-error');
      },
    }),
  },
  {
    name: 'write: the flag dialog, sending',
    render: writing({
      data: writableThread,
      handlers: {flag: pending},
      act: async (el) => {
        const dialog = await openFlagDialog(el);
        flagSubmit(dialog);
        await until(dialog, '[part~="submit-button"][aria-disabled="true"]');
      },
    }),
  },
  {
    name: 'write: the flag dialog, the flag could not be sent',
    render: writing({
      data: writableThread,
      handlers: {flag: () => Promise.reject(network())},
      act: async (el) => {
        const dialog = await openFlagDialog(el);
        flagSubmit(dialog);
        await until(dialog, '[role="alert"]');
      },
    }),
  },
  {
    name: 'write: a post flagged (announced)',
    render: writing({
      data: writableThread,
      handlers: {flag: () => Promise.resolve({flagged: true})},
      act: async (el) => {
        flagSubmit(await openFlagDialog(el));
        await until(el, answerEl('a2'), '[part~="flag-button"][aria-disabled="true"]');
        await announced(el);
      },
    }),
  },
  {
    name: 'write: comments, with "Show N earlier comments"',
    render: writing({data: () => withComments()}),
  },
  {
    name: 'write: comments, the earlier ones loading',
    render: writing({
      data: () => withComments(),
      handlers: {getComments: pending},
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[part~="earlier-button"]');
        await until(el, ...QUESTION_COMMENTS, '[role="status"]');
      },
    }),
  },
  {
    name: 'write: comments, the earlier ones failed to load',
    render: writing({
      data: () => withComments(),
      handlers: {getComments: () => Promise.reject(network())},
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[part~="earlier-button"]');
        await until(el, ...QUESTION_COMMENTS, '[role="alert"]');
      },
    }),
  },
  {
    name: 'write: comments, all shown',
    render: writing({
      data: () => withComments(),
      handlers: {
        getComments: () =>
          Promise.resolve({
            comments: [
              markedComment({id: 'c0'}),
              markedComment({id: 'c00'}),
              ...withComments().question.comments.items,
            ],
            nextCursor: null,
          }),
      },
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[part~="earlier-button"]');
        await waitUntil(() => !deep(el, ...QUESTION_COMMENTS, '[part~="earlier-button"]'), '', {
          timeout: 5000,
        });
      },
    }),
  },
  {
    name: 'write: comments, the comment form open',
    render: writing({
      data: () => withComments(),
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[part~="add-comment-button"]');
        await until(el, ...QUESTION_COMMENTS, 'quanda-comment-form', 'textarea');
      },
    }),
  },
  {
    name: 'write: comments, previewing a comment',
    render: writing({
      data: () => withComments(),
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[part~="add-comment-button"]');
        const form = await until(el, ...QUESTION_COMMENTS, 'quanda-comment-form');
        await previewOf(form, `*${user('Thank you')}* ${user('for this.')}`);
      },
    }),
  },
  {
    name: 'write: comments, a comment too short, notify ticked without an email',
    render: writing({
      data: () => withComments(),
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[part~="add-comment-button"]');
        const form = await until(el, ...QUESTION_COMMENTS, 'quanda-comment-form');
        await fillAndSend(form, {body: 'x', notify: true});
        await until(form, '#email-error');
      },
    }),
  },
  {
    name: 'write: comments, a comment being sent',
    render: writing({
      data: () => withComments(),
      handlers: {postComment: pending},
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[part~="add-comment-button"]');
        const form = await until(el, ...QUESTION_COMMENTS, 'quanda-comment-form');
        await fillAndSend(form, {body: 'Thank you for asking this.'});
        await until(form, 'form[aria-busy="true"]');
      },
    }),
  },
  {
    name: 'write: comments, a comment that could not be sent',
    render: writing({
      data: () => withComments(),
      // Refused for good (an outage would queue it in the outbox instead).
      handlers: {postComment: () => Promise.reject(refused())},
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[part~="add-comment-button"]');
        const form = await until(el, ...QUESTION_COMMENTS, 'quanda-comment-form');
        await fillAndSend(form, {body: 'Thank you for asking this.'});
        await until(form, '[part~="form-error"]');
      },
    }),
  },
  {
    name: 'write: comments, a comment posted (announced)',
    render: writing({
      data: () => withComments(),
      handlers: {
        postComment: () =>
          Promise.resolve(markedComment({id: 'new', author: me(null), viewerCan: own})),
      },
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[part~="add-comment-button"]');
        const form = await until(el, ...QUESTION_COMMENTS, 'quanda-comment-form');
        await fillAndSend(form, {body: 'Thank you for asking this.'});
        await announced(el);
      },
    }),
  },
  {
    name: 'write: comments, own comment with Edit and Remove',
    render: writing({data: () => withComments(true)}),
  },
  {
    name: 'write: comments, editing own comment',
    render: writing({
      data: () => withComments(true),
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[data-edit="c3"]');
        await until(el, ...QUESTION_COMMENTS, 'quanda-edit-form', 'textarea');
      },
    }),
  },
  {
    name: 'write: comments, removing own comment (confirmation)',
    render: writing({
      data: () => withComments(true),
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[data-remove="c3"]');
        await until(el, ...QUESTION_COMMENTS, '[part~="confirm-remove-button"]');
      },
    }),
  },
  {
    name: 'write: comments, removing own comment failed',
    render: writing({
      data: () => withComments(true),
      handlers: {removePost: () => Promise.reject(network())},
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[data-remove="c3"]');
        await press(el, ...QUESTION_COMMENTS, '[part~="confirm-remove-button"]');
        await until(el, ...QUESTION_COMMENTS, '[part~="action-error"]');
      },
    }),
  },
  {
    name: 'write: comments, flagging a comment',
    render: writing({
      data: () => withComments(),
      act: async (el) => {
        await press(el, ...QUESTION_COMMENTS, '[data-flag="c1"]');
        const dialog = await until(el, ...QUESTION_COMMENTS, 'quanda-flag-dialog');
        await waitUntil(() => dialog.shadowRoot?.querySelector('dialog')?.open, 'no dialog', {
          timeout: 5000,
        });
      },
    }),
  },
  {
    name: 'write: own question, with Edit and Remove',
    render: writing({
      data: () =>
        writableThread({
          question: markedQuestion({author: me('Maya R.'), viewerCan: own, answerCount: 0}),
          answers: [],
          viewer: {isAsker: true, canAnswer: yes},
        }),
    }),
  },
  {
    name: 'write: own question, asking to confirm the removal',
    render: writing({
      data: () =>
        writableThread({
          question: markedQuestion({author: me('Maya R.'), viewerCan: own, answerCount: 0}),
          answers: [],
          viewer: {isAsker: true, canAnswer: yes},
        }),
      act: async (el) => {
        await press(el, 'quanda-question', '[part~="remove-button"]');
        await until(el, 'quanda-question', '[part~="keep-button"]');
      },
    }),
  },
  {
    name: 'write: the answer form, notify ticked (email field shown)',
    render: writing({
      data: writableThread,
      act: async (el) => {
        await press(el, ...FORM, '#notify');
        await until(el, ...FORM, '#email:not([hidden] *)');
      },
    }),
  },
  {
    name: 'write: the answer form, errors in the text, the name and the email',
    render: writing({
      data: writableThread,
      act: async (el) => {
        const form = deep(el, ...FORM)!;
        await fillAndSend(form, {
          body: 'Too short',
          name: 'N'.repeat(41),
          notify: true,
          email: 'no',
        });
        await until(form, '#email-error');
      },
    }),
  },
  {
    name: 'write: the answer form, sending',
    render: writing({
      data: writableThread,
      handlers: {postAnswer: pending},
      act: async (el) => {
        const form = deep(el, ...FORM)!;
        await fillAndSend(form, {body: 'What helped me was writing it down first.'});
        await until(form, 'form[aria-busy="true"]');
      },
    }),
  },
  {
    name: 'write: the answer form, the server unreachable: waiting to post (announced)',
    render: writing({
      data: writableThread,
      handlers: {postAnswer: () => Promise.reject(network())},
      act: async (el) => {
        const form = deep(el, ...FORM)!;
        await fillAndSend(form, {body: user('What helped me was writing it down first.')});
        await until(el, 'quanda-answer[data-id^="queued-"]', '[part~="status-note"]');
        await announced(el);
      },
    }),
  },
  {
    name: 'write: the answer form, refused',
    render: writing({
      data: writableThread,
      handlers: {postAnswer: () => Promise.reject(refused())},
      act: async (el) => {
        const form = deep(el, ...FORM)!;
        await fillAndSend(form, {body: 'What helped me was writing it down first.'});
        await until(form, '[part~="form-error"]');
      },
    }),
  },
  {
    name: 'write: the answer form, failed: rate limited',
    render: writing({
      data: writableThread,
      handlers: {postAnswer: () => Promise.reject(rateLimited())},
      act: async (el) => {
        const form = deep(el, ...FORM)!;
        await fillAndSend(form, {body: 'What helped me was writing it down first.'});
        await until(form, '[part~="form-error"]');
      },
    }),
  },
  {
    name: 'write: the answer form, a duplicate',
    render: writing({
      data: writableThread,
      handlers: {
        postAnswer: () =>
          Promise.reject(
            new QuandaError('http', 'dup', {
              status: 409,
              envelope: {code: 'duplicate', message: 'Same as another answer'},
            }),
          ),
      },
      act: async (el) => {
        const form = deep(el, ...FORM)!;
        await fillAndSend(form, {body: 'What helped me was writing it down first.'});
        await until(form, '#body-error');
      },
    }),
  },
  {
    name: 'write: the answer form, an answer posted (announced)',
    render: writing({
      data: writableThread,
      handlers: {postAnswer: () => Promise.resolve(postedAnswer('published'))},
      act: async (el) => {
        await fillAndSend(deep(el, ...FORM)!, {body: 'What helped me was writing it down.'});
        await until(el, answerEl('posted'));
        await announced(el);
      },
    }),
  },
  {
    name: 'write: the answer form, an answer awaiting moderation (announced)',
    render: writing({
      data: writableThread,
      handlers: {postAnswer: () => Promise.resolve(postedAnswer('pending'))},
      act: async (el) => {
        await fillAndSend(deep(el, ...FORM)!, {body: 'What helped me was writing it down.'});
        await until(el, answerEl('posted'), '[part~="status-note"]');
        await announced(el);
      },
    }),
  },
  {
    name: 'write: own posts awaiting moderation and hidden after reports',
    render: writing({
      data: () =>
        writableThread({
          answers: [
            markedAnswer({
              id: 'mine',
              status: 'pending',
              author: me('Kim'),
              viewerCan: {...own, vote: no('pending')},
              comments: {
                items: [
                  markedComment({id: 'c1', status: 'hidden', author: me('Kim'), viewerCan: own}),
                ],
                count: 1,
              },
            }),
            markedAnswer({id: 'hidden', status: 'hidden', author: me(null), viewerCan: own}),
          ],
        }),
    }),
  },
];

export const threadStates: ThreadState[] = [
  ...readingStates,
  {
    name: 'a site’s read-only client: comments, own posts, the asker — and no writes',
    render: async (lang) =>
      settled(
        await mount(lang, [ok({...withComments(true), viewer: {isAsker: true, canAnswer: yes}})]),
        'quanda-question',
      ),
  },
  ...writingStates,
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
