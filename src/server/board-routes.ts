/**
 * The API's board routes: a topic's questions (list, sort, cursor, search), similar
 * questions while a title is typed, and asking. Topics are scoped by the page's origin,
 * taken from the request (`Origin`, sent by browsers with every cross-origin request and
 * every POST; a request without one is the server's own origin), never from the body.
 */
import type {Context, Hono} from 'hono';
import {BoardQuery, SimilarQuery, boardLimits} from '../api/board.js';
import {AskedQuestion} from '../api/requests.js';
import type {LimitedAction, ServerConfig} from './config.js';
import {titleText} from './domain/posts.js';
import {askQuestion, canAsk} from './domain/questions.js';
import {bodyText} from './domain/posts.js';
import {jsonBody, validate} from './http.js';
import type {Notices, PostedMail} from './domain/notifications.js';
import type {Repository} from './domain/repository.js';
import {KyselyRepository} from './repository.js';
import {KyselyStore} from './store.js';
import type {Store, WriteResponse} from './store.js';
import {cleanText} from './text.js';
import {Topics} from './topics.js';

type Env = {Variables: {viewerId: string | null}};

/** What the routes borrow from `createApi`: the pieces every route there uses. */
export interface BoardHelpers {
  store: Store;
  config: Pick<ServerConfig, 'ask' | 'premoderateQuestions' | 'rateLimits'>;
  /** Whether pages on this origin may embed (QUANDA_ALLOWED_ORIGINS, localhost). */
  originAllowed(origin: string): boolean;
  ipHash(c: Context): Promise<string | null>;
  requireViewer(c: Context<Env>): string;
  render(body: string): Promise<string>;
  /** Mail: the asker may ask to hear of answers, as an answer's author does. */
  notices: Notices;
  mailOf(viewerId: string, input: AskedQuestion): PostedMail;
  write(
    c: Context<Env>,
    scope: string,
    options: {action?: LimitedAction; input?: unknown},
    run: (tx: Repository) => Promise<WriteResponse>,
  ): Promise<Response>;
}

/** The origin whose page asked: its `Origin`, or this server's own. */
export function pageOrigin(c: Context): string {
  const origin = c.req.header('origin');
  return origin && origin !== 'null' ? origin : new URL(c.req.url).origin;
}

/** Pages of the server's own site, on localhost, or listed in QUANDA_ALLOWED_ORIGINS may make topics. */
function mayMakeTopics(c: Context, helpers: BoardHelpers): boolean {
  const origin = pageOrigin(c);
  return origin === new URL(c.req.url).origin || helpers.originAllowed(origin);
}

/** The board's queries on the reference store's database, or on a write's transaction. */
function topicsOf(store: Store | Repository): Topics {
  if (store instanceof KyselyStore) return new Topics(store.db);
  if (store instanceof KyselyRepository) return new Topics(store.kysely);
  throw new Error('Boards need the Kysely store');
}

export function boardRoutes(api: Hono<Env>, helpers: BoardHelpers) {
  const {store, config} = helpers;
  const topics = topicsOf(store);

  /** Whether this viewer may ask on a topic now. */
  async function askPermission(c: Context<Env>, topic: Parameters<typeof canAsk>[1]) {
    const viewerId = c.get('viewerId');
    const limited = viewerId
      ? (
          await store.limitsUsedUp({viewerId, ipHash: await helpers.ipHash(c)}, config.rateLimits)
        ).has('questions')
      : false;
    const rules = {ask: config.ask, originAllowed: mayMakeTopics(c, helpers)};
    return canAsk(rules, topic, limited);
  }

  api.get('/topics/questions', async (c) => {
    const query = validate(BoardQuery, c.req.query(), 'query');
    const viewerId = c.get('viewerId');
    const topic = await topics.find(pageOrigin(c), query.topic);
    const canAsk = await askPermission(c, topic);
    // A topic with no questions yet is an empty list, not an error; so is a query too
    // short to search.
    if (!topic) return c.json({items: [], nextCursor: null, canAsk});
    if (query.q !== undefined && query.q.trim()) {
      const found =
        [...query.q.trim()].length < boardLimits.query.min
          ? []
          : await topics.search(topic.id, query.q, viewerId);
      return c.json({items: found, nextCursor: null, canAsk});
    }
    const page = await topics.list(topic.id, {...query, viewerId});
    return c.json({...page, canAsk});
  });

  api.get('/topics/similar', async (c) => {
    const query = validate(SimilarQuery, c.req.query(), 'query');
    const origin = pageOrigin(c);
    const topic = await topics.find(origin, query.topic);
    return c.json({items: await topics.similar(origin, topic?.id, query.q)});
  });

  api.post('/topics/questions', async (c) => {
    const viewerId = helpers.requireViewer(c);
    const input = validate(AskedQuestion, await jsonBody(c), 'question');
    const title = titleText(input.title);
    const body = bodyText('question', input.body);
    const html = await helpers.render(body);
    const displayName = cleanText(input.displayName ?? '', {multiline: false}) || null;
    const pageTitle = cleanText(input.pageTitle ?? '', {multiline: false}) || null;
    const origin = pageOrigin(c);
    const rules = {
      ask: config.ask,
      originAllowed: mayMakeTopics(c, helpers),
      premoderate: config.premoderateQuestions,
    };
    const mailed = helpers.mailOf(viewerId, input);
    const response = await helpers.write(c, viewerId, {action: 'questions', input}, async (tx) => {
      const now = new Date().toISOString();
      const id = await askQuestion(topicsOf(tx), rules, {
        ...{origin, topic: input.topic, pageTitle, title, body, html, displayName},
        viewerId,
        now,
      });
      // The asker's address, to hear of answers; moderators hear of one waiting for them.
      await helpers.notices.posted(tx, id, mailed);
      return {status: 201, body: await tx.getPost(id, viewerId)};
    });
    helpers.notices.wake();
    return response;
  });
}
