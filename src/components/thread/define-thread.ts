import {defineElement} from '../../define-element.js';
import {QuandaAnswer} from '../answer/answer.js';
import {QuandaComments} from '../comments/comments.js';
import {QuandaQuestion} from '../question/question.js';
import {QuandaVote} from '../vote/vote.js';
import {QuandaThread} from './thread.js';

/** Registers a thread's elements: `<quanda-thread>` and what it draws. */
export function define() {
  defineElement('quanda-vote', QuandaVote);
  defineElement('quanda-comments', QuandaComments);
  defineElement('quanda-question', QuandaQuestion);
  defineElement('quanda-answer', QuandaAnswer);
  defineElement('quanda-thread', QuandaThread);
}
