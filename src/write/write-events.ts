import type {NewAnswer} from '../api/requests.js';
import type {Answer} from '../api/schemas.js';
import {QuandaEvent, QuandaIntentEvent} from '../events/quanda-event.js';

/* The events of writing an answer and of every writing form: they load with the forms. */

/** The reader sent an answer that passed the form's checks. */
export class QuandaAnswerSubmitEvent extends QuandaIntentEvent<{answer: NewAnswer}> {
  static readonly eventName = 'quanda-answer-submit';
  constructor(detail: QuandaAnswerSubmitEvent['detail']) {
    super(QuandaAnswerSubmitEvent.eventName, detail);
  }
}

/** An answer was posted. */
export class QuandaAnswerSubmittedEvent extends QuandaEvent<{answer: Answer}> {
  static readonly eventName = 'quanda-answer-submitted';
  constructor(detail: QuandaAnswerSubmittedEvent['detail']) {
    super(QuandaAnswerSubmittedEvent.eventName, detail);
  }
}

/**
 * A writing form (answer, comment, edit) or the flag dialog is done: what it sent was
 * saved or queued, and the form emptied. Also fired, through Quanda 0.2, as the unprefixed
 * `done` (deprecated: it does not bubble).
 */
export class QuandaFormDoneEvent extends Event {
  static readonly eventName = 'quanda-form-done';
  constructor() {
    super(QuandaFormDoneEvent.eventName, {bubbles: true, composed: true});
  }
}

/**
 * The reader pressed a form's Cancel. Also fired, through Quanda 0.2, as the unprefixed
 * `cancel` (deprecated: `cancel` is a native event's name; it does not bubble).
 */
export class QuandaFormCancelEvent extends Event {
  static readonly eventName = 'quanda-form-cancel';
  constructor() {
    super(QuandaFormCancelEvent.eventName, {bubbles: true, composed: true});
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
