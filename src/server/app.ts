import './zod-locale.js';
import {createHash, timingSafeEqual} from 'node:crypto';
import {isIP} from 'node:net';
import {getConnInfo} from '@hono/node-server/conninfo';
import {Hono} from 'hono';
import type {Context, Next} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {cors} from 'hono/cors';
import type {ContentfulStatusCode} from 'hono/utils/http-status';
import {ModerationAction, ModerationQuery} from '../api/moderation.js';
import {
  AcceptRequest,
  CommentsQuery,
  NewAnswer,
  NewComment,
  NewFlag,
  NewQuestion,
  PostEdit,
  ThreadQuery,
  VoteRequest,
} from '../api/requests.js';
import {Id} from '../api/schemas.js';
import {DEFAULT_FLAG_THRESHOLD, defaultRateLimits} from './config.js';
import type {ServerConfig} from './config.js';
import {IdempotencyKeyReusedError, fingerprint} from './idempotency.js';
import {cleanText} from './text.js';
import {ApiError, bearerToken, jsonBody, sendError, validate} from './http.js';
import {openApiDocument} from './openapi.js';
import type {LimitedAction} from './config.js';
import {RateLimitedError, ipHasher} from './rate-limits.js';
import type {RateSubjects} from './rate-limits.js';
import {RenderPool} from './render-pool.js';
import {TooComplexError} from './rich-text.js';
import {notFound} from './domain/access.js';
import {flag, moderate} from './domain/moderation.js';
import {
  addPost,
  bodyText,
  createQuestion,
  editPost,
  questionText,
  removePost,
} from './domain/posts.js';
import type {Repository} from './domain/repository.js';
import {RuleError} from './domain/rule-error.js';
import {isUnavailable} from './db/errors.js';
import {chooseBestAnswer, vote} from './domain/votes.js';
import {InvalidCursorError, KyselyStore} from './store.js';
import {boardRoutes} from './board-routes.js';
import type {Store, Viewers, WriteResponse} from './store.js';
import {Notices} from './domain/notifications.js';
import type {PostedMail} from './domain/notifications.js';
import {mailLocale} from './mail/messages/index.js';

/** What the API reads from the server's configuration. */
export type ApiConfig = Pick<
  ServerConfig,
  | 'adminToken'
  | 'moderatorToken'
  | 'allowedOrigins'
  | 'flagThreshold'
  | 'premoderate'
  | 'ask'
  | 'premoderateQuestions'
  | 'rateLimits'
  | 'ipKey'
  | 'trustProxy'
  | 'mail'
>;

const apiDefaults: ApiConfig = {
  adminToken: null,
  moderatorToken: null,
  allowedOrigins: [],
  flagThreshold: DEFAULT_FLAG_THRESHOLD,
  premoderate: false,
  ask: 'anyone',
  premoderateQuestions: false,
  rateLimits: defaultRateLimits,
  ipKey: null,
  trustProxy: 0,
  mail: null,
};

/**
 * Who is asking, as a viewer id, or null for a reader who has not written yet. The default
 * reads the anonymous viewer token (`Authorization: Bearer …`). A site with its own
 * sign-in can pass a function that maps its signed-in user to a viewer instead: nothing
 * else in the API knows how viewers are recognised.
 */
export type IdentifyViewer = (c: Context, store: Viewers) => Promise<string | null>;

export const viewerFromBearerToken: IdentifyViewer = async (c, store) => {
  const token = bearerToken(c);
  return token ? store.viewerIdForToken(token) : null;
};

export interface AppOptions {
  store: Store;
  config?: Partial<ApiConfig>;
  /** Where request lines go; one line per request, never a body or a query string. */
  log?: (line: string) => void;
  identify?: IdentifyViewer;
  /** Markdown → sanitized HTML; by default in worker threads shared by every API (render-pool.ts). */
  render?: (source: string) => Promise<string>;
  /** Called after a write queued mail and committed: the sender in this process looks now. */
  onMailQueued?: () => void;
}

let sharedPool: RenderPool | undefined;
const renderInPool = (source: string) => (sharedPool ??= new RenderPool()).render(source);

type Env = {Variables: {viewerId: string | null}};

const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The status each refusal of the rules (domain/) is answered with. */
const RULE_STATUS = {
  not_found: 404,
  forbidden: 403,
  duplicate: 409,
  conflict: 409,
  validation: 400,
} as const;

/**
 * A request path as a log line may hold it: characters that could end the line, fake
 * another or turn its text around (controls, bidi and other format characters, line
 * separators) and anything outside printable ASCII are written as `\\u{…}`.
 */
export function loggable(path: string): string {
  return path.replace(/[^\x21-\x7e]/gu, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

/** Largest request body the API reads: well above a 12,000-character answer in any script. */
const MAX_BODY_BYTES = 64 * 1024;

/** Printable ASCII, as Stripe and the IETF draft have it; the widget sends a UUID. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The reference server's API, mounted under `/api`. Handlers validate with the contract's
 * schemas, hand writes to the rules (domain/) and reads to the Store, and answer every
 * error with the envelope. Every write goes through `write()`: a known viewer, the
 * idempotency key, the hourly limit and the write itself, in one transaction.
 */
export function createApi({
  store,
  config: given = {},
  log = console.log,
  identify = viewerFromBearerToken,
  render: renderHtml = renderInPool,
  onMailQueued,
}: AppOptions) {
  const config: ApiConfig = {...apiDefaults, ...given};
  const {mail} = config;
  const notices = new Notices(mail, onMailQueued);
  const api = new Hono<Env>();
  let hashIp: Promise<(ip: string) => string> | undefined;

  const allowCors = cors({
    origin: (origin) => (originAllowed(origin, config.allowedOrigins) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposeHeaders: ['Retry-After'],
    maxAge: 86_400,
  });

  // Only requests that carry a body are limited: on a GET the check would build the
  // full request object just to find it empty, which costs every thread read.
  const tooLarge = (c: Context) =>
    sendError(c, new ApiError(413, 'payload_too_large', 'The request body is too large'));
  const limitBody = bodyLimit({maxSize: MAX_BODY_BYTES, onError: tooLarge});

  // Who is asking: an unknown or stale token reads as a new, anonymous reader.
  const identified = async (c: Context<Env>, next: Next) => {
    c.set('viewerId', await identify(c, store));
    await next();
  };

  /**
   * What every request goes through, as one middleware: the request line for the log,
   * CORS, the body limit and who is asking. (As four, their hand-offs cost a thread read
   * a sixth of its throughput, npm run bench.) CORS runs only for requests that carry an
   * `Origin`: the others are not cross-origin, and Hono's CORS would build a response
   * object early to add headers they do not need. Every answer still varies on `Origin`.
   */
  api.use(async (c, next) => {
    const start = performance.now();
    const method = c.req.method;
    const rest = async () => {
      if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return identified(c, next);
      // A body of a stated length (what every browser and client sends) is judged by its
      // header and then read straight from the socket (jsonBody). Hono's bodyLimit would
      // first build a whole fetch Request to look at the body: that cost a vote a fifth of
      // its time. A body without a length is streamed through bodyLimit, which counts it.
      const length = c.req.header('content-length');
      if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
        if (Number(length) > MAX_BODY_BYTES) c.res = tooLarge(c);
        else await identified(c, next);
        return;
      }
      const refused = await limitBody(c, () => identified(c, next));
      if (refused) c.res = refused;
    };
    // Set before the answer is made: a header added to a made answer costs a copy of it.
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', REFERRER_POLICY);
    if (c.req.header('origin') === undefined) {
      c.header('Vary', 'Origin');
      await rest();
    } else {
      const preflight = await allowCors(c, rest);
      if (preflight) c.res = preflight;
    }
    const ms = (performance.now() - start).toFixed(1);
    log(`${method} ${loggable(c.req.path)} ${c.res.status} ${ms}ms`);
  });

  /** The keyed hash of the client's address; the address itself goes no further. */
  async function ipHash(c: Context): Promise<string | null> {
    const ip = clientIp(c, config.trustProxy);
    if (!ip) return null;
    hashIp ??= (config.ipKey ? Promise.resolve(config.ipKey) : store.ipKey()).then(ipHasher);
    return (await hashIp)(ip);
  }

  function requireViewer(c: Context<Env>): string {
    const viewerId = c.get('viewerId');
    if (viewerId) return viewerId;
    throw new ApiError(
      401,
      'unauthorized',
      bearerToken(c)
        ? 'This viewer token is not known here: get a new one with POST /viewer'
        : 'Writing needs a viewer token: get one with POST /viewer and send it as "Authorization: Bearer <token>"',
      {headers: {'WWW-Authenticate': 'Bearer'}},
    );
  }

  /**
   * Runs a write exactly once: a retry with the same `Idempotency-Key` gets the first
   * response back (with `Idempotent-Replayed: true`), and `action` counts against the
   * hourly limits of the viewer and of their address.
   */
  async function write(
    c: Context<Env>,
    scope: string,
    /** `input`: the request's validated value, which its fingerprint is taken from. */
    options: {action?: LimitedAction; input?: unknown},
    run: (tx: Repository) => Promise<WriteResponse>,
  ) {
    const key = c.req.header('idempotency-key') ?? null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
      const message = 'Use 1 to 255 printable ASCII characters, such as a UUID';
      throw new ApiError(400, 'validation', `Invalid Idempotency-Key: ${message}`, {
        fields: {'Idempotency-Key': message},
      });
    }
    const {action} = options;
    const outcome = await store.write(
      {
        scope,
        idempotencyKey: key,
        // Only a keyed write is ever compared with an earlier one.
        fingerprint: key === null ? '' : fingerprint(c.req.method, c.req.path, options.input),
        limit: action && {
          action,
          subjects: {viewerId: scope, ipHash: await ipHash(c)},
          limits: config.rateLimits,
        },
      },
      run,
    );
    if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(outcome.body as object, outcome.status as ContentfulStatusCode);
  }

  /** The HTML of a body, or a 400 that says why it is too complex to show. */
  async function render(body: string): Promise<string> {
    try {
      return await renderHtml(body);
    } catch (error) {
      if (!(error instanceof TooComplexError)) throw error;
      throw new ApiError(400, 'validation', error.message, {
        fields: {body: error.message},
        reason: 'too-complex',
      });
    }
  }

  /**
   * An answer's or a comment's text made fit to store (text.ts) and rendered, before the
   * write's transaction opens, so rendering never holds the database's one writer.
   */
  async function newPostText(
    kind: 'answer' | 'comment',
    post: {body: string; displayName?: string},
  ) {
    const body = bodyText(kind, post.body);
    const displayName = post.displayName && cleanText(post.displayName, {multiline: false});
    return {body, html: await render(body), displayName: displayName || undefined};
  }

  /**
   * The page a write was made on, for the links in its mails: an http(s) URL of an origin
   * allowed to embed the widget (or this server's own), without its fragment. Anything
   * else is ignored, and mails link to the question's last known page.
   */
  function pageOf(given: string | undefined): string | null {
    if (!given || !mail) return null;
    try {
      const url = new URL(given);
      const own = url.origin === new URL(mail.publicUrl).origin;
      if (!/^https?:$/.test(url.protocol) || url.username || url.password) return null;
      if (!own && !originAllowed(url.origin, config.allowedOrigins)) return null;
      url.hash = '';
      return url.href;
    } catch {
      return null;
    }
  }

  /** What a new post brings for mail: an address only when mail can be sent and the reader asked. */
  function mailOf(
    viewerId: string,
    input: {notify?: boolean; email?: string; locale?: string; page?: string},
  ): PostedMail {
    return {
      viewerId,
      email: notices.enabled && input.notify ? (input.email ?? null) : null,
      locale: mailLocale(input.locale),
      page: pageOf(input.page),
    };
  }

  api.get('/openapi.json', (c) => c.json(openApiDocument(new URL('.', c.req.url).pathname)));

  // For a load balancer: 200 while the database answers, 503 while it does not.
  api.get('/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await store.ping();
      return c.json({ok: true});
    } catch {
      return c.json({ok: false}, 503);
    }
  });

  // Reading.

  api.get('/settings', (c) => c.json({notifications: notices.enabled}));

  api.get('/questions/:id', async (c) => {
    const id = validate(Id, c.req.param('id'), 'question id');
    const query = validate(ThreadQuery, c.req.query(), 'query');
    const viewerId = c.get('viewerId');
    const limited = viewerId
      ? await store.limitsUsedUp({viewerId, ipHash: await ipHash(c)}, config.rateLimits)
      : undefined;
    const thread = await store.getThread(id, {...query, viewerId, limited});
    if (!thread) throw new ApiError(404, 'not_found', `No question "${id}"`);
    return c.json(thread);
  });

  api.get('/posts/:id/comments', async (c) => {
    const id = validate(Id, c.req.param('id'), 'post id');
    const query = validate(CommentsQuery, c.req.query(), 'query');
    const page = await store.getComments(id, {viewerId: c.get('viewerId'), cursor: query.cursor});
    if (!page) throw notFound('post', id);
    return c.json(page);
  });

  // Writing, as a viewer.

  api.post('/viewer', async (c) => {
    // No idempotency key: there is no viewer to keep it for yet, and a lost response
    // costs only an unused viewer. The limit per address stops a script minting thousands.
    const subjects: RateSubjects = {viewerId: null, ipHash: await ipHash(c)};
    const outcome = await store.write(
      {
        scope: 'new-viewer',
        idempotencyKey: null,
        fingerprint: '',
        limit: {action: 'viewers', subjects, limits: config.rateLimits},
      },
      async (tx) => ({status: 201, body: {token: (await tx.createViewer()).token}}),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(outcome.body as object, 201);
  });

  /** An answer to a question, or a comment on a question or an answer: one handler. */
  const newPost = (kind: 'answer' | 'comment') => async (c: Context<Env>) => {
    const viewerId = requireViewer(c);
    const parentId = validate(Id, c.req.param('id'), kind === 'answer' ? 'question id' : 'post id');
    const input = validate(kind === 'answer' ? NewAnswer : NewComment, await jsonBody(c), kind);
    const post = {
      ...(await newPostText(kind, input)),
      viewerId,
      premoderate: config.premoderate,
    };
    const mailed = mailOf(viewerId, input);
    const action = kind === 'answer' ? 'answers' : 'comments';
    const response = await write(c, viewerId, {action, input}, async (tx) => {
      const created = await addPost(tx, kind, parentId, post);
      await notices.posted(tx, created.id, mailed);
      return {status: 201, body: created};
    });
    notices.wake();
    return response;
  };
  api.post('/questions/:id/answers', newPost('answer'));
  api.post('/posts/:id/comments', newPost('comment'));

  api.put('/posts/:id/vote', async (c) => {
    const viewerId = requireViewer(c);
    const postId = validate(Id, c.req.param('id'), 'post id');
    const request = validate(VoteRequest, await jsonBody(c), 'vote');
    return write(c, viewerId, {action: 'votes', input: request}, async (tx) => ({
      status: 200,
      body: await vote(tx, postId, viewerId, request.value),
    }));
  });

  api.put('/questions/:id/accepted-answer', async (c) => {
    const viewerId = requireViewer(c);
    const questionId = validate(Id, c.req.param('id'), 'question id');
    const accept = validate(AcceptRequest, await jsonBody(c), 'best answer');
    const response = await write(c, viewerId, {input: accept}, async (tx) => {
      // Locks the question for the transaction, so `before` is the choice this write replaces.
      const before =
        (await tx.findPost(questionId, {forUpdate: true}))?.question.acceptedAnswerId ?? null;
      await chooseBestAnswer(tx, questionId, accept.answerId, viewerId);
      await notices.chosen(tx, accept.answerId, before, viewerId);
      return {status: 200, body: {acceptedAnswerId: accept.answerId}};
    });
    notices.wake();
    return response;
  });

  api.delete('/questions/:id/accepted-answer', async (c) => {
    const viewerId = requireViewer(c);
    const questionId = validate(Id, c.req.param('id'), 'question id');
    return write(c, viewerId, {}, async (tx) => {
      await chooseBestAnswer(tx, questionId, null, viewerId);
      return {status: 200, body: {acceptedAnswerId: null}};
    });
  });

  api.post('/posts/:id/flags', async (c) => {
    const viewerId = requireViewer(c);
    const postId = validate(Id, c.req.param('id'), 'post id');
    const given = validate(NewFlag, await jsonBody(c), 'flag');
    const response = await write(c, viewerId, {action: 'flags', input: given}, async (tx) => {
      const before = (await tx.findPost(postId))?.status;
      await flag(tx, postId, viewerId, given, config.flagThreshold);
      if (before === 'published' && (await tx.findPost(postId))?.status === 'hidden')
        await notices.forModerators(tx, postId, 'hidden');
      return {status: 201, body: {flagged: true}};
    });
    notices.wake();
    return response;
  });

  api.patch('/posts/:id', async (c) => {
    const viewerId = requireViewer(c);
    const postId = validate(Id, c.req.param('id'), 'post id');
    const edit = validate(PostEdit, await jsonBody(c), 'edit');
    const body = cleanText(edit.body, {multiline: true});
    const html = await render(body);
    const premoderate = config.premoderate;
    const response = await write(c, viewerId, {action: 'edits', input: edit}, async (tx) => {
      const before = (await tx.findPost(postId))?.status;
      const edited = await editPost(tx, postId, {viewerId, body, html, premoderate});
      if (before === 'published' && edited?.status === 'pending')
        await notices.forModerators(tx, postId, 'pending');
      return {status: 200, body: edited};
    });
    notices.wake();
    return response;
  });

  api.delete('/posts/:id', async (c) => {
    const viewerId = requireViewer(c);
    const postId = validate(Id, c.req.param('id'), 'post id');
    return write(c, viewerId, {}, async (tx) => {
      await removePost(tx, postId, viewerId);
      return {status: 200, body: {id: postId, removed: true}};
    });
  });

  // The site owner and the moderators.

  api.post('/questions', async (c) => {
    requireToken(c, config.adminToken, 'admin', 'QUANDA_ADMIN_TOKEN');
    const data = questionText(validate(NewQuestion, await jsonBody(c), 'question'));
    const html = await render(data.body);
    const created = await store.transaction((tx) => createQuestion(tx, {...data, html}));
    return c.json(created, 201);
  });

  api.get('/moderation/posts', async (c) => {
    requireToken(c, config.moderatorToken, 'moderator', 'QUANDA_MODERATOR_TOKEN');
    const {status} = validate(ModerationQuery, c.req.query(), 'query');
    return c.json(await store.moderationQueue(status));
  });

  api.post('/moderation/posts/:id', async (c) => {
    requireToken(c, config.moderatorToken, 'moderator', 'QUANDA_MODERATOR_TOKEN');
    const postId = validate(Id, c.req.param('id'), 'post id');
    const moderation = validate(ModerationAction, await jsonBody(c), 'moderation');
    const {action} = moderation;
    const response = await write(c, 'moderator', {input: moderation}, async (tx) => {
      const before = (await tx.postFacts(postId))?.status;
      const moderated = await moderate(tx, postId, action);
      // Approved after waiting: news for whoever follows the thread, as a new post is.
      if (before === 'pending' && moderated.status === 'published')
        await notices.approved(tx, postId);
      return {status: 200, body: moderated};
    });
    notices.wake();
    return response;
  });

  // Boards: a topic's questions, search, similar questions, asking (board-routes.ts).
  if (store instanceof KyselyStore) {
    const allowed = (origin: string) => originAllowed(origin, config.allowedOrigins);
    boardRoutes(api, {
      ...{store, config, originAllowed: allowed, ipHash, requireViewer, render, write},
      ...{notices, mailOf},
    });
  }

  api.notFound((c) => sendError(c, new ApiError(404, 'not_found', 'No such API route')));

  api.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error);
    if (error instanceof RuleError) {
      const {code, message, fields, reason} = error;
      return sendError(c, new ApiError(RULE_STATUS[code], code, message, {fields, reason}));
    }
    if (error instanceof InvalidCursorError) {
      return sendError(
        c,
        new ApiError(400, 'validation', error.message, {fields: {cursor: error.message}}),
      );
    }
    if (error instanceof IdempotencyKeyReusedError) {
      return sendError(c, new ApiError(422, 'idempotency_key_reused', error.message));
    }
    if (error instanceof RateLimitedError) {
      return sendError(
        c,
        new ApiError(429, 'rate_limited', error.message, {
          headers: {'Retry-After': String(error.retryAfter)},
        }),
      );
    }
    if (isUnavailable(error)) {
      // One line, not a stack: while the database is away there is one for every request.
      console.error(`Quanda: the database did not answer: ${error.message}`);
      return sendError(
        c,
        new ApiError(
          503,
          'unavailable',
          'The database is not answering now: try again in a moment',
          {
            headers: {'Retry-After': '1'},
          },
        ),
      );
    }
    // The stack, not the error object: no request data goes into the log.
    console.error(error instanceof Error ? error.stack : 'Unknown error');
    return sendError(c, new ApiError(500, 'internal', 'The server ran into a problem'));
  });

  return api;
}

function requireToken(c: Context, token: string | null, who: string, variable: string) {
  if (!token) {
    throw new ApiError(403, 'forbidden', `The ${who} API is off: set ${variable} to use it`);
  }
  // Digests of equal length: comparing the tokens themselves would tell their length.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!timingSafeEqual(digest(bearerToken(c) ?? ''), digest(token))) {
    throw new ApiError(401, 'unauthorized', `This needs the ${who} token`, {
      headers: {'WWW-Authenticate': 'Bearer'},
    });
  }
}

/**
 * The address the request came from: the socket's peer, or behind `proxies` trusted
 * reverse proxies the entry of `X-Forwarded-For` the outermost one saw (the Nth from the
 * end; earlier ones anyone can write), when it is a valid IP address.
 */
function clientIp(c: Context, proxies: number): string | null {
  if (proxies > 0) {
    const entries = c.req.header('x-forwarded-for')?.split(',') ?? [];
    const forwarded = entries.at(-proxies)?.trim();
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // not served by node (app.request in tests): no address to count
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Pages on localhost may always embed; others only when listed (or with `*`). */
export function originAllowed(origin: string, allowed: string[] | '*'): boolean {
  // `null` is the origin of sandboxed frames and local files: any page can claim it.
  if (!origin || origin === 'null') return false;
  if (allowed === '*') return true;
  if (allowed.includes(origin)) return true;
  try {
    return LOCAL_HOSTS.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}
