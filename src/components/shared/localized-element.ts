import {LitElement} from 'lit';
import {consume} from '@lit/context';
import {state} from 'lit/decorators.js';
import {localizerContext} from '../../context/contexts.js';
import {english} from '../../i18n/localizer.js';
import type {Localizer, MessageKey} from '../../i18n/localizer.js';

/**
 * Base of every Quanda element: speaks the language of the nearest `<quanda-thread>`
 * (through context), or English when used on its own.
 */
export class LocalizedElement extends LitElement {
  @consume({context: localizerContext, subscribe: true})
  @state()
  protected i18n: Localizer = english;
}

/** Sets or clears a custom state, exposed to page CSS as `:state(name)`. */
export function toggleState(internals: ElementInternals, name: string, on: boolean) {
  if (on) internals.states.add(name);
  else internals.states.delete(name);
}

const REASONS = new Set(['own-post', 'hidden', 'pending', 'rate-limited', 'not-asker']);

/** Why something is not allowed, in the reader's words; unknown reasons read generically. */
export function reasonText(i18n: Localizer, reason: string | undefined): string {
  const key = (REASONS.has(reason ?? '') ? `reason.${reason}` : 'reason.other') as MessageKey;
  return i18n.t(key);
}
