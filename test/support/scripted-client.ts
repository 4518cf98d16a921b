import type {GetThreadOptions, QuandaClient} from '../../src/api/client.js';
import type {Thread} from '../../src/api/schemas.js';

export type Reply<T = Thread> = (options: GetThreadOptions) => Promise<T>;

/**
 * A site's own client, as `thread.client = …` allows: answers what each test queues.
 * Used for rendering and state tests; network behaviour is tested against real servers.
 */
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
  <T>(value: T) =>
  () =>
    Promise.resolve(value);
export const fail = (error: unknown) => () => Promise.reject(error);
/** Never settles, unless cancelled. */
export const never =
  <T = Thread>() =>
  (options: {signal?: AbortSignal} = {}) =>
    new Promise<T>((_, reject) =>
      options.signal?.addEventListener('abort', () => reject(options.signal!.reason)),
    );

/** A promise with its resolve and reject, for replies a test settles when it wants. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {promise, resolve, reject};
}

type Method = Exclude<keyof QuandaClient, 'getThread'>;

/**
 * A site's own client with every write: each call is recorded, and answered by the
 * handler a test sets (or refused, when none is set).
 */
export class ScriptedWriteClient extends ScriptedClient {
  readonly writes: {method: Method; args: unknown[]}[] = [];
  readonly handlers: Partial<Record<Method, (...args: any[]) => Promise<unknown>>> = {};

  #call(method: Method, args: unknown[]): Promise<any> {
    this.writes.push({method, args});
    const handler = this.handlers[method];
    return handler ? handler(...args) : Promise.reject(new Error(`no ${method} handler`));
  }

  postAnswer(...args: unknown[]) {
    return this.#call('postAnswer', args);
  }
  vote(...args: unknown[]) {
    return this.#call('vote', args);
  }
  setAcceptedAnswer(...args: unknown[]) {
    return this.#call('setAcceptedAnswer', args);
  }
  getComments(...args: unknown[]) {
    return this.#call('getComments', args);
  }
  postComment(...args: unknown[]) {
    return this.#call('postComment', args);
  }
  flag(...args: unknown[]) {
    return this.#call('flag', args);
  }
  editPost(...args: unknown[]) {
    return this.#call('editPost', args);
  }
  removePost(...args: unknown[]) {
    return this.#call('removePost', args);
  }
  /** What the backend offers: mail, unless a test says otherwise. Not a write. */
  settings: unknown = {notifications: true};
  getSettings() {
    return Promise.resolve(this.settings) as Promise<{notifications: boolean}>;
  }
}
