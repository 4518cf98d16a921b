import * as z from 'zod/mini';
import {QuandaError} from './api-error.js';
import {ErrorEnvelope, Thread} from './schemas.js';
import type {Sort} from './schemas.js';

export interface RequestOptions {
  /** Cancels the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface GetThreadOptions extends RequestOptions {
  sort?: Sort;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

/**
 * Everything the widget asks of a backend. `RestClient` speaks the Quanda contract over
 * HTTP; a site whose backend speaks something else can give `<quanda-thread>` its own
 * object with these methods (`thread.client = myClient`). Implementations reject with a
 * `QuandaError`, or with the signal's reason when cancelled.
 */
export interface QuandaClient {
  getThread(questionId: string, options?: GetThreadOptions): Promise<Thread>;
}

export interface RestClientOptions {
  /** Base URL of the API, absolute or relative to the page (`/api`). */
  endpoint: string;
  /** Milliseconds to wait for a complete response. Default 15 000. */
  timeout?: number;
  /** The `fetch` to use; defaults to the global one. */
  fetch?: typeof fetch;
}

interface Call<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  schema: z.ZodMiniType<T>;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT = 15_000;

/** The default client: `fetch`, a time limit, and every response checked against the contract. */
export class RestClient implements QuandaClient {
  /** Absolute base URL, always ending in `/`. */
  readonly endpoint: string;
  readonly timeout: number;
  readonly #fetch: typeof fetch;

  constructor(options: RestClientOptions) {
    this.endpoint = resolveEndpoint(options.endpoint);
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  getThread(questionId: string, options: GetThreadOptions = {}): Promise<Thread> {
    return this.call({
      method: 'GET',
      path: `questions/${encodeURIComponent(questionId)}`,
      query: {sort: options.sort, cursor: options.cursor},
      schema: Thread,
      signal: options.signal,
    });
  }

  protected async call<T>({method, path, query, schema, signal}: Call<T>): Promise<T> {
    const url = new URL(path, this.endpoint);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    const limit = deadline(this.timeout, signal);
    try {
      const response = await this.#fetch(url, {
        method,
        headers: {accept: 'application/json'},
        signal: limit.signal,
        credentials: 'omit',
      });
      // Reading the body is under the same deadline: a response that never ends times out.
      const text = await response.text();
      if (!response.ok) throw httpError(response, text);
      return parseBody(text, schema, url);
    } catch (error) {
      throw limit.explain(error, url);
    } finally {
      limit.dispose();
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

/** One signal that fires on the caller's abort or when the time limit passes. */
function deadline(ms: number, outer?: AbortSignal) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('Quanda request timed out', 'TimeoutError'));
  }, ms);
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, {once: true});
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
    /** Turns whatever was thrown into a QuandaError, or the caller's own abort reason. */
    explain(error: unknown, url: URL): unknown {
      if (error instanceof QuandaError) return error;
      if (outer?.aborted) return outer.reason;
      if (timedOut) {
        return new QuandaError(
          'timeout',
          `No complete response from ${url.origin} within ${ms} ms`,
          {
            cause: error,
          },
        );
      }
      return new QuandaError('network', `Could not reach ${url.origin}`, {cause: error});
    },
  };
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
