import type {Context} from 'hono';
import type {ContentfulStatusCode} from 'hono/utils/http-status';
import * as z from 'zod/mini';
import type {ErrorCode} from '../api/requests.js';
import type {ErrorEnvelope} from '../api/schemas.js';

/** An error the API answers with its envelope: `{error: {code, message, fields?}}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  /** Why an action was refused, as a `viewerCan` reason code. */
  readonly reason?: string;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    options: {
      fields?: Record<string, string>;
      reason?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = options.fields;
    this.reason = options.reason;
    this.headers = options.headers ?? {};
  }
}

export function envelope(error: ApiError): ErrorEnvelope {
  const body: ErrorEnvelope = {error: {code: error.code, message: error.message}};
  if (error.fields) body.error.fields = error.fields;
  if (error.reason) body.error.reason = error.reason;
  return body;
}

export function sendError(c: Context, error: ApiError) {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(envelope(error), error.status);
}

/** Parses with a contract schema; a mismatch is a 400 naming each field. */
export function validate<T>(schema: z.ZodMiniType<T>, value: unknown, what = 'request'): T {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || what;
    fields[path] ??= issue.message;
  }
  const names = Object.keys(fields).join(', ');
  throw new ApiError(400, 'validation', `Invalid ${what}: check ${names}`, {fields});
}

/** The JSON body of a request, or a 400 that says it is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError(400, 'bad_request', 'Send the request body as application/json');
  }
  const text = await c.req.text();
  if (nesting(text) > MAX_JSON_DEPTH) {
    const message = `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} deep`;
    throw new ApiError(400, 'bad_request', message);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'bad_request', 'The request body is not valid JSON');
  }
}

/** Deeper than any request of the contract (they are 3 at most). */
export const MAX_JSON_DEPTH = 8;

/**
 * How deep the JSON text nests objects and arrays, read once without parsing (brackets in
 * strings do not count), so nothing downstream ever recurses over a deep body.
 */
function nesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92)
        i++; // a backslash: the next character is escaped
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 || char === 91) deepest = Math.max(deepest, ++depth);
    else if (char === 125 || char === 93) depth--;
  }
  return deepest;
}

/** The bearer token of a request, if it has one. */
export function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header);
  return match ? match[1] : null;
}
