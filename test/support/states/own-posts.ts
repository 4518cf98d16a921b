/** The reader's own posts: editing, removing, and what moderation did to them. */
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {NOW, own} from '../builders.js';
import {deep} from '../dom.js';
import {user} from '../pseudo-locale.js';
import {
  markedAnswer,
  markedComment,
  me,
  network,
  no,
  ownQuestion,
  pending,
  text,
  withMine,
  writableThread,
} from './data.js';
import {press, shows, until} from './state.js';
import type {ThreadState} from './state.js';
import {announced, answerEl, fillAndSend, openEdit, previewOf, writing} from './writing.js';

const MINE = answerEl('mine');
const editForm = (...selectors: string[]) => shows(MINE, 'quanda-edit-form', ...selectors);
const BETTER = 'A better version of my own answer.';
const sendEdit = (body: string) => async (el: QuandaThread) =>
  fillAndSend(await openEdit(el, MINE), {body});
const askRemoval = (el: QuandaThread) => press(el, MINE, '[part~="remove-button"]');
const remove = async (el: QuandaThread) => {
  await askRemoval(el);
  await press(el, MINE, '[part~="confirm-remove-button"]');
};

export const ownPostStates: ThreadState[] = [
  writing({
    name: 'write: own answer, with Edit and Remove',
    data: withMine,
    reached: (el) =>
      shows(MINE, '[part~="edit-button"]')(el) && shows(MINE, '[part~="remove-button"]')(el),
  }),
  writing({
    name: 'write: own answer, asking to confirm the removal',
    data: withMine,
    act: askRemoval,
    reached: shows(MINE, '[part~="confirm-remove-button"]'),
  }),
  writing({
    name: 'write: own answer removed (announced)',
    data: withMine,
    handlers: {removePost: (id: string) => Promise.resolve({id, removed: true})},
    act: remove,
    reached: (el) => !deep(el, MINE) && announced(el),
  }),
  writing({
    name: 'write: own answer, the removal failed',
    data: withMine,
    handlers: {removePost: () => Promise.reject(network())},
    act: remove,
    reached: shows(MINE, '[part~="action-error"]'),
  }),
  writing({
    name: 'write: own answer, the edit form open',
    data: withMine,
    act: (el) => openEdit(el, MINE),
    reached: (el) => editForm('textarea')(el) && !editForm('[part~="preview"]')(el),
  }),
  writing({
    name: 'write: own answer, previewing the edit',
    data: withMine,
    act: async (el) =>
      previewOf(await openEdit(el, MINE), `**${user('Better,')}** ${user('and clearer.')}`),
    reached: editForm('[part~="preview"] strong'),
  }),
  writing({
    name: 'write: own answer, an edit too short',
    data: withMine,
    act: sendEdit('short'),
    reached: editForm('[part~="field-error"]'),
  }),
  writing({
    name: 'write: own answer, an edit being saved',
    data: withMine,
    handlers: {editPost: pending},
    act: sendEdit(BETTER),
    reached: editForm('form[aria-busy="true"]'),
  }),
  writing({
    name: 'write: own answer, an edit that could not be saved',
    data: withMine,
    handlers: {editPost: () => Promise.reject(network())},
    act: sendEdit(BETTER),
    reached: editForm('[part~="form-error"]'),
  }),
  writing({
    name: 'write: own answer, an edit saved (announced)',
    data: withMine,
    handlers: {
      editPost: () =>
        Promise.resolve(
          markedAnswer({
            id: 'mine',
            author: me('Kim'),
            viewerCan: own,
            body: text(user(BETTER)),
            lastEdit: {at: NOW, by: me('Kim')},
          }),
        ),
    },
    act: sendEdit(BETTER),
    reached: (el) => !editForm()(el) && shows(MINE, '[part~="edited"]')(el) && announced(el),
  }),
  writing({
    name: 'write: own question, with Edit and Remove',
    data: ownQuestion,
    reached: (el) =>
      shows('quanda-question', '[part~="edit-button"]')(el) &&
      shows('quanda-question', '[part~="remove-button"]')(el),
  }),
  writing({
    name: 'write: own question, asking to confirm the removal',
    data: ownQuestion,
    act: async (el) => {
      await press(el, 'quanda-question', '[part~="remove-button"]');
      await until(el, 'quanda-question', '[part~="keep-button"]');
    },
    reached: shows('quanda-question', '[part~="keep-button"]'),
  }),
  writing({
    name: 'write: own posts awaiting moderation and hidden after reports',
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
    reached: (el) =>
      shows(MINE, '[part~="status-note"]')(el) &&
      shows(answerEl('hidden'), '[part~="status-note"]')(el),
  }),
];
