// @ts-check
/**
 * The server benchmark's PostgreSQL baseline: a plain `node:http` handler that runs the
 * very SQL the reference server ran on PostgreSQL (captured as for baseline-server.mjs)
 * through `pg`'s pool of the same size, one pooled connection per request, each statement
 * prepared once per connection (named), and answers with the rows as JSON. No framework,
 * no query builder, no validation, no mapping.
 *
 *   node test/bench/baseline-pg-server.mjs <postgres url> <plan json file>
 *
 * Prints `listening at http://127.0.0.1:<port>` once it is ready.
 */
import {readFileSync} from 'node:fs';
import pg from 'pg';
import {serveBaseline} from './baseline-http.mjs';

const [url, planFile] = process.argv.slice(2);
if (!url || !planFile)
  throw new Error('usage: baseline-pg-server.mjs <postgres url> <plan json file>');
/** @type {import('./baseline-server.mjs').Plan} */
const plan = JSON.parse(readFileSync(planFile, 'utf8'));
const pool = new pg.Pool({connectionString: url, max: 10});

/**
 * Runs one scenario's statements in order on one connection; the viewer id comes from the
 * token lookup's row, as it does in the reference server.
 * @param {string} scenario
 * @param {Record<string, unknown>} bound
 */
async function run(scenario, bound) {
  const client = await pool.connect();
  try {
    const results = [];
    for (const [i, {sql, parameters}] of (plan[scenario] ?? []).entries()) {
      const values = parameters.map((p) => ('bind' in p ? bound[p.bind] : p.literal));
      // Prepared once per connection (a named statement), as any hand-written server would.
      const name = values.length ? `s${scenario}_${i}` : undefined;
      const {rows} = await client.query({name, text: sql, values});
      if (parameters.some((p) => 'bind' in p && p.bind === 'tokenHash')) {
        bound['viewerId'] = /** @type {{id?: string} | undefined} */ (rows[0])?.id ?? null;
      }
      results.push(rows);
    }
    return results;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

serveBaseline(
  (scenario) => scenario in plan,
  run,
  () => pool.end(),
);
