// @ts-check
/**
 * Notification mail: how many mails a second the sender sustains (outbox claimed under a
 * lease, each mail composed and sent over SMTP, then marked), against nodemailer sending
 * the same number of ready-made mails straight to the same SMTP server; and the delay from
 * a write (a comment that someone subscribed to) to its mail being accepted by the server,
 * p50 and p99, with the sender's loop running as the server runs it. The SMTP server is a
 * real one on loopback (the mail sink), which accepts at once.
 */
import {randomUUID} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import nodemailer from 'nodemailer';
import {createApi} from '../../src/server/app.js';
import {openSqlite} from '../../src/server/db/database.js';
import {migrateToLatest} from '../../src/server/db/migrations.js';
import {MailSender} from '../../src/server/mail/sender.js';
import {startMailSink} from '../../src/server/mail/sink.js';
import {KyselyStore} from '../../src/server/store.js';

const ADMIN = 'bench-admin-token-0123456789';

/**
 * @param {{quick?: boolean, log: (line: string) => void}} options
 */
export async function benchMail({quick = false, log}) {
  const count = quick ? 50 : 300;
  const writes = quick ? 30 : 200;
  const dir = mkdtempSync(join(tmpdir(), 'quanda-bench-mail-'));
  const sink = await startMailSink();
  const db = openSqlite(join(dir, 'quanda.db'));
  await migrateToLatest(db);
  const store = new KyselyStore(db);
  const config = {
    smtpUrl: sink.url,
    from: 'Quanda <qa@example.org>',
    publicUrl: 'https://qa.example.org',
    moderators: [],
    batchSeconds: 0,
    unconfirmedDays: 7,
    leaseSeconds: 120,
    retrySeconds: 30,
  };
  /** @type {MailSender | undefined} */
  let sender;
  const api = createApi({
    store,
    config: {adminToken: ADMIN, mail: config, rateLimits: unlimited()},
    log: () => undefined,
    render: (source) => Promise.resolve(`<p>${source}</p>`),
    // As main.ts wires it: a write that queued mail wakes this process's sender.
    onMailQueued: () => sender?.kick(),
  });
  /** @param {string} path @param {string} method @param {unknown} body @param {string} [token] */
  const send = async (path, method, body, token) => {
    const response = await api.request(path, {
      method,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        ...(token ? {authorization: `Bearer ${token}`} : {}),
      },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status}`);
    return /** @type {any} */ (await response.json());
  };
  const viewer = async () => (await send('/viewer', 'POST', {})).token;
  try {
    await send(
      '/questions',
      'POST',
      {id: 'bench', title: 'How do I start talking about it?'},
      ADMIN,
    );
    // `count` answers, each by a reader who asked to hear back, with a confirmed address.
    log(`mail: ${count} subscribed answers`);
    const answers = [];
    for (let i = 0; i < count + writes; i++) {
      const answer = await send(
        '/questions/bench/answers',
        'POST',
        {
          body: `Answer number ${i}, which its author follows.`,
          notify: true,
          email: `reader-${i}@example.org`,
        },
        await viewer(),
      );
      answers.push(answer.id);
    }
    await db.updateTable('mail_addresses').set({confirmed_at: new Date().toISOString()}).execute();
    await db.deleteFrom('mail_outbox').execute(); // the confirmations: not what is measured
    const commenter = await viewer();

    // Throughput: `count` notifications wait; the sender sends them all.
    for (let i = 0; i < count; i++) {
      await send(
        `/posts/${answers[i]}/comments`,
        'POST',
        {body: `A comment, number ${i}.`},
        commenter,
      );
    }
    log(`mail: sending ${count} notifications`);
    sender = new MailSender({db, config, log: () => undefined});
    const start = performance.now();
    const before = sink.mails.length;
    while ((await sender.sendDue()) > 0);
    await sink.received(before + count);
    const quandaRate = count / ((performance.now() - start) / 1000);

    // Baseline: nodemailer straight to the sink, the same number, the same pool.
    const transport = nodemailer.createTransport({url: sink.url, pool: true, maxConnections: 4});
    const text = sink.mails[before].parsed.text ?? '';
    const baseStart = performance.now();
    const already = sink.mails.length;
    let sent = 0;
    await Promise.all(
      Array.from({length: 20}, async () => {
        while (sent < count) {
          sent++;
          await transport.sendMail({
            from: config.from,
            to: 'reader@example.org',
            subject: 'A new comment',
            text,
          });
        }
      }),
    );
    await sink.received(already + count);
    const baseRate = count / ((performance.now() - baseStart) / 1000);
    transport.close();

    // Delay: the loop runs; each comment waits for its mail before the next is written.
    log(`mail: ${writes} writes, each to its mail accepted`);
    sender.start();
    /** @type {number[]} */
    const delays = [];
    for (let i = 0; i < writes; i++) {
      const seen = sink.mails.length;
      const wrote = Date.now();
      await send(
        `/posts/${answers[count + i]}/comments`,
        'POST',
        {body: `A later comment ${i}.`},
        commenter,
      );
      const [mail] = (await sink.received(seen + 1)).slice(seen);
      delays.push(mail.receivedAt - wrote);
    }
    delays.sort((a, b) => a - b);
    const at = (/** @type {number} */ q) =>
      delays[Math.min(delays.length - 1, Math.floor(q * delays.length))];
    return {count, quandaRate, baseRate, writes, p50: at(0.5), p99: at(0.99)};
  } finally {
    await sender?.stop();
    await sink.close();
    await db.destroy();
    rmSync(dir, {recursive: true, force: true});
  }
}

/** No hourly limit gets in the way of a benchmark's writes. */
function unlimited() {
  const lots = {viewer: 1e9, ip: 1e9};
  return {
    questions: lots,
    answers: lots,
    comments: lots,
    votes: lots,
    flags: lots,
    edits: lots,
    viewers: lots,
  };
}
