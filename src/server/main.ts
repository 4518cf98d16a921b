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
import {createMailPages} from './mail/pages.js';
import {MailOutbox} from './mail/outbox.js';
import {MailSender} from './mail/sender.js';

const config = configFromEnv();
const db = openSqlite(config.database);
const applied = await migrateToLatest(db);
if (applied.length)
  console.log(`Quanda: database ${config.database} migrated (${applied.join(', ')})`);
const store = new KyselyStore(db);
if (config.seed && (await seedDemo(db))) console.log('Quanda: seeded the demo thread');

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
  console.log(`Quanda is running at http://${host}:${info.port}/`);
});

function stop() {
  clearInterval(purging);
  server.close(
    () =>
      void (sender?.stop() ?? Promise.resolve())
        .then(() => store.close())
        .then(() => process.exit(0)),
  );
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
