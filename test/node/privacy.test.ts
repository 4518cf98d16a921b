import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {sql} from 'kysely';
import {openDatabase} from '../../src/server/db/open.js';
import {startMailSink} from '../../src/server/mail/sink.js';
import type {MailSink} from '../../src/server/mail/sink.js';
import {startServer} from '../support/quanda-server.mjs';
import {httpRequest, mintViewer, write} from './real-http.js';
import type {HttpReply} from './real-http.js';
import {onPostgres} from '../support/test-db.mjs';

/** Distinctive enough that finding it anywhere means it leaked. */
const EMAIL = 'Quanda.Leak-Canary.7f3a9c@example.org';
const BAD_EMAIL = 'quanda-leak-canary-b41d.example.org';
const canaries = [EMAIL, BAD_EMAIL, 'moderator.canary@example.org'].map((text) =>
  text.toLowerCase(),
);

/**
 * Every write path, sent with a distinctive email address (in the email field where there
 * is one, as a stray field where there is not): no response body and no line the server
 * logs contains it, and the database keeps it in one table only, for the posts that asked.
 */
describe('email addresses stay private', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const replies: {what: string; reply: HttpReply}[] = [];

  let sink: MailSink;

  // With mail on, so the address goes all the way: kept, and mailed to.
  before(async () => {
    sink = await startMailSink();
    server = await startServer({
      fixture: {questions: [{id: 'q'}]},
      env: {
        QUANDA_FLAG_THRESHOLD: '1',
        QUANDA_SMTP_URL: sink.url,
        QUANDA_MODERATOR_EMAILS: 'moderator.canary@example.org',
      },
    });
  });
  after(async () => {
    await server.stop();
    await sink.close();
  });

  it('runs every write path with the address', async () => {
    const {api} = server;
    const asker = (server.fixture as any).q.askerToken as string;
    const author = await mintViewer(api);
    const reader = await mintViewer(api);
    const record = (what: string, reply: HttpReply) => {
      replies.push({what, reply});
      return reply;
    };
    const as = (token: string, key?: string) => ({token, key});
    const withEmail = {notify: true, email: EMAIL, displayName: 'Private Person'};

    const answerKey = randomUUID();
    const answer = record(
      'answer',
      await write(
        api,
        'POST',
        '/questions/q/answers',
        {body: 'An answer that asks to be told.', ...withEmail},
        as(author, answerKey),
      ),
    );
    assert.equal(answer.status, 201);
    const answerId = answer.body.id as string;
    record(
      'answer, replayed',
      await write(
        api,
        'POST',
        '/questions/q/answers',
        {body: 'An answer that asks to be told.', ...withEmail},
        as(author, answerKey),
      ),
    );
    record(
      'answer, key reused',
      await write(
        api,
        'POST',
        '/questions/q/answers',
        {body: 'Another answer, same key.', ...withEmail},
        as(author, answerKey),
      ),
    );
    record(
      'answer, duplicate',
      await write(
        api,
        'POST',
        '/questions/q/answers',
        {body: 'An answer that asks to be told.', ...withEmail},
        as(reader),
      ),
    );
    record(
      'answer, invalid email',
      await write(
        api,
        'POST',
        '/questions/q/answers',
        {body: 'An answer with a bad address.', notify: true, email: BAD_EMAIL},
        as(reader),
      ),
    );
    record(
      'answer, notify off',
      await write(
        api,
        'POST',
        '/questions/q/answers',
        {body: 'An answer that wants no mail.', notify: false, email: EMAIL},
        as(reader),
      ),
    );
    record(
      'answer, no token',
      await httpRequest(`${api}/questions/q/answers`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({body: 'An answer without a viewer.', ...withEmail}),
      }),
    );
    record(
      'answer, malformed JSON',
      await httpRequest(`${api}/questions/q/answers`, {
        method: 'POST',
        headers: {'content-type': 'application/json', authorization: `Bearer ${reader}`},
        body: `{"body": "Broken", "email": "${EMAIL}"`,
      }),
    );
    record(
      'answer, too large',
      await write(
        api,
        'POST',
        '/questions/q/answers',
        {body: 'x'.repeat(100_000), ...withEmail},
        as(reader),
      ),
    );

    const comment = record(
      'comment',
      await write(
        api,
        'POST',
        `/posts/${answerId}/comments`,
        {body: 'Tell me too.', ...withEmail},
        as(reader),
      ),
    );
    assert.equal(comment.status, 201);
    // Kept for the mail, one row per reader who gave it, unconfirmed; and mailed to once each.
    const db = openDatabase(server.db);
    const kept = await db
      .selectFrom('mail_addresses')
      .select(['email', 'confirmed_at'])
      .orderBy('created_at')
      .execute();
    await db.destroy();
    assert.deepEqual(kept, [
      {email: EMAIL, confirmed_at: null},
      {email: EMAIL, confirmed_at: null},
    ]);
    const confirmations = await sink.received(2);
    assert.deepEqual(
      confirmations.map((mail) => mail.to),
      [[EMAIL], [EMAIL]],
    );
    record(
      'comment, invalid email',
      await write(
        api,
        'POST',
        '/posts/q/comments',
        {body: 'Bad address.', notify: true, email: BAD_EMAIL},
        as(reader),
      ),
    );
    const stray = {email: EMAIL, notify: true};
    record(
      'vote',
      await write(api, 'PUT', `/posts/${answerId}/vote`, {value: 1, ...stray}, as(reader)),
    );
    record(
      'vote, own post',
      await write(api, 'PUT', `/posts/${answerId}/vote`, {value: 1, ...stray}, as(author)),
    );
    record(
      'best answer',
      await write(api, 'PUT', '/questions/q/accepted-answer', {answerId, ...stray}, as(asker)),
    );
    record(
      'best answer, not the asker',
      await write(api, 'PUT', '/questions/q/accepted-answer', {answerId, ...stray}, as(reader)),
    );
    record(
      'best answer undone',
      await write(api, 'DELETE', '/questions/q/accepted-answer', undefined, as(asker)),
    );
    record(
      'edit',
      await write(
        api,
        'PATCH',
        `/posts/${answerId}`,
        {body: 'An answer, edited by its author.', ...stray},
        as(author),
      ),
    );
    record(
      'comment edit',
      await write(
        api,
        'PATCH',
        `/posts/${comment.body.id}`,
        {body: 'Tell me, please.', ...stray},
        as(reader),
      ),
    );
    record(
      'thread, as the author',
      await httpRequest(`${api}/questions/q`, {headers: {authorization: `Bearer ${author}`}}),
    );
    record('comments', await httpRequest(`${api}/posts/${answerId}/comments`));
    record(
      'flag',
      await write(
        api,
        'POST',
        `/posts/${answerId}/flags`,
        {reason: 'other', note: 'Looks off', ...stray},
        as(reader),
      ),
    );
    const moderator = {authorization: `Bearer ${server.moderatorToken}`};
    record(
      'moderation queue',
      await httpRequest(`${api}/moderation/posts?status=hidden`, {headers: moderator}),
    );
    record(
      'moderation',
      await httpRequest(`${api}/moderation/posts/${answerId}`, {
        method: 'POST',
        headers: {...moderator, 'content-type': 'application/json'},
        body: JSON.stringify({action: 'restore', ...stray}),
      }),
    );
    record(
      'removal of the comment',
      await write(api, 'DELETE', `/posts/${comment.body.id}`, undefined, as(reader)),
    );
    record('removal', await write(api, 'DELETE', `/posts/${answerId}`, undefined, as(author)));
    record('thread', await httpRequest(`${api}/questions/q`));

    const statuses = new Set(replies.map(({reply}) => reply.status));
    for (const status of [200, 201, 400, 401, 403, 409, 413, 422])
      assert.ok(statuses.has(status), String(status));
  });

  it('puts it in no response body', () => {
    for (const {what, reply} of replies) {
      const text = reply.text.toLowerCase();
      for (const canary of canaries) assert.ok(!text.includes(canary), `${what}: ${reply.text}`);
    }
  });

  it('puts it in no line the server logs', () => {
    assert.ok(server.lines.length > replies.length); // the request lines are there
    for (const line of server.lines) {
      for (const canary of canaries) assert.ok(!line.toLowerCase().includes(canary), line);
    }
  });

  it('keeps it only in mail_addresses, and the posts that asked lose their subscriptions when they go', async () => {
    const db = openDatabase(server.db);
    try {
      const tables = await sql<{name: string}>`${
        onPostgres
          ? sql`select table_name as name from information_schema.tables where table_schema = current_schema()`
          : sql`select name from sqlite_master where type = 'table'`
      }`.execute(db);
      for (const {name} of tables.rows) {
        if (name === 'mail_addresses') continue;
        const rows = await sql`select * from ${sql.table(name)}`.execute(db);
        const text = JSON.stringify(rows.rows).toLowerCase();
        for (const canary of canaries) assert.ok(!text.includes(canary), `found in ${name}`);
      }
      // The answer's and the comment's subscriptions went with them when they were removed;
      // the unconfirmed addresses go after their days (QUANDA_MAIL_UNCONFIRMED_DAYS).
      assert.deepEqual(await db.selectFrom('mail_subscriptions').selectAll().execute(), []);
    } finally {
      await db.destroy();
    }
  });
});
