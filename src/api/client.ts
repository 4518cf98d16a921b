import * as z from 'zod/mini';
import {QuandaError} from './api-error.js';
import {
  AcceptResult,
  Answer,
  Comment,
  CommentsPage,
  ErrorEnvelope,
  FlagResult,
  Post,
  Removed,
  Thread,
  ViewerSession,
  VoteResult,
} from './schemas.js';
import type {NewAnswer, NewComment, NewFlag, PostEdit} from './requests.js';
import type {Sort, VoteValue} from './schemas.js';
import type {ViewerTokenStore} from './viewer-tokens.js';
import type {Settings} from './settings.js';
import type {Call, WriteContext} from './call.js';
import {requestInit, requestUrl} from './http.js';

export interface RequestOptions {
  /** Cancels the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface GetThreadOptions extends RequestOptions {
  sort?: Sort;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

export interface GetCommentsOptions extends RequestOptions {
  cursor?: string;
}

export interface WriteOptions extends RequestOptions {
  /**
   * Identifies this write. Retrying with the same key can never apply it twice; the
   * client makes one when none is given, and reuses it for its own retries.
   */
  idempotencyKey?: string;
}

/**
 * Everything the widget asks of a backend. `RestClient` speaks the Quanda contract over
 * HTTP; a site whose backend speaks something else can give `<quanda-thread>` its own
 * object (`thread.client = myClient`). Only `getThread` is required: the widget offers
 * each write only when the client has the method for it. Implementations reject with a
 * `QuandaError`, or with the signal's reason when cancelled.
 */
export interface QuandaClient {
  getThread(questionId: string, options?: GetThreadOptions): Promise<Thread>;
  postAnswer?(questionId: string, answer: NewAnswer, options?: WriteOptions): Promise<Answer>;
  vote?(postId: string, value: VoteValue, options?: WriteOptions): Promise<VoteResult>;
  setAcceptedAnswer?(
    questionId: string,
    answerId: string | null,
    options?: WriteOptions,
  ): Promise<AcceptResult>;
  getComments?(postId: string, options?: GetCommentsOptions): Promise<CommentsPage>;
  postComment?(postId: string, comment: NewComment, options?: WriteOptions): Promise<Comment>;
  flag?(postId: string, flag: NewFlag, options?: WriteOptions): Promise<FlagResult>;
  editPost?(postId: string, edit: PostEdit, options?: WriteOptions): Promise<Post>;
  removePost?(postId: string, options?: WriteOptions): Promise<Removed>;
  /**
   * What the backend offers beyond these (`GET /settings` in the contract): with
   * `notifications: true` the forms offer mail. Without this method, a site's own client
   * offers none. (`RestClient` asks when a thread can write; see write/mail-offer.ts.)
   */
  getSettings?(options?: RequestOptions): Promise<Settings>;
}

export interface RestClientOptions {
  /** Base URL of the API, absolute or relative to the page (`/api`). */
  endpoint: string;
  /** Milliseconds to wait for a complete response. Default 15 000. */
  timeout?: number;
  /** The `fetch` to use; defaults to the global one. */
  fetch?: typeof fetch;
  /**
   * The viewer's token, when the site signs its readers in itself. Otherwise the client
   * mints an anonymous one on the first write and keeps it in `tokens`.
   */
  viewerToken?: string;
  /**
   * Where anonymous viewer tokens are kept. Default: in memory, for this client's life.
   * The elements keep them in IndexedDB (`new IndexedDbViewerTokens()`).
   */
  tokens?: ViewerTokenStore;
  /** How often a write is tried when the network or the server fails. Default 3. */
  attempts?: number;
  /** First pause between attempts, in ms; doubles each time. Default 400. */
  retryDelay?: number;
}

const DEFAULT_TIMEOUT = 15_000;

/** The default client: `fetch`, a time limit, and every response checked against the contract. */
export class RestClient implements QuandaClient {
  /** Absolute base URL, always ending in `/`. */
  readonly endpoint: string;
  readonly timeout: number;
  readonly #fetch: typeof fetch;
  readonly #context: WriteContext;
  #minting?: Promise<string>;

  constructor(options: RestClientOptions) {
    this.endpoint = resolveEndpoint(options.endpoint);
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#context = {
      endpoint: this.endpoint,
      fixedToken: options.viewerToken,
      tokens: options.tokens,
      attempts: Math.max(1, options.attempts ?? 3),
      retryDelay: options.retryDelay ?? 400,
      call: (request) => this.call(request),
      token: (signal) => this.#token(signal),
    };
  }

  async getThread(questionId: string, options: GetThreadOptions = {}): Promise<Thread> {
    const path = `questions/${encodeURIComponent(questionId)}`;
    const thread = await this.call({
      method: 'GET',
      path,
      query: {sort: options.sort, cursor: options.cursor},
      schema: Thread,
      signal: options.signal,
      token: await this.storedToken(),
    });
    // The contract: the question returned is the one asked for (no normalized ids).
    const {id} = thread.question;
    if (id === questionId) return thread;
    throw new QuandaError('invalid-response', `${path} answered with question "${id}"`);
  }

  async getComments(postId: string, options: GetCommentsOptions = {}): Promise<CommentsPage> {
    return this.call({
      method: 'GET',
      path: `posts/${encodeURIComponent(postId)}/comments`,
      query: {cursor: options.cursor},
      schema: CommentsPage,
      signal: options.signal,
      token: await this.storedToken(),
    });
  }

  postAnswer(questionId: string, answer: NewAnswer, options?: WriteOptions): Promise<Answer> {
    return this.write(
      'POST',
      `questions/${encodeURIComponent(questionId)}/answers`,
      answer,
      Answer,
      options,
    );
  }

  vote(postId: string, value: VoteValue, options?: WriteOptions): Promise<VoteResult> {
    return this.write(
      'PUT',
      `posts/${encodeURIComponent(postId)}/vote`,
      {value},
      VoteResult,
      options,
    );
  }

  setAcceptedAnswer(
    questionId: string,
    answerId: string | null,
    options?: WriteOptions,
  ): Promise<AcceptResult> {
    const path = `questions/${encodeURIComponent(questionId)}/accepted-answer`;
    return answerId === null
      ? this.write('DELETE', path, undefined, AcceptResult, options)
      : this.write('PUT', path, {answerId}, AcceptResult, options);
  }

  postComment(postId: string, comment: NewComment, options?: WriteOptions): Promise<Comment> {
    return this.write(
      'POST',
      `posts/${encodeURIComponent(postId)}/comments`,
      comment,
      Comment,
      options,
    );
  }

  flag(postId: string, flag: NewFlag, options?: WriteOptions): Promise<FlagResult> {
    return this.write(
      'POST',
      `posts/${encodeURIComponent(postId)}/flags`,
      flag,
      FlagResult,
      options,
    );
  }

  editPost(postId: string, edit: PostEdit, options?: WriteOptions): Promise<Post> {
    return this.write('PATCH', `posts/${encodeURIComponent(postId)}`, edit, Post, options);
  }

  removePost(postId: string, options?: WriteOptions): Promise<Removed> {
    return this.write('DELETE', `posts/${encodeURIComponent(postId)}`, undefined, Removed, options);
  }

  /** Writes load on first use: they are never needed to show a thread. */
  protected async write<T>(
    method: Call<T>['method'],
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
    options: WriteOptions = {},
  ): Promise<T> {
    const {write} = await import('../write/rest-writes.js');
    return write(this.#context, {method, path, body, schema, ...options});
  }

  /**
   * @internal Who is reading, to key what the widget keeps on the device (cached threads,
   * queued posts): a hash of the viewer's token, never the token; '' without one.
   */
  async viewerKey(): Promise<string> {
    const token = (await this.storedToken()) ?? '';
    let hash = 0x811c9dc5; // FNV-1a: one viewer's copies apart from another's, nothing more
    for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 16777619);
    return token && (hash >>> 0).toString(36);
  }

  protected async storedToken(): Promise<string | null> {
    return this.#context.fixedToken ?? (await this.#context.tokens?.get(this.endpoint)) ?? null;
  }

  async #token(signal?: AbortSignal): Promise<string> {
    const stored = await this.storedToken();
    if (stored) return stored;
    this.#minting ??= this.call({method: 'POST', path: 'viewer', schema: ViewerSession, signal})
      .then(async ({token}) => {
        await this.#context.tokens?.set(this.endpoint, token);
        return token;
      })
      .finally(() => (this.#minting = undefined));
    return this.#minting;
  }

  /** @internal One request, parsed with its schema (subclasses may wrap it). */
  async call<T>(request: Call<T>): Promise<T> {
    const {method, path, query, schema, signal} = request;
    const url = requestUrl(path, this.endpoint, query);
    // One signal for the caller's abort and the time limit, which covers reading the body
    // too: a response that never ends times out. (AbortSignal.any: the same browsers as the
    // widget's light-dark() colours.)
    const limit = AbortSignal.any([...(signal ? [signal] : []), AbortSignal.timeout(this.timeout)]);
    try {
      const response = await this.#fetch(url, {
        ...requestInit(method, request),
        signal: limit,
        credentials: 'omit',
      });
      const text = await response.text();
      if (!response.ok) throw httpError(response, text);
      return parseBody(text, schema, url);
    } catch (error) {
      if (error instanceof QuandaError) throw error;
      if (signal?.aborted) throw signal.reason;
      if (limit.aborted) {
        throw new QuandaError(
          'timeout',
          `No complete response from ${url.origin} within ${this.timeout} ms`,
          {cause: error},
        );
      }
      throw new QuandaError('network', `Could not reach ${url.origin}`, {cause: error});
    }
  }
}

function resolveEndpoint(endpoint: string): string {
  const base = typeof document === 'undefined' ? undefined : document.baseURI;
  let url: URL;
  try {
    url = new URL(endpoint, base);
  } catch (cause) {
    throw new TypeError(`Quanda: endpoint "${endpoint}" is not a URL`, {cause});
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

function httpError(response: Response, text: string): QuandaError {
  const envelope = parseJson(text, ErrorEnvelope);
  const detail = envelope?.error.message ?? (response.statusText || 'no explanation');
  return new QuandaError('http', `HTTP ${response.status}: ${detail}`, {
    status: response.status,
    envelope: envelope?.error,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}

function parseBody<T>(text: string, schema: z.ZodMiniType<T>, url: URL): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const start = text.trimStart().slice(0, 1) === '<' ? 'an HTML page' : 'text that is not JSON';
    throw new QuandaError('invalid-response', `${url.pathname} answered with ${start}`, {
      cause,
      issues: [{path: [], message: 'Not JSON'}],
    });
  }
  const result = z.safeParse(schema, json);
  if (result.success) return result.data;
  throw new QuandaError('invalid-response', `${url.pathname} answered with an unexpected shape`, {
    cause: result.error,
    issues: result.error.issues.map(({path, message}) => ({path, message})),
  });
}

function parseJson<T>(text: string, schema: z.ZodMiniType<T>): T | undefined {
  try {
    const result = z.safeParse(schema, JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
