/** A site's own client, as `thread.client = …` allows, answering what a test queues. */
import type {GetThreadOptions, QuandaClient} from '../../src/api/client.js';
import type {Thread} from '../../src/api/schemas.js';

export type Reply = (options: GetThreadOptions) => Promise<Thread>;

export class ScriptedClient implements QuandaClient {
  readonly calls: (GetThreadOptions & {questionId: string})[] = [];
  readonly #replies: Reply[] = [];
  /** Answers every request once the queue is empty (rendering tests re-render a lot). */
  #fallback?: Reply;

  reply(...replies: Reply[]) {
    this.#replies.push(...replies);
    return this;
  }

  always(reply: Reply) {
    this.#fallback = reply;
    return this;
  }

  getThread(questionId: string, options: GetThreadOptions = {}) {
    this.calls.push({questionId, ...options});
    const next = this.#replies.shift() ?? this.#fallback;
    return next ? next(options) : Promise.reject(new Error('no reply queued'));
  }
}

export const ok =
  (value: Thread): Reply =>
  () =>
    Promise.resolve(value);
export const fail =
  (error: unknown): Reply =>
  () =>
    Promise.reject(error);
/** A request that never answers, until it is aborted. */
export const never = (): Reply => (options) =>
  new Promise<Thread>((_, reject) =>
    options.signal?.addEventListener('abort', () => reject(options.signal!.reason)),
  );
