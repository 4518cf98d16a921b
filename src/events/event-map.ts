import type * as Events from './event-classes.js';

/** Every Quanda event by name (beside `quanda-error`, in error-event.ts). */
export interface QuandaEventMap {
  'quanda-vote': Events.QuandaVoteEvent;
  'quanda-voted': Events.QuandaVotedEvent;
  'quanda-answer-submit': Events.QuandaAnswerSubmitEvent;
  'quanda-answer-submitted': Events.QuandaAnswerSubmittedEvent;
  'quanda-accept': Events.QuandaAcceptEvent;
  'quanda-accepted': Events.QuandaAcceptedEvent;
  'quanda-comments-request': Events.QuandaCommentsRequestEvent;
  'quanda-comment-submit': Events.QuandaCommentSubmitEvent;
  'quanda-commented': Events.QuandaCommentedEvent;
  'quanda-flag': Events.QuandaFlagEvent;
  'quanda-flagged': Events.QuandaFlaggedEvent;
  'quanda-edit': Events.QuandaEditEvent;
  'quanda-edited': Events.QuandaEditedEvent;
  'quanda-remove': Events.QuandaRemoveEvent;
  'quanda-removed': Events.QuandaRemovedEvent;
  'quanda-form-done': Events.QuandaFormDoneEvent;
  'quanda-form-cancel': Events.QuandaFormCancelEvent;
  'quanda-ask-submit': Events.QuandaAskSubmitEvent;
  'quanda-asked': Events.QuandaAskedEvent;
}

// GlobalEventHandlersEventMap is what HTMLElementEventMap (and the document's and the
// window's maps) extend: a listener anywhere an event can bubble to is typed.
declare global {
  // Declaration merging: the DOM's own map gains Quanda's events (it is not empty after all).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends QuandaEventMap {}
}
