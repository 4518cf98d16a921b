import {oneEvent} from '@open-wc/testing';
import type {QuandaErrorEvent} from '../../src/events/error-event.js';

/** The next `quanda-error` that reaches `target`, typed. */
export function nextError(target: EventTarget): Promise<QuandaErrorEvent> {
  return oneEvent(target, 'quanda-error') as unknown as Promise<QuandaErrorEvent>;
}

/**
 * Collects every uncaught error and unhandled rejection on the page between `start()` and
 * `stop()`: what a reader's console would show. `errors` is the list so far.
 */
export function uncaughtErrors() {
  const errors: unknown[] = [];
  const collect = (event: ErrorEvent | PromiseRejectionEvent) =>
    errors.push('reason' in event ? event.reason : event.error);
  return {
    errors,
    start() {
      addEventListener('error', collect);
      addEventListener('unhandledrejection', collect);
    },
    stop() {
      removeEventListener('error', collect);
      removeEventListener('unhandledrejection', collect);
    },
  };
}
