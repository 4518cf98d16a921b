import type {PropertyDeclarations} from 'lit';
import {LitElement} from 'lit';
import {ContextConsumer} from '@lit/context';
import {localizerContext} from '../../context/contexts.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {english, englishCatalog} from '../../i18n/localizer.js';
import type {Localizer, MessageKey} from '../../i18n/localizer.js';

/**
 * Base of every Quanda element: speaks the language of the nearest `<quanda-thread>`
 * (through context). Used on its own, outside a thread, it follows `lang` itself like the
 * thread does, so `<quanda-answer lang="de">` is German too, and `<quanda-answer lang="ar">`
 * is right to left.
 */
export class LocalizedElement extends LitElement {
  static override properties: PropertyDeclarations = {
    i18n: {state: true},
  };

  protected i18n: Localizer = english;

  #fromContext = false;
  #ownDir = false;
  #locale?: LocaleController;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: localizerContext,
      subscribe: true,
      callback: (localizer) => {
        this.#fromContext = true;
        this.i18n = localizer;
      },
    });
  }

  /** Used alone, it waits for its language before drawing anything: no flash of English. */
  protected override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
    return super.shouldUpdate(changed) && (this.#fromContext || (this.#locale?.settled ?? false));
  }

  override connectedCallback() {
    // The context request above is answered synchronously while connecting, so by now a
    // thread around us would have spoken; only a lone element watches `lang` itself.
    super.connectedCallback();
    if (!this.#fromContext && !this.#locale) {
      this.#locale = new LocaleController(this, (localizer) => {
        if (this.#fromContext) return;
        this.i18n = localizer;
        // Alone, nothing around it sets its direction: an Arabic answer on an English page
        // reads right to left all the same. A `dir` the page set itself is left alone.
        if ((this.#ownDir ||= !this.dir)) this.dir = localizer.dir;
      });
    }
  }
}

/** Sets or clears a custom state, exposed to page CSS as `:state(name)`. */
export function toggleState(internals: ElementInternals, name: string, on: boolean) {
  if (on) internals.states.add(name);
  else internals.states.delete(name);
}

/**
 * Why something is not allowed, in the reader's words: `reason.<reason>` where English has
 * that message (every catalogue has what English has), else a generic one.
 */
export function reasonText(i18n: Localizer, reason: string | undefined): string {
  const key = `reason.${reason}` as MessageKey;
  return i18n.t(Object.hasOwn(englishCatalog, key) ? key : 'reason.other');
}
