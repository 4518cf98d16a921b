// @ts-check
/**
 * Captures the SQL the reference server runs for a request, through the `onQuery` hook of
 * `openSqlite`, so the baseline server replays exactly that SQL rather than a hand-copied
 * version that drifts as the Store changes. The request goes through the real API (Hono
 * routes, middleware, Store) in this process, on the benchmark's own database.
 *
 * Parameters that came from the request (ids, the token's hash, the viewer it belongs to,
 * timestamps, the idempotency key) become bindings; every other parameter is kept as the
 * reference server sent it.
 */
import Database from 'better-sqlite3';
import {createHash} from 'node:crypto';
import {createApi} from '../../src/server/app.js';
import pg from 'pg';
import {openDatabase} from '../../src/server/db/open.js';
import {vote} from '../../src/server/domain/votes.js';
import {KyselyStore} from '../../src/server/store.js';

/** @typedef {import('./baseline-server.mjs').PlanStatement} PlanStatement */

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * @param {{sql: string, parameters: readonly unknown[]}[]} queries
 * @param {Record<string, string>} bindings  binding name → the value it had in the probe
 * @returns {PlanStatement[]}
 */
export function toPlan(queries, bindings) {
  return queries.map(({sql, parameters}) => ({
    sql,
    parameters: parameters.map((value) => {
      if (typeof value === 'string') {
        const name = Object.keys(bindings).find((key) => bindings[key] === value);
        if (name) return {bind: name};
        if (ISO_TIME.test(value)) return {bind: 'now'};
      }
      return {literal: value};
    }),
  }));
}

/**
 * Opens the database with a query log and the API on top of it.
 * @param {string} file
 */
function probe(file) {
  /** @type {{sql: string, parameters: readonly unknown[]}[]} */
  const queries = [];
  const db = openDatabase(file, {onQuery: (sql, parameters) => queries.push({sql, parameters})});
  const store = new KyselyStore(db);
  const api = createApi({store, config: {adminToken: null, allowedOrigins: []}, log: () => {}});
  return {queries, store, api};
}

/**
 * The SQL of `GET /api/questions/:id` for an anonymous reader.
 * @param {string} file
 * @param {string} questionId
 */
export async function captureThread(file, questionId) {
  const {queries, store, api} = probe(file);
  try {
    const response = await api.request(`/questions/${questionId}`);
    if (response.status !== 200) {
      throw new Error(`GET /questions/${questionId} answered ${response.status} while probing`);
    }
    return {plan: toPlan(queries, {questionId}), queries: queries.length};
  } finally {
    await store.close();
  }
}

/**
 * The SQL of a board's read (`GET /api/topics/…`) from a page of `origin`, every value as
 * the probe's request had it (the benchmark sends that same request).
 * @param {string} file
 * @param {string} path  under the API, with its query
 * @param {string} origin
 */
export async function captureBoard(file, path, origin) {
  const {queries, store, api} = probe(file);
  try {
    const response = await api.request(path, {headers: {origin}});
    if (response.status !== 200)
      throw new Error(`GET ${path} answered ${response.status} while probing`);
    const body = /** @type {{items: unknown[]}} */ (await response.json());
    if (!body.items.length) throw new Error(`GET ${path} found nothing while probing`);
    return {plan: toPlan(queries, {})};
  } finally {
    await store.close();
  }
}

/**
 * The SQL of `PUT /api/posts/:id/vote`. While that route is not there (the server answers
 * 404), the SQL of the Store calls it will make (`viewerIdForToken`, `setVote`) stands in,
 * so the baseline has a figure either way.
 * @param {string} file
 * @param {{postId: string, token: string, viewerId: string}} who
 * @returns {Promise<{plan: PlanStatement[], source: 'route' | 'store'}>}
 */
export async function captureVote(file, {postId, token, viewerId}) {
  const {queries, store, api} = probe(file);
  const idempotencyKey = `bench-probe-${Date.now()}`;
  const tokenHash = createHash('sha256').update(token).digest('base64url');
  const bindings = {postId, tokenHash, viewerId, idempotencyKey};
  try {
    const response = await api.request(`/posts/${postId}/vote`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: JSON.stringify({value: 1}),
    });
    if (response.status !== 404) {
      if (!response.ok) {
        throw new Error(`PUT /posts/${postId}/vote answered ${response.status} while probing`);
      }
      return {plan: toPlan(queries, bindings), source: 'route'};
    }
    queries.length = 0;
    const found = await store.viewerIdForToken(token);
    if (found !== viewerId) throw new Error(`token of ${viewerId} not found while probing`);
    await store.transaction((tx) => vote(tx, postId, viewerId, 1));
    return {plan: toPlan(queries, bindings), source: 'store'};
  } finally {
    await store.close();
  }
}

/**
 * What SQLite's planner says it will do for each statement of a plan that is not an index
 * lookup: a full table scan or a sort in a temporary b-tree, either of which grows with
 * the database. Empty means every statement is index lookups and ranges, so its cost does
 * not depend on how many posts there are.
 * @param {string} file
 * @param {PlanStatement[]} plan
 */
export function slowPlans(file, plan) {
  const db = new Database(file, {readonly: true});
  try {
    /** @type {string[]} */
    const found = [];
    for (const {sql, parameters} of plan) {
      if (!/^\s*(select|update|delete|insert)\b/i.test(sql)) continue;
      // Bound values do not change the plan (SQLite plans without them), so null will do.
      const values = parameters.map((p) => ('literal' in p ? p.literal : null));
      /** @type {{detail: string}[]} */
      const steps = /** @type {any[]} */ (db.prepare(`explain query plan ${sql}`).all(...values));
      // A scan of a subquery's own rows (a co-routine or a materialized view) reads
      // what its inner steps, checked here too, produced; only a table scan grows.
      const subqueries = new Set(
        steps.flatMap(({detail}) => /^(?:CO-ROUTINE|MATERIALIZE) (.+)$/.exec(detail)?.[1] ?? []),
      );
      for (const {detail} of steps) {
        const scanned = /^SCAN (\S+)/.exec(detail)?.[1];
        if (scanned && subqueries.has(scanned)) continue;
        if (scanned || /TEMP B-TREE/.test(detail)) found.push(detail);
      }
    }
    return found;
  } finally {
    db.close();
  }
}

/**
 * What PostgreSQL's planner says for the plan's statements on the benchmark's database: a
 * sequential scan of a table of 1,000 rows or more, or a sort, either of which grows with
 * the database. Each
 * statement is explained with the values of one sample request (`sample`: binding → value).
 * @param {string} url
 * @param {PlanStatement[]} plan
 * @param {Record<string, unknown>} sample
 */
export async function slowPlansPostgres(url, plan, sample) {
  const client = new pg.Client({connectionString: url});
  await client.connect();
  try {
    const {rows: tables} = await client.query(
      `select relname, reltuples::bigint as rows from pg_class
        where relkind = 'r' and relnamespace = current_schema()::regnamespace`,
    );
    const sizes = new Map(tables.map((table) => [table.relname, Number(table.rows)]));
    /** @type {string[]} */
    const found = [];
    for (const {sql, parameters} of plan) {
      if (!/^\s*(select|update|delete|insert)\b/i.test(sql)) continue;
      const values = parameters.map((p) => ('literal' in p ? p.literal : sample[p.bind]));
      const {rows} = await client.query(`explain (format json) ${sql}`, values);
      /** @param {any} node */
      const walk = (node) => {
        // An empty table (the idempotency keys of a fresh database) is read whole, cheaply;
        // a scan of one that holds the benchmark's rows is what grows.
        const rows = sizes.get(node['Relation Name']) ?? 0;
        if (node['Node Type'] === 'Seq Scan' && rows >= 1000) {
          found.push(`Seq Scan on ${node['Relation Name']} (${rows} rows)`);
        }
        if (node['Node Type'] === 'Sort')
          found.push(`Sort (${(node['Sort Key'] ?? []).join(', ')})`);
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(rows[0]['QUERY PLAN'][0].Plan);
    }
    return found;
  } finally {
    await client.end();
  }
}
