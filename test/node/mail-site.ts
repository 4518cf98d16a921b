/**
 * The reference server's API, mail pages and mail sender in this process, on a real
 * SQLite database, sending over SMTP to a real sink on loopback. The sender's loop is not
 * started: tests run its passes (`sendDue`) when they expect mail, so they wait on what
 * arrived, never on time. The clock is the tests' to move (batching, backoff, purges).
 */
import {randomUUID} from 'node:crypto';
import {createApi} from '../../src/server/app.js';
import type {ApiConfig} from '../../src/server/app.js';
import type {MailConfig} from '../../src/server/config.js';
import {openDatabase} from '../../src/server/db/open.js';
import {migrateToLatest} from '../../src/server/db/migrations.js';
import {MailOutbox} from '../../src/server/mail/outbox.js';
import {createMailPages} from '../../src/server/mail/pages.js';
import {MailSender} from '../../src/server/mail/sender.js';
import {startMailSink} from '../../src/server/mail/sink.js';
import type {SinkOptions, SunkMail} from '../../src/server/mail/sink.js';
import {createSite} from '../../src/server/site.js';
import {KyselyStore} from '../../src/server/store.js';
import {dropDatabase, freshDatabase} from '../support/test-db.mjs';

export const ADMIN = 'admin-token-for-mail-tests-0123456789';
export const MODERATOR = 'moderator-token-for-mail-tests-012345';
export const PUBLIC_URL = 'https://qa.example.org';
export const PAGE = 'https://blog.example.org/articles/talking-to-a-therapist';

export interface MailSiteOptions {
  config?: Partial<ApiConfig>;
  mail?: Partial<MailConfig> | null;
  sink?: SinkOptions;
  file?: string;
}

export async function mailSite(options: MailSiteOptions = {}) {
  const sink = await startMailSink(options.sink);
  let now = Date.parse('2026-12-06T08:00:00.000Z');
  const clock = () => new Date(now);
  // SQLite, or a schema of its own on PostgreSQL (QUANDA_TEST_DB; test/node/run.mjs).
  const target = await freshDatabase(options.file);
  const db = openDatabase(target);
  await migrateToLatest(db);
  const store = new KyselyStore(db, {clock});
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const mail: MailConfig | null =
    options.mail === null
      ? null
      : {
          smtpUrl: sink.url,
          from: 'Quanda <qa@example.org>',
          publicUrl: PUBLIC_URL,
          moderators: [],
          batchSeconds: 300,
          unconfirmedDays: 7,
          leaseSeconds: 120,
          retrySeconds: 30,
          ...options.mail,
        };
  const sender = mail ? new MailSender({db, config: mail, clock, log}) : null;
  const api = createApi({
    store,
    config: {
      adminToken: ADMIN,
      moderatorToken: MODERATOR,
      allowedOrigins: ['https://blog.example.org'],
      mail,
      ...options.config,
    },
    log,
  });
  const pages = mail ? createMailPages({db, site: 'qa.example.org'}) : undefined;
  const site = createSite(api, {mailPages: pages});

  const request = (path: string, init: RequestInit = {}) => site.request(path, init);
  const json = async (
    path: string,
    init: RequestInit = {},
  ): Promise<{status: number; body: any}> => {
    const response = await request(`/api${path}`, init);
    const text = await response.text();
    return {status: response.status, body: text ? JSON.parse(text) : null};
  };
  const send = (method: string, path: string, body: unknown, token?: string) =>
    json(path, {
      method,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        ...(token ? {authorization: `Bearer ${token}`} : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const viewer = async (): Promise<string> => (await json('/viewer', {method: 'POST'})).body.token;
  const question = async (
    id: string,
    title = `What should I ask at my first appointment (${id})?`,
  ) => {
    const created = await json('/questions', {
      method: 'POST',
      headers: {'content-type': 'application/json', authorization: `Bearer ${ADMIN}`},
      body: JSON.stringify({id, title}),
    });
    if (created.status !== 201) throw new Error(`POST /questions: ${created.status}`);
    return created.body.askerToken as string;
  };

  /** The link with this path in a mail's text part. */
  const linkIn = (mail: SunkMail, path: string): string => {
    const match = new RegExp(`${PUBLIC_URL}${path}\\?[^\\s>]+`).exec(mail.parsed.text ?? '');
    if (!match) throw new Error(`no ${path} link in:\n${mail.parsed.text}`);
    return match[0];
  };
  /** A mail link, opened on this site (its public URL is this app). */
  const open = (link: string, init: RequestInit = {}) =>
    request(link.slice(PUBLIC_URL.length), init);

  return {
    sink,
    db,
    store,
    /** The mail tables, outside any write (as the sender and the mail pages use them). */
    outbox: new MailOutbox(db, clock),
    sender,
    logs,
    request,
    json,
    send,
    viewer,
    question,
    linkIn,
    open,
    /** Sends what is due now, as the loop would. */
    sendDue: () => sender!.sendDue(),
    advance(seconds: number) {
      now += seconds * 1000;
    },
    now: () => new Date(now),
    async close() {
      await sender?.stop();
      await sink.close();
      await db.destroy();
      await dropDatabase(target);
    },
  };
}

export type MailSite = Awaited<ReturnType<typeof mailSite>>;
