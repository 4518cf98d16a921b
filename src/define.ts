/**
 * Registers every Quanda element. The only module with side effects; safe to load twice
 * (a second copy of Quanda on the page leaves the first one's elements in place).
 */
import './api/jitless.js';
import {QuandaAnswer} from './components/answer/answer.js';
import {QuandaQuestion} from './components/question/question.js';
import {QuandaThread} from './components/thread/thread.js';
import {QuandaVote} from './components/vote/vote.js';

export function defineElement(tag: string, element: CustomElementConstructor) {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element) {
    console.warn(`Quanda: <${tag}> is already defined by another script; keeping that one.`);
  }
}

defineElement('quanda-vote', QuandaVote);
defineElement('quanda-question', QuandaQuestion);
defineElement('quanda-answer', QuandaAnswer);
defineElement('quanda-thread', QuandaThread);
