import type {QuandaError} from '../api/api-error.js';

/** A request failed. `error.kind` says how; the widget has already told the reader. */
export class QuandaErrorEvent extends Event {
  static readonly eventName = 'quanda-error';
  readonly error: QuandaError;
  /** What the widget was doing: `load`, `load-more`, … */
  readonly operation: string;

  constructor(error: QuandaError, operation: string) {
    super(QuandaErrorEvent.eventName, {bubbles: true, composed: true});
    this.error = error;
    this.operation = operation;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quanda-error': QuandaErrorEvent;
  }
}
