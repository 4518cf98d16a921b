/**
 * Every state the thread and the elements inside it can show, by area, each rendered from
 * a scripted client with test data whose user content is marked ⸨…⸩ (see data.ts), and
 * each with a `reached` check of what its name says (see state.ts). The pseudo-locale
 * test, the accessibility tests, the target-size test and the manifest test go through
 * this list: add a state to its area's file when an element gains one. Another element's
 * states (a board of questions, say) go in a file of their own, built the same way with
 * `defineState` and a mount helper beside `mountThread`, exported here as a list of its own.
 */
import {answerFormStates} from './answer-form.js';
import {commentStates} from './comments.js';
import {deviceStates} from './device.js';
import {flagStates} from './flags.js';
import {ownPostStates} from './own-posts.js';
import {readOnlyClientState, readingStates} from './reading.js';
import type {ThreadState} from './state.js';
import {voteStates} from './votes.js';

export const threadStates: ThreadState[] = [
  ...readingStates,
  readOnlyClientState,
  ...deviceStates,
  ...answerFormStates,
  ...voteStates,
  ...ownPostStates,
  ...flagStates,
  ...commentStates,
];

export {answerForm} from './answer-form.js';
export {
  markedAnswer,
  markedAnswers,
  markedComment,
  markedQuestion,
  markedThread,
  writableThread,
} from './data.js';
export {LIVE_REGION, announcement, stateNamed} from './state.js';
export type {ThreadState, UiState} from './state.js';
export {composedElements, composedText, deep} from '../dom.js';
