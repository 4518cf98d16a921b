import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {english} from '../i18n/localizer.js';
import type {Localizer} from '../i18n/localizer.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Finds the language a thread should speak — `lang` on the element, else the nearest
 * ancestor's, else the page's — loads that catalogue on demand, and follows changes to
 * any of those attributes (single-page sites switch languages without a reload).
 * Ancestors include the hosts of shadow roots, so a thread inside a site's own component
 * still follows `<html lang>`.
 */
export class LocaleController implements ReactiveController {
  /** The current localizer; English until the wanted catalogue has loaded. */
  localizer: Localizer = english;
  /** The first language has been settled (loaded, or given up for English). */
  settled = false;
  readonly #host: Host;
  readonly #onChange: (localizer: Localizer) => void;
  #observer?: MutationObserver;
  #wanted = '';

  constructor(host: Host, onChange: (localizer: Localizer) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected() {
    this.#observer = new MutationObserver(() => this.#update());
    const options = {attributes: true, attributeFilter: ['lang']};
    for (const node of ancestors(this.#host)) this.#observer.observe(node, options);
    this.#update();
  }

  hostDisconnected() {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #use(localizer: Localizer) {
    if (localizer === this.localizer && this.settled) return;
    this.settled = true;
    this.localizer = localizer;
    this.#onChange(localizer);
    this.#host.requestUpdate();
  }

  #update() {
    const withLang = ancestors(this.#host).find((node) => node.hasAttribute('lang'));
    const tag = withLang?.getAttribute('lang') || 'en';
    if (tag === this.#wanted) return;
    this.#wanted = tag;
    // Plain English needs nothing more, and is settled at once; every other language
    // (and regional English, for its date and number formats) loads with its catalogue,
    // outside the first load.
    if (tag.toLowerCase() === 'en') return this.#use(english);
    void import('../i18n/load.js')
      .then(({loadLocalizer}) => loadLocalizer(tag))
      // Offline, or a chunk gone after a deploy: English beats a blank thread.
      .catch(() => english)
      .then((loaded) => {
        if (tag === this.#wanted) this.#use(loaded);
      });
  }
}

/** The element and its ancestors up to `<html>`, crossing out of shadow roots. */
function ancestors(element: Element): Element[] {
  const out: Element[] = [];
  for (let node: Element | null = element; node;) {
    out.push(node);
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : node.parentElement;
  }
  return out;
}
