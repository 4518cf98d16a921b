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
import {drainOnClose} from './shutdown.js';
import {createSite} from './site.js';
import {KyselyStore} from './store.js';
import {createMailPages} from './mail/pages.js';
import {MailOutbox} from './mail/outbox.js';
import {MailSender} from './mail/sender.js';

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

// Notification mail, when QUANDA_SMTP_URL is set: a sender loop in this process (any
// number of processes may share the database and each run one), and the pages its links open.
const {mail} = config;
const sender = mail ? new MailSender({db, config: mail}) : null;
const mailPages =
  mail && createMailPages({db, site: new URL(mail.publicUrl).hostname, wake: () => sender?.kick()});
const site = createSite(createApi({store, config, onMailQueued: () => sender?.kick()}), {
  mailPages: mailPages ?? undefined,
});
sender?.start();
if (mail) console.log(`Quanda: notification mail is on, links point to ${mail.publicUrl}`);

// Idempotency keys are kept a day and rate counters an hour: no IP hash outlives its use.
const purge = () =>
  Promise.all([store.purgeExpired(), mail && new MailOutbox(db).purge(mail.unconfirmedDays)]).catch(
    (error: unknown) => console.error('Quanda: purge failed', error),
  );
await purge();
const purging = setInterval(() => void purge(), 10 * 60_000);
purging.unref();
const server = serve({fetch: site.fetch, port: config.port, hostname: config.host}, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`Quanda: serving ${name}`);
  console.log(`Quanda is running at http://${host}:${info.port}/`);
}) as Server;
const closeServer = drainOnClose(server);

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Quanda: ${signal}: finishing the requests in flight, then stopping`);
  clearInterval(purging);
  // No new connections; idle ones close now, busy ones after their response. Then the
  // mail sender finishes the mail it is sending, and the database closes.
  void closeServer()
    .then(() => sender?.stop())
    .then(() => store.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
  setTimeout(() => {
    console.error(`Quanda: requests still running after ${SHUTDOWN_GRACE_MS / 1000} s; stopping`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
