import type {VoteValue} from '../api/schemas.js';

/**
 * Every Quanda event but `quanda-error` and the forms' own: bubbles, crosses shadow roots,
 * and says what happened in `detail`. Each has a class of its own (`QuandaVotedEvent`, …),
 * so `addEventListener('quanda-voted', …)` hands the listener that class (event-map.ts).
 * A class lives beside the code that fires it, so it loads with that code: here the base
 * classes and the intents of the first load; src/write/write-events.ts and
 * src/actions/action-events.ts hold those of writing and of the rarer actions.
 *
 * An intent (`quanda-vote`, `quanda-answer-submit`, …) is fired before anything is sent
 * and is cancelable: `preventDefault()` stops the write. The element that owns the data
 * answers an intent with `respondWith(promise)`, so the element that asked (a form, say)
 * can wait for the outcome. A past-tense event (`quanda-voted`, `quanda-answer-submitted`,
 * …) follows once the server has confirmed.
 */
export class QuandaEvent<D> extends Event {
  readonly detail: D;
  #response?: Promise<unknown>;

  constructor(type: string, detail: D, options: {cancelable?: boolean} = {}) {
    super(type, {bubbles: true, composed: true, cancelable: options.cancelable ?? false});
    this.detail = detail;
  }

  /** Hands the outcome of an intent back to the element that fired it. */
  respondWith(outcome: Promise<unknown>) {
    this.#response = outcome;
  }

  /** The outcome, if the data owner answered; undefined when no one did. */
  get response(): Promise<unknown> | undefined {
    return this.#response;
  }
}

/** An intent: cancelable, fired before anything is sent. */
export class QuandaIntentEvent<D> extends QuandaEvent<D> {
  constructor(type: string, detail: D) {
    super(type, detail, {cancelable: true});
  }
}

/**
 * Fires an intent; resolves with the data owner's outcome. `answered` is false when a
 * listener vetoed it or no data owner took it (a form outside a thread, a page that
 * handles the event itself): then nothing was sent, and nothing may be treated as sent.
 */
export async function requestIntent(
  target: EventTarget,
  event: QuandaIntentEvent<unknown>,
): Promise<{answered: boolean; outcome: unknown}> {
  const response = target.dispatchEvent(event) ? event.response : undefined;
  return {answered: !!response, outcome: await response};
}

/** The reader pressed a vote button: `detail.value` is the vote they now want. */
export class QuandaVoteEvent extends QuandaIntentEvent<{postId: string; value: VoteValue}> {
  constructor(detail: QuandaVoteEvent['detail']) {
    super('quanda-vote', detail);
  }
}

/** The asker chose an answer as best (`accepted`), or took that back. */
export class QuandaAcceptEvent extends QuandaIntentEvent<{answerId: string; accepted: boolean}> {
  constructor(detail: QuandaAcceptEvent['detail']) {
    super('quanda-accept', detail);
  }
}

/** The reader asked for a post's earlier comments. */
export class QuandaCommentsRequestEvent extends QuandaIntentEvent<{postId: string}> {
  constructor(detail: QuandaCommentsRequestEvent['detail']) {
    super('quanda-comments-request', detail);
  }
}
