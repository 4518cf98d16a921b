import type {NewAnswer} from '../api/requests.js';
import type {Answer} from '../api/schemas.js';
import {QuandaEvent, QuandaIntentEvent} from '../events/quanda-event.js';

/* The events of writing an answer and of every writing form: they load with the forms. */

/** The reader sent an answer that passed the form's checks. */
export class QuandaAnswerSubmitEvent extends QuandaIntentEvent<{answer: NewAnswer}> {
  constructor(detail: QuandaAnswerSubmitEvent['detail']) {
    super('quanda-answer-submit', detail);
  }
}

/** An answer was posted. */
export class QuandaAnswerSubmittedEvent extends QuandaEvent<{answer: Answer}> {
  constructor(detail: QuandaAnswerSubmittedEvent['detail']) {
    super('quanda-answer-submitted', detail);
  }
}

/**
 * A writing form (answer, comment, edit) or the flag dialog is done: what it sent was
 * saved or queued, and the form emptied. Also fired, through Quanda 0.2, as the unprefixed
 * `done` (deprecated: it does not bubble).
 */
export class QuandaFormDoneEvent extends Event {
  constructor() {
    super('quanda-form-done', {bubbles: true, composed: true});
  }
}

/**
 * The reader pressed a form's Cancel. Also fired, through Quanda 0.2, as the unprefixed
 * `cancel` (deprecated: `cancel` is a native event's name; it does not bubble).
 */
export class QuandaFormCancelEvent extends Event {
  constructor() {
    super('quanda-form-cancel', {bubbles: true, composed: true});
  }
}

/**
 * Fires a form event, then its deprecated unprefixed name of Quanda 0.1 (`done`, `cancel`),
 * which does not bubble, as then. The old names go in Quanda 0.3 (docs/reference.md).
 */
export function fireFormEvent(
  target: EventTarget,
  event: QuandaFormDoneEvent | QuandaFormCancelEvent,
  deprecatedName: 'done' | 'cancel',
) {
  target.dispatchEvent(event);
  target.dispatchEvent(new Event(deprecatedName));
}
