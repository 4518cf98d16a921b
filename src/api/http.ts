/**
 * A request to a backend that speaks the Quanda contract, as both the client and the
 * conformance suite send it: JSON in and out, the viewer's token, the write's
 * idempotency key.
 */
export interface JsonRequest {
  query?: Record<string, string | undefined>;
  body?: unknown;
  token?: string | null;
  idempotencyKey?: string | null;
}

/** `path` under `base`, with the query's defined values. */
export function requestUrl(path: string, base: string, query: JsonRequest['query'] = {}): URL {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}

/** The method, headers and body of a request. */
export function requestInit(method: string, {body, token, idempotencyKey}: JsonRequest) {
  const headers: Record<string, string> = {accept: 'application/json'};
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  if (body !== undefined) headers['content-type'] = 'application/json';
  // No body: `JSON.stringify(undefined)` is undefined, and so is the request's body.
  return {method, headers, body: JSON.stringify(body) as string | undefined};
}
