/**
 * The npm entry: classes and types, no side effects. Import `quanda/define` to register
 * the elements under their `quanda-*` tags.
 */
import './api/jitless.js';

export {QuandaAnswer} from './components/answer/answer.js';
export {QuandaQuestion} from './components/question/question.js';
export {QuandaThread} from './components/thread/thread.js';
export {QuandaVote} from './components/vote/vote.js';
export {RestClient} from './api/client.js';
export type {
  GetThreadOptions,
  QuandaClient,
  RequestOptions,
  RestClientOptions,
} from './api/client.js';
export {QuandaError, isQuandaError} from './api/api-error.js';
export type {QuandaErrorKind, ResponseIssue} from './api/api-error.js';
export {QuandaErrorEvent} from './events/error-event.js';
export type * from './api/schemas.js';
