/** The answer form: composing, previewing, the errors it shows, sending and posting. */
import {QuandaError} from '../../../src/api/api-error.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {loadElement} from '../../../src/lazy.js';
import {deep} from '../dom.js';
import {user} from '../pseudo-locale.js';
import {ScriptedWriteClient, ok} from '../scripted-client.js';
import {
  markedThread,
  network,
  pending,
  postedAnswer,
  rateLimited,
  refused,
  writableThread,
} from './data.js';
import {defineState, mountThread, press, shows, until} from './state.js';
import type {ThreadState} from './state.js';
import {FORM, announced, answerEl, fillAndSend, writing} from './writing.js';

/** The answer form's shadow root, once the thread shows the form (a client that writes). */
export function answerForm(thread: QuandaThread): ShadowRoot | null | undefined {
  return deep(thread, 'quanda-answer-form')?.shadowRoot;
}

/** The thread with its answer form loaded; `then` takes the form on from there. */
const composing = (
  name: string,
  reached: (el: QuandaThread) => boolean,
  then: (el: QuandaThread) => Promise<unknown> = () => Promise.resolve(),
) =>
  defineState({
    name,
    reached,
    async render(lang) {
      const client = new ScriptedWriteClient().always(ok(markedThread()));
      const el = await mountThread(lang, {client});
      await loadElement('quanda-answer-form');
      await until(el, ...FORM, '[part~="toolbar"]');
      await then(el);
      return el;
    },
  });

const formShows =
  (...selectors: string[]) =>
  (el: QuandaThread) =>
    !!deep(el, ...FORM, ...selectors);

/** The text a reader writes, long enough to be an answer. */
const ANSWER = 'What helped me was writing it down first.';
const send =
  (body = ANSWER) =>
  (el: QuandaThread) =>
    fillAndSend(deep(el, ...FORM)!, {body});

export const answerFormStates: ThreadState[] = [
  composing(
    'answer form with its Markdown toolbar',
    (el) => formShows('[part~="toolbar"]')(el) && !formShows('[part~="preview"]')(el),
  ),
  composing('answer form showing its preview', formShows('[part~="preview"] ul'), async (el) => {
    const textarea = (await until(el, ...FORM, 'textarea')) as HTMLTextAreaElement;
    textarea.value = `${user('Sleep helps.')}\n\n- **${user('Rest')}**\n- [${user('a link')}](https://example.org)`;
    await press(el, ...FORM, '[part~="preview-button"]');
  }),
  writing({
    name: 'write: a reader who can vote, flag, comment and answer (empty form)',
    data: writableThread,
    reached: (el) =>
      !(deep(el, ...FORM, 'textarea') as HTMLTextAreaElement | null)?.value &&
      shows(answerEl('a2'), '[part~="flag-button"]')(el) &&
      shows(answerEl('a2'), 'quanda-vote', '[part~="up-button"]')(el) &&
      shows('quanda-question', 'quanda-comments', '[part~="add-comment-button"]')(el),
  }),
  writing({
    name: 'write: the answer form, notify ticked (email field shown)',
    data: writableThread,
    act: (el) => press(el, ...FORM, '#notify'),
    reached: formShows('#email:not([hidden] *)'),
  }),
  writing({
    name: 'write: the answer form, errors in the text, the name and the email',
    data: writableThread,
    act: (el) =>
      fillAndSend(deep(el, ...FORM)!, {
        body: 'Too short',
        name: 'N'.repeat(41),
        notify: true,
        email: 'no',
      }),
    reached: (el) =>
      formShows('#body-error')(el) &&
      formShows('#displayName-error')(el) &&
      formShows('#email-error')(el),
  }),
  writing({
    name: 'write: the answer form, sending',
    data: writableThread,
    handlers: {postAnswer: pending},
    act: send(),
    reached: formShows('form[aria-busy="true"]'),
  }),
  writing({
    name: 'write: the answer form, the server unreachable: waiting to post (announced)',
    data: writableThread,
    handlers: {postAnswer: () => Promise.reject(network())},
    act: send(user(ANSWER)),
    reached: (el) =>
      shows('quanda-answer[data-id^="queued-"]', '[part~="status-note"]')(el) && announced(el),
  }),
  writing({
    name: 'write: the answer form, refused',
    data: writableThread,
    handlers: {postAnswer: () => Promise.reject(refused())},
    act: send(),
    reached: formShows('[part~="form-error"]'),
  }),
  writing({
    name: 'write: the answer form, failed: rate limited',
    data: writableThread,
    handlers: {postAnswer: () => Promise.reject(rateLimited())},
    act: send(),
    reached: formShows('[part~="form-error"]'),
  }),
  writing({
    name: 'write: the answer form, a duplicate',
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
    act: send(),
    reached: formShows('#body-error'),
  }),
  writing({
    name: 'write: the answer form, an answer posted (announced)',
    data: writableThread,
    handlers: {postAnswer: () => Promise.resolve(postedAnswer('published'))},
    act: send('What helped me was writing it down.'),
    reached: (el) =>
      shows(answerEl('posted'))(el) &&
      !shows(answerEl('posted'), '[part~="status-note"]')(el) &&
      announced(el),
  }),
  writing({
    name: 'write: the answer form, an answer awaiting moderation (announced)',
    data: writableThread,
    handlers: {postAnswer: () => Promise.resolve(postedAnswer('pending'))},
    act: send('What helped me was writing it down.'),
    reached: (el) => shows(answerEl('posted'), '[part~="status-note"]')(el) && announced(el),
  }),
];
