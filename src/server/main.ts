/**
 * `npm start`: the reference server with the demo site, on the database `QUANDA_DB` names:
 * a SQLite file (created, migrated and seeded on first run) or a PostgreSQL URL.
 *
 * At start it waits for the database (PostgreSQL may still be starting), telling each try
 * in one line, and exits non-zero when it never answers or cannot be migrated. On SIGTERM
 * (or SIGINT) it stops accepting connections, lets the requests in flight finish, closes
 * the database and exits 0.
 */
import {serve} from '@hono/node-server';
import type {Server} from 'node:http';
import {createApi} from './app.js';
import {configFromEnv} from './config.js';
import {isUniqueViolation} from './db/errors.js';
import {migrateToLatest} from './db/migrations.js';
import {describeDatabase, openDatabase, waitForDatabase} from './db/open.js';
import {seedDemo} from './seed.js';
import {createSite} from './site.js';
import {KyselyStore} from './store.js';

/** How long the requests in flight may take to finish once asked to stop. */
const SHUTDOWN_GRACE_MS = 30_000;

const config = configFromEnv();
const name = describeDatabase(config.database);
const db = openDatabase(config.database, config.pool);
try {
  await waitForDatabase(db, {attempts: config.connectAttempts, name, log: console.error});
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`Quanda: database ${name} migrated (${applied.join(', ')})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error('Quanda: not started.');
  await db.destroy().catch(() => {});
  process.exit(1);
}
const store = new KyselyStore(db);
if (config.seed) {
  try {
    if (await seedDemo(db)) console.log('Quanda: seeded the demo thread');
  } catch (error) {
    // Another instance starting on the same database seeded it first.
    if (!isUniqueViolation(error)) throw error;
  }
}

const site = createSite(createApi({store, config}));

// Idempotency keys are kept a day and rate counters an hour: no IP hash outlives its use.
const purge = () =>
  store.purgeExpired().catch((error: unknown) => console.error('Quanda: purge failed', error));
await purge();
const purging = setInterval(() => void purge(), 10 * 60_000);
purging.unref();
const server = serve({fetch: site.fetch, port: config.port, hostname: config.host}, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`Quanda: serving ${name}`);
  console.log(`Quanda is running at http://${host}:${info.port}/`);
}) as Server;

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Quanda: ${signal}: finishing the requests in flight, then stopping`);
  clearInterval(purging);
  // No new connections; idle keep-alive ones close now, busy ones after their response.
  server.close(() => {
    void store.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  server.closeIdleConnections();
  setTimeout(() => {
    console.error(`Quanda: requests still running after ${SHUTDOWN_GRACE_MS / 1000} s; stopping`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
