import {randomUUID} from 'node:crypto';
import {createApi} from '../../src/server/app.js';
import type {ApiConfig} from '../../src/server/app.js';
import {migrateToLatest} from '../../src/server/db/migrations.js';
import {openDatabase} from '../../src/server/db/open.js';
import {KyselyStore} from '../../src/server/store.js';
import {dropDatabase, freshDatabase} from '../support/test-db.mjs';

export const ADMIN = 'admin-token-for-tests-0123456789';
export const MODERATOR = 'moderator-token-for-tests-0123456789';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * The real API on a real database (in-memory SQLite, or a fresh schema on PostgreSQL when
 * QUANDA_TEST_DB says so; `file` is shared by APIs given the same one), its log captured.
 * Requests made through it have no client address unless `from` is given (the address
 * a Node server would see on the socket).
 */
export async function makeApi(
  config: Partial<ApiConfig> = {},
  clock?: () => Date,
  file = ':memory:',
) {
  const target = await freshDatabase(file === ':memory:' ? undefined : file);
  const db = openDatabase(target);
  await migrateToLatest(db);
  const store = new KyselyStore(db, {clock});
  const logs: string[] = [];
  const api = createApi({
    store,
    config: {adminToken: ADMIN, moderatorToken: MODERATOR, allowedOrigins: [], ...config},
    log: (line) => logs.push(line),
  });
  const request = (path: string, init: RequestInit = {}, from?: string) =>
    api.request(path, init, from ? {incoming: {socket: {remoteAddress: from}}} : undefined);
  const json = async (path: string, init: RequestInit = {}, from?: string): Promise<Reply> => {
    const response = await request(path, init, from);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  };

  /** A new anonymous viewer's token. */
  const viewer = async (): Promise<string> => {
    const {status, body} = await json('/viewer', {method: 'POST'});
    if (status !== 201) throw new Error(`POST /viewer answered ${status}`);
    return body.token as string;
  };

  /** A write as the widget sends it: JSON, the viewer's token, and a fresh idempotency key. */
  const send = (
    method: string,
    path: string,
    body: unknown,
    options: {token?: string | null; key?: string | null; from?: string} = {},
  ) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    const key = options.key === undefined ? randomUUID() : options.key;
    if (key !== null) headers['idempotency-key'] = key;
    return json(
      path,
      {method, headers, body: body === undefined ? undefined : JSON.stringify(body)},
      options.from,
    );
  };

  /** A question made by the site owner, and its asker's token. */
  const question = async (id: string, title = `Question ${id} for the tests`) => {
    const created = await json('/questions', adminPost({id, title}));
    if (created.status !== 201) throw new Error(`POST /questions answered ${created.status}`);
    return created.body.askerToken as string;
  };

  return {
    api,
    db,
    store,
    logs,
    request,
    json,
    viewer,
    send,
    question,
    close: async () => {
      await store.close();
      await dropDatabase(target);
    },
  };
}

export type TestApi = Awaited<ReturnType<typeof makeApi>>;

export function adminPost(body: unknown, token = ADMIN): RequestInit {
  return {
    method: 'POST',
    headers: {'content-type': 'application/json', authorization: `Bearer ${token}`},
    body: JSON.stringify(body),
  };
}

export const moderator = {authorization: `Bearer ${MODERATOR}`};

/** Answer text long enough to be one (12 characters at least), different for each `n`. */
export function answerText(n: number | string): string {
  return `This is answer number ${n}, written for the tests.`;
}
