import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {english} from '../i18n/localizer.js';
import type {Localizer} from '../i18n/localizer.js';
import {loadLocalizer} from '../i18n/load.js';

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

  #update() {
    const withLang = ancestors(this.#host).find((node) => node.hasAttribute('lang'));
    const tag = withLang?.getAttribute('lang') || 'en';
    if (tag === this.#wanted) return;
    this.#wanted = tag;
    void loadLocalizer(tag).then((localizer) => {
      if (tag !== this.#wanted || localizer === this.localizer) return;
      this.localizer = localizer;
      this.#onChange(localizer);
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
