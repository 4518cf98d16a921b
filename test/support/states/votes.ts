/** Votes, and the asker's best answer. */
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {deep} from '../dom.js';
import {
  markedAnswer,
  markedQuestion,
  network,
  no,
  pending,
  rateLimited,
  reader,
  withMine,
  writableThread,
  yes,
} from './data.js';
import {press, shows} from './state.js';
import type {ThreadState} from './state.js';
import {announced, answerEl, writing} from './writing.js';

const vote = (post: string, button: 'up' | 'down') =>
  [post, 'quanda-vote', `[part~="${button}-button"]`] as const;
const pressed = (el: QuandaThread, post: string, button: 'up' | 'down') =>
  deep(el, ...vote(post, button))?.getAttribute('aria-pressed') === 'true';
/** The reason a vote is refused, shown beside the buttons. */
const reasonShown = (post: string) =>
  shows(post, 'quanda-vote', '[part~="note"]:not(.visually-hidden)');
const acceptButton = (el: QuandaThread, post: string) =>
  deep(el, answerEl(post), '[part~="accept-button"]');
/** Someone else's answer the asker may select as best. */
const asker = {...reader, accept: yes};
/** The asker, with one answer and none selected yet. */
const askerWithOneAnswer = () =>
  writableThread({
    answers: [markedAnswer({id: 'a1', viewerCan: asker})],
    viewer: {isAsker: true, canAnswer: yes},
  });

export const voteStates: ThreadState[] = [
  writing({
    name: 'write: votes pressed up and down',
    data: () =>
      writableThread({
        question: markedQuestion({viewerVote: 1, viewerCan: reader, answerCount: 2}),
        answers: [
          markedAnswer({id: 'a1', viewerVote: 1, score: 3, viewerCan: reader}),
          markedAnswer({id: 'a2', viewerVote: -1, score: -1, viewerCan: reader}),
        ],
      }),
    reached: (el) =>
      pressed(el, 'quanda-question', 'up') &&
      pressed(el, answerEl('a1'), 'up') &&
      pressed(el, answerEl('a2'), 'down'),
  }),
  writing({
    name: 'write: a vote being saved',
    data: writableThread,
    handlers: {vote: pending},
    act: (el) => press(el, ...vote(answerEl('a2'), 'up')),
    reached: shows(`${answerEl('a2')}[vote-pending]`),
  }),
  writing({
    name: 'write: a vote refused, own post (reason shown)',
    data: withMine,
    act: (el) => press(el, ...vote(answerEl('mine'), 'up')),
    reached: reasonShown(answerEl('mine')),
  }),
  writing({
    name: 'write: a vote refused, rate limited (reason shown)',
    data: () =>
      writableThread({
        answers: [markedAnswer({id: 'a1', viewerCan: {...reader, vote: no('rate-limited')}})],
      }),
    act: (el) => press(el, ...vote(answerEl('a1'), 'down')),
    reached: reasonShown(answerEl('a1')),
  }),
  writing({
    name: 'write: a vote saved (announced)',
    data: writableThread,
    handlers: {vote: () => Promise.resolve({score: 2, viewerVote: 1})},
    act: (el) => press(el, ...vote(answerEl('a2'), 'up')),
    reached: (el) => pressed(el, answerEl('a2'), 'up') && announced(el),
  }),
  writing({
    name: 'write: a vote waits, the server unreachable (announced)',
    data: writableThread,
    handlers: {vote: () => Promise.reject(network())},
    act: (el) => press(el, ...vote(answerEl('a2'), 'down')),
    reached: announced,
  }),
  writing({
    name: 'write: a vote failed, rate limited by the server (announced)',
    data: writableThread,
    handlers: {vote: () => Promise.reject(rateLimited())},
    act: (el) => press(el, ...vote('quanda-question', 'up')),
    reached: (el) => !pressed(el, 'quanda-question', 'up') && announced(el),
  }),
  writing({
    name: 'write: the asker, with "Select as best answer" (one selected)',
    data: () =>
      writableThread({
        answers: [
          markedAnswer({id: 'a1', isAccepted: true, viewerCan: asker}),
          markedAnswer({id: 'a2', viewerCan: asker}),
        ],
        viewer: {isAsker: true, canAnswer: yes},
      }),
    reached: (el) => !!acceptButton(el, 'a1') && !!acceptButton(el, 'a2'),
  }),
  writing({
    name: 'write: the asker selected a best answer (announced)',
    data: askerWithOneAnswer,
    handlers: {setAcceptedAnswer: () => Promise.resolve({acceptedAnswerId: 'a1'})},
    act: (el) => press(el, answerEl('a1'), '[part~="accept-button"]'),
    reached: (el) => shows(answerEl('a1'), '[part~="badge"]')(el) && announced(el),
  }),
  writing({
    name: 'write: the asker could not change the best answer (announced)',
    data: askerWithOneAnswer,
    handlers: {setAcceptedAnswer: () => Promise.reject(network())},
    act: (el) => press(el, answerEl('a1'), '[part~="accept-button"]'),
    reached: (el) => !shows(answerEl('a1'), '[part~="badge"]')(el) && announced(el),
  }),
];
