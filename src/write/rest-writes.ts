import type * as z from 'zod/mini';
import {QuandaError} from '../api/api-error.js';
import type {Call, WriteContext} from '../api/call.js';
import type {ViewerTokenStore} from '../api/viewer-tokens.js';

interface WriteRequest<T> {
  method: Call<T>['method'];
  path: string;
  body: unknown;
  schema: z.ZodMiniType<T>;
  signal?: AbortSignal;
  idempotencyKey?: string;
}

/**
 * A write: with the viewer's token (minted on first use) and an idempotency key, tried
 * again with the same key when the network or the server fails, so a write whose
 * response was lost is still applied exactly once. Loaded with the first write.
 */
export async function write<T>(context: WriteContext, request: WriteRequest<T>): Promise<T> {
  const {method, path, body, schema, signal} = request;
  context.tokens ??= memoryTokens(); // a client given no store keeps its viewer here
  const idempotencyKey = request.idempotencyKey ?? newIdempotencyKey();
  let token = await context.token(signal);
  let renewed = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await context.call({method, path, body, schema, signal, token, idempotencyKey});
    } catch (error) {
      if (!(error instanceof QuandaError)) throw error;
      if (!renewed && forgotten(error, context)) {
        // The server no longer knows this reader (a reset database, say): start afresh.
        renewed = true;
        await context.tokens.delete(context.endpoint);
        token = await context.token(signal);
        attempt--;
        continue;
      }
      if (!retryable(error) || attempt >= context.attempts) throw error;
      await pause(context.retryDelay * 2 ** (attempt - 1), signal);
    }
  }
}

/** The server does not know the anonymous viewer this client minted. */
const forgotten = (error: QuandaError, context: WriteContext) =>
  error.status === 401 && !context.fixedToken;

/** A failure that may pass (not a rate limit, which says when to come back). */
const retryable = (error: QuandaError) => error.isTransient && error.status !== 429;

/** A fresh idempotency key (random, 128 bits). Works outside secure contexts too. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** Waits before another attempt (with jitter, so many readers don't retry in step). */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms * (0.75 + Math.random() / 2));
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      {once: true},
    );
  });
}

/** The viewer tokens of a client given no store: in memory, for as long as it lives. */
function memoryTokens(): ViewerTokenStore {
  const tokens = new Map<string, string>();
  return {
    get: (endpoint) => Promise.resolve(tokens.get(endpoint) ?? null),
    set: (endpoint, token) => Promise.resolve(void tokens.set(endpoint, token)),
    delete: (endpoint) => Promise.resolve(void tokens.delete(endpoint)),
  };
}
