/**
 * Data an element shows, kept apart from the element: one state value, replaced (never
 * mutated) on every change, and listeners told of each change. An element observes a
 * store through a `StoreController`; code that changes the data takes the store, not the
 * element. A new data owner (a board of questions, a moderation desk) extends this.
 */
export class Store<S extends object> {
  /** The state now. Read it; change it with `update`. */
  state: S;
  readonly #listeners = new Set<() => void>();

  constructor(state: S) {
    this.state = state;
  }

  /** Calls `listener` after every change; returns what stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A new state with `patch` applied; listeners are told. */
  update(patch: Partial<S>) {
    this.state = {...this.state, ...patch};
    for (const listener of this.#listeners) listener();
  }
}
