import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {openDatabase} from '../../src/server/db/open.js';
import {startMailSink} from '../../src/server/mail/sink.js';
import type {MailSink} from '../../src/server/mail/sink.js';
import {startServer} from '../support/quanda-server.mjs';
import {mintViewer, write} from './real-http.js';

type Server = Awaited<ReturnType<typeof startServer>>;

const COMMENTS = 24;
const ADDRESS = 'exactly-once.reader@example.org';

/**
 * Exactly once, as a site runs it: two server processes on one database, each with its
 * sender loop, one of them killed while it holds a mail half-sent (the SMTP server stops it
 * at RCPT TO) and started again. Every comment must reach the subscriber exactly once.
 */
describe('notification mail is sent exactly once by two processes and a restart mid-send', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-mail-once-'));
  let sink: MailSink;
  let hold = false;
  let holding: (() => void) | undefined;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const servers: Server[] = [];
  let first = true;
  const env = () => ({
    QUANDA_SMTP_URL: sink.url,
    QUANDA_PUBLIC_URL: 'http://127.0.0.1:9',
    QUANDA_MAIL_BATCH_SECONDS: '0',
    QUANDA_MAIL_LEASE_SECONDS: '2',
    QUANDA_MAIL_RETRY_SECONDS: '1',
  });
  const start = async () => {
    const server = await startServer({
      dir,
      env: env(),
      fixture: first ? {questions: [{id: 'q'}]} : undefined,
    });
    first = false;
    servers.push(server);
    return server;
  };

  before(async () => {
    sink = await startMailSink({
      // While `hold` is set, the next session is kept waiting at RCPT TO, for ever.
      onRecipient: () => {
        if (!hold) return;
        hold = false;
        holding?.();
        return new Promise<void>(() => undefined);
      },
    });
  });
  after(async () => {
    for (const server of servers) await server.stop();
    await sink.close();
    rmSync(dir, {recursive: true, force: true});
  });

  it('delivers each notification once', async () => {
    const a = await start();
    const author = await mintViewer(a.api);
    const answer = await write(
      a.api,
      'POST',
      '/questions/q/answers',
      {body: 'An answer whose author wants to hear back.', notify: true, email: ADDRESS},
      {token: author},
    );
    assert.equal(answer.status, 201, answer.text);
    const [confirmation] = await sink.received(1);
    const link = /http:\/\/127\.0\.0\.1:9(\/mail\/confirm\?\S+)/.exec(
      confirmation.parsed.text ?? '',
    )![1];
    assert.equal((await fetch(`${a.url}${link}`, {method: 'POST'})).status, 200);

    // A takes the first comment's mail and is stopped halfway through sending it.
    hold = true;
    const readers = await Promise.all(Array.from({length: 4}, () => mintViewer(a.api)));
    const comment = (server: Server, n: number) =>
      write(
        server.api,
        'POST',
        `/posts/${answer.body.id}/comments`,
        {body: `Comment number ${n} of ${COMMENTS}.`},
        {token: readers[n % readers.length]},
      );
    assert.equal((await comment(a, 1)).status, 201);
    await held;
    process.kill(a.pid, 'SIGKILL');
    await a.stop();
    servers.splice(servers.indexOf(a), 1);

    // B starts beside it, A starts again: both send, and both take writes.
    const [b, again] = await Promise.all([start(), start()]);
    const writes = [];
    for (let n = 2; n <= COMMENTS; n++) writes.push(comment(n % 2 ? b : again, n));
    for (const reply of await Promise.all(writes)) assert.equal(reply.status, 201);

    // Wait until every comment has arrived, then stop the servers (each finishes what it
    // is sending and records it), so that nothing more can arrive: then count.
    const mailed = (n: number) => (mail: {parsed: {text?: string}}) =>
      (mail.parsed.text ?? '').includes(`Comment number ${n} of`);
    for (let n = 1; n <= COMMENTS; n++) {
      while (!sink.mails.some(mailed(n))) await sink.received(sink.mails.length + 1);
    }
    for (const server of servers.splice(0)) await server.stop();
    const db = openDatabase(a.db);
    try {
      const rows = await db.selectFrom('mail_outbox').select(['event', 'status']).execute();
      assert.equal(rows.length, COMMENTS + 1);
      assert.ok(rows.every((row) => row.status === 'sent'));
    } finally {
      await db.destroy();
    }
    const texts = sink.mails.slice(1).map((mail) => mail.parsed.text ?? '');
    for (let n = 1; n <= COMMENTS; n++) {
      const times = texts.filter((text) => text.includes(`Comment number ${n} of`)).length;
      assert.equal(times, 1, `comment ${n} was mailed ${times} times`);
    }
    for (const server of [a, b, again]) {
      assert.ok(!server.lines.join('\n').includes(ADDRESS), 'a log line holds the address');
    }
  });
});
