import {oneEvent} from '@open-wc/testing';
import type {QuandaErrorEvent} from '../../src/events/error-event.js';

/** The next `quanda-error` that reaches `target`, typed. */
export function nextError(target: EventTarget): Promise<QuandaErrorEvent> {
  return oneEvent(target, 'quanda-error') as unknown as Promise<QuandaErrorEvent>;
}
