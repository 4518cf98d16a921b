/**
 * Every public Quanda event class, listed once: the npm entry exports them from here, and
 * the event map (event-map.ts) names them from here. Each class lives beside the code that
 * fires it (quanda-event.ts for the first load's; src/actions, src/write and src/board for theirs).
 */
export {
  QuandaAcceptEvent,
  QuandaCommentsRequestEvent,
  QuandaIntentEvent,
  QuandaVoteEvent,
} from './quanda-event.js';
export {
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
export {
  QuandaAnswerSubmitEvent,
  QuandaAnswerSubmittedEvent,
  QuandaFormCancelEvent,
  QuandaFormDoneEvent,
} from '../write/write-events.js';
export {QuandaAskSubmitEvent, QuandaAskedEvent} from '../board/board-events.js';
