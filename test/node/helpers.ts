import {createApi} from '../../src/server/app.js';
import type {ServerConfig} from '../../src/server/config.js';
import {openSqlite} from '../../src/server/db/database.js';
import {migrateToLatest} from '../../src/server/db/migrations.js';
import {KyselyStore} from '../../src/server/store.js';

export const ADMIN = 'admin-token-for-tests-0123456789';

/** The real API on a real (in-memory) SQLite database, with its log lines captured. */
export async function makeApi(config: Partial<ServerConfig> = {}, clock?: () => Date) {
  const db = openSqlite(':memory:');
  await migrateToLatest(db);
  const store = new KyselyStore(db, {clock});
  const logs: string[] = [];
  const api = createApi({
    store,
    config: {adminToken: ADMIN, allowedOrigins: [], ...config},
    log: (line) => logs.push(line),
  });
  const request = (path: string, init: RequestInit = {}) => api.request(path, init);
  const json = async (path: string, init: RequestInit = {}) => {
    const response = await request(path, init);
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as any,
    };
  };
  return {api, db, store, logs, request, json, close: () => store.close()};
}

export function adminPost(body: unknown, token = ADMIN): RequestInit {
  return {
    method: 'POST',
    headers: {'content-type': 'application/json', authorization: `Bearer ${token}`},
    body: JSON.stringify(body),
  };
}
