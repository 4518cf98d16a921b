import type {
  QuandaAcceptEvent,
  QuandaCommentsRequestEvent,
  QuandaVoteEvent,
} from './quanda-event.js';
import type {
  QuandaAcceptedEvent,
  QuandaCommentSubmitEvent,
  QuandaCommentedEvent,
  QuandaEditEvent,
  QuandaEditedEvent,
  QuandaFlagEvent,
  QuandaFlaggedEvent,
  QuandaRemoveEvent,
  QuandaRemovedEvent,
  QuandaVotedEvent,
} from '../actions/action-events.js';
import type {
  QuandaAnswerSubmitEvent,
  QuandaAnswerSubmittedEvent,
  QuandaFormCancelEvent,
  QuandaFormDoneEvent,
} from '../write/write-events.js';
import type {QuandaAskSubmitEvent, QuandaAskedEvent} from '../board/board-events.js';

/** Every Quanda event by name (beside `quanda-error`, in error-event.ts). */
export interface QuandaEventMap {
  'quanda-vote': QuandaVoteEvent;
  'quanda-voted': QuandaVotedEvent;
  'quanda-answer-submit': QuandaAnswerSubmitEvent;
  'quanda-answer-submitted': QuandaAnswerSubmittedEvent;
  'quanda-accept': QuandaAcceptEvent;
  'quanda-accepted': QuandaAcceptedEvent;
  'quanda-comments-request': QuandaCommentsRequestEvent;
  'quanda-comment-submit': QuandaCommentSubmitEvent;
  'quanda-commented': QuandaCommentedEvent;
  'quanda-flag': QuandaFlagEvent;
  'quanda-flagged': QuandaFlaggedEvent;
  'quanda-edit': QuandaEditEvent;
  'quanda-edited': QuandaEditedEvent;
  'quanda-remove': QuandaRemoveEvent;
  'quanda-removed': QuandaRemovedEvent;
  'quanda-form-done': QuandaFormDoneEvent;
  'quanda-form-cancel': QuandaFormCancelEvent;
  'quanda-ask-submit': QuandaAskSubmitEvent;
  'quanda-asked': QuandaAskedEvent;
}

// GlobalEventHandlersEventMap is what HTMLElementEventMap (and the document's and the
// window's maps) extend: a listener anywhere an event can bubble to is typed.
declare global {
  // Declaration merging: the DOM's own map gains Quanda's events (it is not empty after all).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends QuandaEventMap {}
}
