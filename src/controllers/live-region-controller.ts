import {html} from 'lit';
import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * An element's polite live region: what `say` is given is read out by screen readers.
 * The element renders `render()` once, somewhere that stays.
 */
export class LiveRegionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #text = '';
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected() {}

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  /** Says `text`; the same words said twice are announced twice. */
  say(text: string) {
    // Cleared first, then set a moment later. (A timer, not an animation frame: those
    // never come while the tab is in the background.)
    this.#set('');
    this.#timer = setTimeout(() => this.#set(text), 50);
  }

  #set(text: string) {
    this.#text = text;
    this.#host.requestUpdate();
  }

  render() {
    return html`<p class="visually-hidden" role="status">${this.#text}</p>`;
  }
}
