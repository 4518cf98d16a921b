import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Store} from '../data/store.js';

/** Updates its element whenever a store's state changes, while the element is connected. */
export class StoreController<S extends object> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #store: Store<S>;
  #stop?: () => void;

  constructor(host: ReactiveControllerHost, store: Store<S>) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostConnected() {
    this.#stop = this.#store.subscribe(() => this.#host.requestUpdate());
  }

  hostDisconnected() {
    this.#stop?.();
  }
}
