/**
 * The conformance suite's view of a backend: plain HTTP, every body kept as text and as
 * JSON, and failures worded for the team whose backend it is.
 */
import * as z from 'zod/mini';
import {requestInit, requestUrl} from '../api/http.js';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface RequestOptions {
  token?: string | null;
  key?: string | null;
  body?: unknown;
  query?: Record<string, string | undefined>;
}

/** A check that did not hold: `message` says what the backend did and what it should do. */
export class Failure extends Error {
  override readonly name = 'Failure';
}

/** A check that cannot run here (an option missing, a feature the backend lacks). */
export class Skip extends Error {
  override readonly name = 'Skip';
}

export function backend(endpoint: string, fetcher: typeof fetch = fetch) {
  const base = endpoint.replace(/\/+$/, '');
  return async function request(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Reply> {
    const url = requestUrl(base + path, base, options.query);
    let response: Response;
    try {
      response = await fetcher(url, {
        ...requestInit(method, {...options, idempotencyKey: options.key}),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (cause) {
      throw new Failure(`${method} ${path}: no answer (${(cause as Error).message})`);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {status: response.status, headers: response.headers, text, json};
  };
}

export type Request = ReturnType<typeof backend>;

/** The body, parsed with the contract's schema, or a Failure naming every issue. */
export function parsed<T>(schema: z.ZodMiniType<T>, reply: Reply, what: string): T {
  if (reply.json === undefined) {
    throw new Failure(`${what}: the body is not JSON (${JSON.stringify(reply.text.slice(0, 80))})`);
  }
  const result = z.safeParse(schema, reply.json);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(the body)'}: ${issue.message}`);
  throw new Failure(`${what} does not match the contract: ${issues.join('; ')}`);
}

/** The reply has this status, or a Failure quoting what came instead. */
export function expectStatus(reply: Reply, expected: number | number[], what: string) {
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (allowed.includes(reply.status)) return;
  throw new Failure(
    `${what}: expected HTTP ${allowed.join(' or ')}, got ${reply.status} ${reply.text.slice(0, 160)}`,
  );
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}
