/**
 * `npm start`: the reference server with the demo site, on a SQLite file that is created,
 * migrated and seeded on first run.
 */
import {serve} from '@hono/node-server';
import {createApi} from './app.js';
import {configFromEnv} from './config.js';
import {openSqlite} from './db/database.js';
import {migrateToLatest} from './db/migrations.js';
import {seedDemo} from './seed.js';
import {createSite} from './site.js';
import {KyselyStore} from './store.js';

const config = configFromEnv();
const db = openSqlite(config.database);
const applied = await migrateToLatest(db);
if (applied.length)
  console.log(`Quanda: database ${config.database} migrated (${applied.join(', ')})`);
const store = new KyselyStore(db);
if (config.seed && (await seedDemo(db))) console.log('Quanda: seeded the demo thread');

const site = createSite(createApi({store, config}));

// Idempotency keys are kept a day and rate counters an hour: no IP hash outlives its use.
const purge = () =>
  store.purgeExpired().catch((error: unknown) => console.error('Quanda: purge failed', error));
await purge();
const purging = setInterval(() => void purge(), 10 * 60_000);
purging.unref();
const server = serve({fetch: site.fetch, port: config.port, hostname: config.host}, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`Quanda is running at http://${host}:${info.port}/`);
});

function stop() {
  clearInterval(purging);
  server.close(() => void store.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
