/**
 * The npm entry: classes and types, no side effects (beyond turning off zod's code
 * generation, which strict Content Security Policies forbid). Import `quanda/define` to
 * register the elements under their `quanda-*` tags.
 */
import './api/jitless.js';

export * from './core.js';
export {QuandaAnswer} from './components/answer/answer.js';
export {QuandaBoard} from './components/board/board.js';
export {QuandaComments} from './components/comments/comments.js';
export {QuandaQuestion} from './components/question/question.js';
export {QuandaThread} from './components/thread/thread.js';
export {QuandaVote} from './components/vote/vote.js';
export {QuandaAnswerForm} from './components/answer-form/answer-form.js';
export {QuandaAskForm} from './components/ask-form/ask-form.js';
export {QuandaCommentForm} from './components/comment-form/comment-form.js';
export {QuandaEditForm} from './components/edit-form/edit-form.js';
export {QuandaFlagDialog} from './components/flag-dialog/flag-dialog.js';
// Each event's own class (the drop-in file exports their base, `QuandaEvent`).
export * from './events/event-classes.js';
