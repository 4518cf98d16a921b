/** Comments: the earlier ones, the comment form, own comments, flagging one. */
import {waitUntil} from '@open-wc/testing';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {deep} from '../dom.js';
import {user} from '../pseudo-locale.js';
import {markedComment, me, network, pending, refused, withComments} from './data.js';
import {own} from '../builders.js';
import {PATIENT, press, shows} from './state.js';
import type {ThreadState} from './state.js';
import {
  QUESTION_COMMENTS,
  announced,
  fillAndSend,
  openCommentForm,
  previewOf,
  writing,
} from './writing.js';

const comments = (...selectors: string[]) => shows(...QUESTION_COMMENTS, ...selectors);
const commentForm = (...selectors: string[]) => comments('quanda-comment-form', ...selectors);
const earlier = (el: QuandaThread) => press(el, ...QUESTION_COMMENTS, '[part~="earlier-button"]');
const shownComments = (el: QuandaThread) =>
  deep(el, ...QUESTION_COMMENTS)?.shadowRoot?.querySelectorAll('[part~="comment"]').length;
const THANKS = 'Thank you for asking this.';
const sendComment = (values: Record<string, string | boolean>) => async (el: QuandaThread) =>
  fillAndSend(await openCommentForm(el), values);

export const commentStates: ThreadState[] = [
  writing({
    name: 'write: comments, with "Show N earlier comments"',
    data: () => withComments(),
    reached: (el) => comments('[part~="earlier-button"]')(el) && shownComments(el) === 3,
  }),
  writing({
    name: 'write: comments, the earlier ones loading',
    data: () => withComments(),
    handlers: {getComments: pending},
    act: earlier,
    reached: comments('[role="status"]'),
  }),
  writing({
    name: 'write: comments, the earlier ones failed to load',
    data: () => withComments(),
    handlers: {getComments: () => Promise.reject(network())},
    act: earlier,
    reached: comments('[role="alert"]'),
  }),
  writing({
    name: 'write: comments, all shown',
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
    act: earlier,
    reached: (el) => !comments('[part~="earlier-button"]')(el) && shownComments(el) === 5,
  }),
  writing({
    name: 'write: comments, the comment form open',
    data: () => withComments(),
    act: openCommentForm,
    reached: (el) => commentForm('textarea')(el) && !commentForm('[part~="preview"]')(el),
  }),
  writing({
    name: 'write: comments, previewing a comment',
    data: () => withComments(),
    act: async (el) =>
      previewOf(await openCommentForm(el), `*${user('Thank you')}* ${user('for this.')}`),
    reached: commentForm('[part~="preview"] em'),
  }),
  writing({
    name: 'write: comments, a comment too short, notify ticked without an email',
    data: () => withComments(),
    act: sendComment({body: 'x', notify: true}),
    reached: (el) => commentForm('#body-error')(el) && commentForm('#email-error')(el),
  }),
  writing({
    name: 'write: comments, a comment being sent',
    data: () => withComments(),
    handlers: {postComment: pending},
    act: sendComment({body: THANKS}),
    reached: commentForm('form[aria-busy="true"]'),
  }),
  writing({
    name: 'write: comments, a comment that could not be sent',
    data: () => withComments(),
    // Refused for good (an outage would queue it in the outbox instead).
    handlers: {postComment: () => Promise.reject(refused())},
    act: sendComment({body: THANKS}),
    reached: commentForm('[part~="form-error"]'),
  }),
  writing({
    name: 'write: comments, a comment posted (announced)',
    data: () => withComments(),
    handlers: {
      postComment: () =>
        Promise.resolve(markedComment({id: 'new', author: me(null), viewerCan: own})),
    },
    act: sendComment({body: THANKS}),
    reached: (el) => comments('[data-id="new"]')(el) && announced(el),
  }),
  writing({
    name: 'write: comments, own comment with Edit and Remove',
    data: () => withComments(true),
    reached: (el) => comments('[data-edit="c3"]')(el) && comments('[data-remove="c3"]')(el),
  }),
  writing({
    name: 'write: comments, editing own comment',
    data: () => withComments(true),
    act: (el) => press(el, ...QUESTION_COMMENTS, '[data-edit="c3"]'),
    reached: comments('quanda-edit-form', 'textarea'),
  }),
  writing({
    name: 'write: comments, removing own comment (confirmation)',
    data: () => withComments(true),
    act: (el) => press(el, ...QUESTION_COMMENTS, '[data-remove="c3"]'),
    reached: comments('[part~="confirm-remove-button"]'),
  }),
  writing({
    name: 'write: comments, removing own comment failed',
    data: () => withComments(true),
    handlers: {removePost: () => Promise.reject(network())},
    act: async (el) => {
      await press(el, ...QUESTION_COMMENTS, '[data-remove="c3"]');
      await press(el, ...QUESTION_COMMENTS, '[part~="confirm-remove-button"]');
    },
    reached: comments('[part~="action-error"]'),
  }),
  writing({
    name: 'write: comments, flagging a comment',
    data: () => withComments(),
    act: async (el) => {
      await press(el, ...QUESTION_COMMENTS, '[data-flag="c1"]');
      await waitUntil(() => comments('quanda-flag-dialog')(el), 'no dialog', PATIENT);
    },
    reached: (el) =>
      !!(deep(el, ...QUESTION_COMMENTS, 'quanda-flag-dialog', 'dialog') as HTMLDialogElement | null)
        ?.open,
  }),
];
