import {timingSafeEqual} from 'node:crypto';
import {Hono} from 'hono';
import type {Context} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {cors} from 'hono/cors';
import {NewQuestion, ThreadQuery} from '../api/requests.js';
import {Id} from '../api/schemas.js';
import type {ServerConfig} from './config.js';
import {ApiError, bearerToken, jsonBody, sendError, validate} from './http.js';
import {openApiDocument} from './openapi.js';
import {DuplicateIdError, InvalidCursorError} from './store.js';
import type {Store} from './store.js';

export interface AppOptions {
  store: Store;
  config: Pick<ServerConfig, 'adminToken' | 'allowedOrigins'>;
  /** Where request lines go; one line per request, never a body or a query string. */
  log?: (line: string) => void;
}

type Env = {Variables: {viewerId: string | null}};

/** Largest request body the API reads: well above a 12,000-character answer in any script. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The reference server's API, mounted under `/api`. Handlers validate with the contract's
 * schemas, delegate to the Store, and answer every error with the envelope.
 */
export function createApi({store, config, log = console.log}: AppOptions) {
  const api = new Hono<Env>();

  api.use(async (c, next) => {
    const start = performance.now();
    await next();
    const ms = (performance.now() - start).toFixed(1);
    log(`${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status} ${ms}ms`);
  });

  api.use(
    cors({
      origin: (origin) => (originAllowed(origin, config.allowedOrigins) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After'],
      maxAge: 86_400,
    }),
  );

  api.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        sendError(c, new ApiError(413, 'payload_too_large', 'The request body is too large')),
    }),
  );

  // Who is asking: an unknown or stale token reads as a new, anonymous reader.
  api.use(async (c, next) => {
    const token = bearerToken(c);
    c.set('viewerId', token ? await store.viewerIdForToken(token) : null);
    await next();
  });

  api.get('/openapi.json', (c) => c.json(openApiDocument(new URL('.', c.req.url).pathname)));

  api.get('/questions/:id', async (c) => {
    const id = validate(Id, c.req.param('id'), 'question id');
    const query = validate(ThreadQuery, c.req.query(), 'query');
    const thread = await store.getThread(id, {...query, viewerId: c.get('viewerId')});
    if (!thread) throw new ApiError(404, 'not_found', `No question "${id}"`);
    return c.json(thread);
  });

  api.post('/questions', async (c) => {
    requireAdmin(c, config.adminToken);
    const data = validate(NewQuestion, await jsonBody(c), 'question');
    const created = await store.createQuestion(data);
    return c.json(created, 201);
  });

  api.notFound((c) => sendError(c, new ApiError(404, 'not_found', 'No such API route')));

  api.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error);
    if (error instanceof InvalidCursorError) {
      return sendError(
        c,
        new ApiError(400, 'validation', error.message, {fields: {cursor: error.message}}),
      );
    }
    if (error instanceof DuplicateIdError) {
      return sendError(
        c,
        new ApiError(409, 'conflict', error.message, {fields: {id: error.message}}),
      );
    }
    console.error(error);
    return sendError(c, new ApiError(500, 'internal', 'The server ran into a problem'));
  });

  return api;
}

function requireAdmin(c: Context, adminToken: string | null) {
  if (!adminToken) {
    throw new ApiError(403, 'forbidden', 'The admin API is off: set QUANDA_ADMIN_TOKEN to use it');
  }
  const given = Buffer.from(bearerToken(c) ?? '');
  const expected = Buffer.from(adminToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(401, 'unauthorized', 'This needs the admin token', {
      headers: {'WWW-Authenticate': 'Bearer'},
    });
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Pages on localhost may always embed; others only when listed (or with `*`). */
export function originAllowed(origin: string, allowed: string[] | '*'): boolean {
  if (!origin) return false;
  if (allowed === '*') return true;
  if (allowed.includes(origin)) return true;
  try {
    return LOCAL_HOSTS.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}
