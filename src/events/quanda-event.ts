import type {NewAnswer, NewComment, NewFlag, PostEdit} from '../api/requests.js';
import type {Answer, Comment, Post, VoteValue} from '../api/schemas.js';

/**
 * Every Quanda event but `quanda-error`: bubbles, crosses shadow roots, and says what
 * happened in `detail`. An intent (`quanda-vote`, `quanda-answer-submit`, …) is fired
 * before anything is sent and is cancelable: `preventDefault()` stops the write. The
 * element that owns the data answers an intent with `respondWith(promise)`, so the
 * element that asked (a form, say) can wait for the outcome. A past-tense event
 * (`quanda-voted`, `quanda-answer-submitted`, …) follows once the server has confirmed.
 */
export class QuandaEvent<D> extends Event {
  readonly detail: D;
  #response?: Promise<unknown>;

  constructor(type: keyof QuandaEventMap, detail: D, options: {cancelable?: boolean} = {}) {
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

/**
 * Fires an intent; resolves with the data owner's outcome. `answered` is false when a
 * listener vetoed it or no data owner took it (a form outside a thread, a page that
 * handles the event itself): then nothing was sent, and nothing may be treated as sent.
 */
export async function requestIntent<D>(
  target: EventTarget,
  type: keyof QuandaEventMap,
  detail: D,
): Promise<{answered: boolean; outcome: unknown}> {
  const event = new QuandaEvent(type, detail, {cancelable: true});
  const response = target.dispatchEvent(event) ? event.response : undefined;
  return {answered: !!response, outcome: await response};
}

export interface QuandaEventMap {
  'quanda-vote': QuandaEvent<{postId: string; value: VoteValue}>;
  'quanda-voted': QuandaEvent<{postId: string; value: VoteValue; score: number}>;
  'quanda-answer-submit': QuandaEvent<{answer: NewAnswer}>;
  'quanda-answer-submitted': QuandaEvent<{answer: Answer}>;
  'quanda-accept': QuandaEvent<{answerId: string; accepted: boolean}>;
  'quanda-accepted': QuandaEvent<{answerId: string | null}>;
  'quanda-comments-request': QuandaEvent<{postId: string}>;
  'quanda-comment-submit': QuandaEvent<{postId: string; comment: NewComment}>;
  'quanda-commented': QuandaEvent<{comment: Comment}>;
  'quanda-flag': QuandaEvent<{postId: string; flag: NewFlag}>;
  'quanda-flagged': QuandaEvent<{postId: string}>;
  'quanda-edit': QuandaEvent<{postId: string; edit: PostEdit}>;
  'quanda-edited': QuandaEvent<{post: Post}>;
  'quanda-remove': QuandaEvent<{postId: string}>;
  'quanda-removed': QuandaEvent<{postId: string}>;
}

declare global {
  interface GlobalEventHandlersEventMap extends QuandaEventMap {}
}
