/**
 * Everything in Quanda's first load: the elements a thread paints with, the client, the
 * errors and events. The writing forms and the flag dialog load on first use.
 */
export {QuandaAnswer} from './components/answer/answer.js';
export {QuandaComments} from './components/comments/comments.js';
export {QuandaQuestion} from './components/question/question.js';
export {QuandaThread} from './components/thread/thread.js';
export {QuandaVote} from './components/vote/vote.js';
export {RestClient} from './api/client.js';
export type {
  GetCommentsOptions,
  GetThreadOptions,
  QuandaClient,
  RequestOptions,
  RestClientOptions,
  WriteOptions,
} from './api/client.js';
export {QuandaError, isQuandaError} from './api/api-error.js';
export type {QuandaErrorKind, ResponseIssue} from './api/api-error.js';
export {QuandaErrorEvent} from './events/error-event.js';
export {QuandaEvent} from './events/quanda-event.js';
export type {QuandaEventMap} from './events/event-map.js';
export {IndexedDbViewerTokens} from './storage/viewer-tokens.js';
export type {ViewerTokenStore} from './api/viewer-tokens.js';
export type * from './api/schemas.js';
