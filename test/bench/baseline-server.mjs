// @ts-check
/**
 * The server benchmark's baseline: a plain `node:http` handler that runs the very SQL the
 * reference server ran (captured through the Store's `onQuery` hook, see sql-plan.mjs) on
 * better-sqlite3 with the same pragmas, and answers with the rows as JSON. No framework,
 * no query builder, no validation, no mapping: what the hardware and SQLite allow.
 *
 *   node test/bench/baseline-server.mjs <db file> <plan json file>
 *
 * Prints `listening at http://127.0.0.1:<port>` once it is ready.
 */
import Database from 'better-sqlite3';
import {readFileSync} from 'node:fs';
import {serveBaseline} from './baseline-http.mjs';

/**
 * @typedef {{literal: unknown} | {bind: string}} PlanParameter
 * @typedef {{sql: string, parameters: PlanParameter[]}} PlanStatement
 * @typedef {{[scenario: string]: PlanStatement[]}} Plan
 *   One captured plan per benchmark scenario; each request names its scenario in the
 *   `x-bench-plan` header. A parameter is either the value the reference server used, or
 *   the name of a value taken from the request: questionId, postId, tokenHash, viewerId,
 *   now, idempotencyKey.
 */

const [file, planFile] = process.argv.slice(2);
if (!file || !planFile) throw new Error('usage: baseline-server.mjs <db file> <plan json file>');
/** @type {Plan} */
const plan = JSON.parse(readFileSync(planFile, 'utf8'));

const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');

// Prepared once, as any hand-written server would.
const plans = Object.fromEntries(
  Object.entries(plan).map(([scenario, statements]) => [
    scenario,
    statements.map(({sql, parameters}) => ({statement: db.prepare(sql), parameters})),
  ]),
);

/**
 * Runs one scenario's statements in order; the viewer id comes from the token lookup's
 * row, as it does in the reference server.
 * @param {string} scenario
 * @param {Record<string, unknown>} bound
 */
function run(scenario, bound) {
  const results = [];
  for (const {statement, parameters} of plans[scenario] ?? []) {
    const values = parameters.map((p) => ('bind' in p ? bound[p.bind] : p.literal));
    if (statement.reader) {
      const rows = statement.all(...values);
      if (parameters.some((p) => 'bind' in p && p.bind === 'tokenHash')) {
        bound['viewerId'] = /** @type {{id?: string} | undefined} */ (rows[0])?.id ?? null;
      }
      results.push(rows);
    } else {
      results.push(statement.run(...values).changes);
    }
  }
  return results;
}

serveBaseline((scenario) => scenario in plans, run);
