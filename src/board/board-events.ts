import type {Question} from '../api/schemas.js';
import {QuandaEvent, QuandaIntentEvent} from '../events/quanda-event.js';

/* The events of asking on a board: they load with the board. */

/**
 * A question as the ask form sends it: its title, details and the name to show, and
 * whether (and where) to mail its asker about answers.
 */
export interface AskedFields {
  title: string;
  body: string;
  displayName?: string;
  notify?: boolean;
  email?: string;
}

/** The reader sent a question that passed the ask form's checks. */
export class QuandaAskSubmitEvent extends QuandaIntentEvent<{question: AskedFields}> {
  constructor(detail: QuandaAskSubmitEvent['detail']) {
    super('quanda-ask-submit', detail);
  }
}

/** A question was posted on the board. */
export class QuandaAskedEvent extends QuandaEvent<{question: Question}> {
  constructor(detail: QuandaAskedEvent['detail']) {
    super('quanda-asked', detail);
  }
}
