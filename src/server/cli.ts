/**
 * The site owner's command line: `npm run quanda -- <command>`.
 *
 *   question create --title "…" [--body "…" | --body-file path] [--category "…"]
 *                   [--tag a --tag b] [--id slug] [--author "Name"] [--points 0]
 *       Creates the question an article asks; prints its id and the asker token.
 *   migrate         Brings the database up to the latest schema.
 *   seed            Adds the demo thread if it is not there.
 *   backup <file>   Copies a SQLite database, consistent while servers write, to <file>.
 *                   On PostgreSQL, pg_dump does it: see docs/server.md.
 *   mail-sink [--smtp-port 2525] [--web-port 2580]
 *       A local mail server that keeps what it gets: prints each mail and lists them at
 *       http://127.0.0.1:2580/. Start the server with QUANDA_SMTP_URL=smtp://127.0.0.1:2525
 *       to see Quanda's mails without sending any.
 *
 * The database is QUANDA_DB (default ./data/quanda.db) or --db: a SQLite file, or a
 * postgres:// URL.
 */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {parseArgs} from 'node:util';
import * as z from 'zod/mini';
import {NewQuestion} from '../api/requests.js';
import './zod-locale.js';
import {configFromEnv} from './config.js';
import {backupSqlite} from './db/database.js';
import {openDatabase} from './db/open.js';
import {isPostgresUrl, safeUrl} from './db/target.js';
import {migrateToLatest} from './db/migrations.js';
import {createQuestion} from './domain/posts.js';
import {runMailSink} from './mail/sink.js';
import {seedDemo} from './seed.js';
import {KyselyStore} from './store.js';

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    db: {type: 'string'},
    title: {type: 'string'},
    body: {type: 'string'},
    'body-file': {type: 'string'},
    category: {type: 'string'},
    tag: {type: 'string', multiple: true},
    id: {type: 'string'},
    author: {type: 'string'},
    points: {type: 'string'},
    'smtp-port': {type: 'string'},
    'web-port': {type: 'string'},
    help: {type: 'boolean', short: 'h'},
  },
});

const usage = readFileSync(new URL(import.meta.url), 'utf8')
  .match(/\/\*\*([\s\S]*?)\*\//)![1]
  .replace(/^ \* ?/gm, '');

async function main(): Promise<number> {
  const command = positionals[0] === 'backup' ? 'backup' : positionals.join(' ');
  if (values.help || !command) {
    console.log(usage.trim());
    return values.help ? 0 : 2;
  }
  if (command === 'mail-sink') return mailSink();
  const target = values.db
    ? isPostgresUrl(values.db)
      ? values.db
      : resolve(values.db)
    : configFromEnv().database;
  if (command === 'backup') return backup(target, positionals[1]);
  const db = openDatabase(target);
  try {
    await migrateToLatest(db);
    const store = new KyselyStore(db);
    switch (command) {
      case 'migrate':
        console.log('The database is up to date.');
        return 0;
      case 'seed':
        console.log(
          (await seedDemo(db)) ? 'Seeded the demo thread.' : 'The demo thread is already there.',
        );
        return 0;
      case 'question create': {
        const input = {
          id: values.id,
          title: values.title,
          body: values['body-file'] ? readFileSync(values['body-file'], 'utf8') : values.body,
          category: values.category,
          tags: values.tag,
          author:
            values.author !== undefined || values.points !== undefined
              ? {
                  displayName: values.author,
                  points: values.points === undefined ? undefined : Number(values.points),
                }
              : undefined,
        };
        const parsed = z.safeParse(NewQuestion, input);
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            console.error(`--${issue.path.join('.') || 'input'}: ${issue.message}`);
          return 1;
        }
        const {question, askerToken} = await store.transaction((tx) =>
          createQuestion(tx, parsed.data),
        );
        console.log(JSON.stringify({id: question.id, askerToken}, null, 2));
        return 0;
      }
      default:
        console.error(`Unknown command "${command}".\n\n${usage.trim()}`);
        return 2;
    }
  } finally {
    await db.destroy();
  }
}

async function backup(target: string, file: string | undefined): Promise<number> {
  if (isPostgresUrl(target)) {
    console.error(
      `On PostgreSQL, back up with pg_dump, which copies a consistent snapshot while servers write:\n\n  pg_dump --format=custom --file=quanda.dump '${safeUrl(target)}'\n\nand restore with pg_restore (docs/server.md).`,
    );
    return 2;
  }
  if (!file) {
    console.error('Usage: backup <file>');
    return 2;
  }
  await backupSqlite(target, resolve(file));
  console.log(`Backed up ${target} to ${resolve(file)}.`);
  return 0;
}

/** Runs until stopped (Ctrl-C). */
async function mailSink(): Promise<number> {
  const port = (value: string | undefined, fallback: number) => {
    const number = Number(value ?? fallback);
    if (!Number.isInteger(number) || number < 0 || number > 65535)
      throw new Error(`"${value}" is not a port number`);
    return number;
  };
  const sink = await runMailSink({
    smtpPort: port(values['smtp-port'], 2525),
    webPort: port(values['web-port'], 2580),
  });
  console.log(`Quanda mail sink: receiving at ${sink.smtpUrl}, listing at ${sink.page}`);
  console.log(`Start the server with QUANDA_SMTP_URL=${sink.smtpUrl} to send its mail here.`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await sink.close();
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
