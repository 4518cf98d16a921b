/**
 * Reading states: a thread on a client without writes, loading, failing, paging and
 * sorting.
 */
import {QuandaError} from '../../../src/api/api-error.js';
import type {Thread} from '../../../src/api/schemas.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {$$, deep} from '../dom.js';
import {fail, never, ok} from '../scripted-client.js';
import type {Reply} from '../scripted-client.js';
import {
  hoursAgo,
  http,
  markedAnswer,
  markedQuestion,
  markedThread,
  person,
  withComments,
  yes,
} from './data.js';
import {defineState, mountThread, shows, until} from './state.js';
import type {ThreadState} from './state.js';

const question = shows('quanda-question');
const answers = (el: QuandaThread) => $$(el, 'quanda-answer').length;
const loadingStatus = (el: QuandaThread) => !!deep(el, '[part~="status"][role="status"]');

/** The first load failed: the error and its Retry, and no thread. */
const failedState = (name: string, error: () => unknown, retry = true): ThreadState =>
  defineState({
    name,
    render: (lang) => mountThread(lang, {client: [fail(error())]}),
    reached: (el) =>
      !!deep(el, '[part~="error"]') &&
      !!deep(el, '[part~="error"] [part~="retry-button"]') === retry &&
      !question(el),
  });

/** The thread loaded with `data` (then `more` for later requests), showing `reached`. */
const loadedState = (
  name: string,
  data: () => Thread,
  reached: (el: QuandaThread) => boolean,
  ...more: Reply[]
): ThreadState =>
  defineState({
    name,
    render: (lang) => mountThread(lang, {client: [ok(data()), ...more]}),
    reached: (el) => question(el) && reached(el),
  });

/** Loads a thread with a next page, then presses "Show more answers". */
const pagedState = (name: string, next: Reply, reached: (el: QuandaThread) => boolean) =>
  defineState({
    name,
    reached,
    async render(lang) {
      const el = await mountThread(lang, {
        client: [ok(markedThread({nextCursor: 'c1'})), next],
      });
      (await until(el, '[part~="more-button"]')).click();
      return el;
    },
  });

const moreButton = (el: QuandaThread) => deep(el, '[part~="more-button"]');

export const readingStates: ThreadState[] = [
  defineState({
    name: 'no question set',
    render: (lang) => mountThread(lang, {client: [], questionId: ''}),
    reached: (el) => !el.questionId && !!deep(el, '[part~="status"]') && !loadingStatus(el),
  }),
  defineState({
    name: 'loading',
    render: (lang) => mountThread(lang, {client: [never()]}),
    reached: (el) => loadingStatus(el) && !question(el) && !deep(el, '[part~="sort"]'),
  }),
  failedState('failed: network', () => new QuandaError('network', 'offline')),
  failedState('failed: timeout', () => new QuandaError('timeout', 'slow')),
  // No such question (yet): trying again cannot help, so there is no Retry.
  failedState('failed: not found', http(404), false),
  failedState('failed: rate limited', http(429)),
  failedState('failed: server error', http(503)),
  failedState('failed: other HTTP error', http(400)),
  failedState('failed: a site client threw', () => new TypeError('boom')),
  defineState({
    name: 'failed: invalid response',
    render: (lang) =>
      mountThread(lang, {client: [ok({...markedThread(), answers: 'none'} as unknown as Thread)]}),
    reached: (el) => !!deep(el, '[part~="error"]') && !question(el),
  }),
  loadedState(
    'no answers yet',
    () => markedThread({answers: []}),
    (el) => !!deep(el, '[part~="empty"]') && answers(el) === 0,
  ),
  loadedState(
    'one answer, anonymous asker, no category, tags or edit',
    () => ({
      ...markedThread({answers: [markedAnswer()]}),
      question: markedQuestion({
        answerCount: 1,
        category: null,
        tags: [],
        lastEdit: null,
        author: person(null, null),
        score: 0,
      }),
    }),
    (el) => answers(el) === 1 && !deep(el, 'quanda-question', '[part~="edited"]'),
  ),
  loadedState(
    'question edited anonymously',
    () => ({
      ...markedThread(),
      question: markedQuestion({lastEdit: {at: hoursAgo(2), by: person(null, null)}}),
    }),
    shows('quanda-question', '[part~="edited"]'),
  ),
  loadedState(
    'answers: best, anonymous, edited, every plural',
    markedThread,
    (el) => answers(el) === 4 && !!deep(el, 'quanda-answer', '[part~="badge"]'),
  ),
  loadedState(
    'more answers to show',
    () => markedThread({nextCursor: 'c1'}),
    (el) => moreButton(el)?.getAttribute('aria-disabled') !== 'true',
  ),
  pagedState('loading more answers', never(), shows('[part~="more-button"][aria-disabled="true"]')),
  pagedState(
    'more answers shown',
    ok(markedThread({answers: [markedAnswer()]})),
    (el) => answers(el) === 5 && !moreButton(el),
  ),
  pagedState(
    'more answers failed',
    fail(new QuandaError('network', 'offline')),
    (el) => question(el) && !!deep(el, '[part~="error"]') && !!moreButton(el),
  ),
  defineState({
    name: 'reloading after a new sort',
    async render(lang) {
      const el = await mountThread(lang, {client: [ok(markedThread()), never()]});
      const select = (await until(el, '[part~="sort"]')) as HTMLSelectElement;
      select.value = 'newest';
      select.dispatchEvent(new Event('change'));
      return el;
    },
    reached: (el) =>
      loadingStatus(el) &&
      (deep(el, '[part~="sort"]') as HTMLSelectElement | null)?.value === 'newest',
  }),
];

/** A site's client that reads but cannot write: what would be writes is not offered. */
export const readOnlyClientState: ThreadState = loadedState(
  'a site’s read-only client: comments, own posts, the asker — and no writes',
  () => ({...withComments(true), viewer: {isAsker: true, canAnswer: yes}}),
  (el) =>
    !!deep(el, 'quanda-question', 'quanda-comments') &&
    !deep(el, 'quanda-answer-form') &&
    !deep(el, 'quanda-question', '[part~="edit-button"]'),
);
