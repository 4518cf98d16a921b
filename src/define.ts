/**
 * Registers every Quanda element. The only module with side effects; safe to load twice
 * (a second copy of Quanda on the page leaves the first one's elements in place).
 */
import './api/jitless.js';
import {QuandaAnswer} from './components/answer/answer.js';
import {QuandaComments} from './components/comments/comments.js';
import {QuandaQuestion} from './components/question/question.js';
import {QuandaThread} from './components/thread/thread.js';
import {QuandaVote} from './components/vote/vote.js';
import {defineElement} from './define-element.js';

export {defineElement};
// The elements' types (the tag-name and event maps included) come with this import alone,
// so `import 'quanda/define'` is enough for TypeScript to know `<quanda-thread>`.
export type * from './index.js';

defineElement('quanda-vote', QuandaVote);
defineElement('quanda-comments', QuandaComments);
defineElement('quanda-question', QuandaQuestion);
defineElement('quanda-answer', QuandaAnswer);
defineElement('quanda-thread', QuandaThread);
