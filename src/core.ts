/**
 * What the drop-in file exports beside its elements: the client, the errors and events.
 * The elements load when their tag is on the page (elements.ts).
 */
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
