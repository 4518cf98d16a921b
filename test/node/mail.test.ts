import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {mailSite, MODERATOR, PAGE, PUBLIC_URL} from './mail-site.js';
import type {MailSite} from './mail-site.js';
import type {SunkMail} from '../../src/server/mail/sink.js';

const ANSWER = 'Ask how they keep notes and who can read them.';
const COMMENT = 'Thank you, <b>that</b> helps a lot!';

/** A header as sent, unfolded. */
const header = (mail: SunkMail, name: string) =>
  mail.headerLines
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.replace(/\r?\n[ \t]+/g, ' ');

/** The one-click unsubscribe as mail providers send it: form-encoded, nothing else. */
const oneClick = {
  method: 'POST',
  headers: {'content-type': 'application/x-www-form-urlencoded'},
  body: 'List-Unsubscribe=One-Click',
};

describe('notification mail, from the write to the inbox', () => {
  let site: MailSite;
  let author: string;
  let reader: string;
  let answerId: string;
  const address = 'Answerer.Mail-Test@example.org';

  before(async () => {
    site = await mailSite();
    await site.question('q1');
    author = await site.viewer();
    reader = await site.viewer();
  });
  after(() => site.close());

  it('says it sends mail', async () => {
    assert.deepEqual((await site.json('/settings')).body, {notifications: true});
  });

  it('sends exactly one confirmation for an answer with the box ticked', async () => {
    const posted = await site.send(
      'POST',
      '/questions/q1/answers',
      {body: ANSWER, notify: true, email: address, locale: 'en', page: PAGE},
      author,
    );
    assert.equal(posted.status, 201);
    assert.ok(!JSON.stringify(posted.body).toLowerCase().includes(address.toLowerCase()));
    answerId = posted.body.id;
    assert.equal(await site.sendDue(), 1);
    const [confirmation] = await site.sink.received(1);
    assert.deepEqual(confirmation.to, [address]);
    assert.equal(
      confirmation.parsed.subject,
      'Please confirm your email address for blog.example.org',
    );
    assert.ok(site.linkIn(confirmation, '/mail/confirm'));
    assert.ok(header(confirmation, 'List-Unsubscribe'));
    // A second answer with the same address: covered by the same confirmation, no new mail.
    await site.send(
      'POST',
      '/questions/q1/answers',
      {body: `${ANSWER} And what they charge.`, notify: true, email: address.toLowerCase()},
      author,
    );
    assert.equal(await site.sendDue(), 0);
    assert.equal(site.sink.mails.length, 1);
  });

  it('sends nothing else until the address is confirmed, and opening the link confirms nothing', async () => {
    await site.send('POST', `/posts/${answerId}/comments`, {body: 'Before confirming.'}, reader);
    assert.equal(await site.sendDue(), 0);
    const link = site.linkIn(site.sink.mails[0], '/mail/confirm');
    const page = await site.open(link);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(
      html,
      /<form method="post" action="confirm\?token=[^"]+"><button type="submit">Confirm<\/button>/,
    );
    assert.doesNotMatch(html, /<script/i);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(await site.sendDue(), 0, 'a GET confirmed the address');
    const confirmed = await site.open(link, {method: 'POST'});
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /Your address is confirmed/);
  });

  it('then sends what waited: one notification, both unsubscribe headers, text and HTML', async () => {
    assert.equal(await site.sendDue(), 1);
    const [, notification] = await site.sink.received(2);
    const mail = notification;
    assert.equal(mail.parsed.subject, 'A new comment on your answer on blog.example.org');
    assert.match(
      header(mail, 'List-Unsubscribe')!,
      /^List-Unsubscribe: <https:\/\/qa\.example\.org\/mail\/unsubscribe\?token=[^>]+>/,
    );
    assert.equal(
      header(mail, 'List-Unsubscribe-Post'),
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    assert.ok(mail.parsed.text?.includes('> Before confirming.'));
    assert.ok(mail.parsed.text?.includes(`${PAGE}#quanda=q1`));
    assert.ok(
      typeof mail.parsed.html === 'string' && mail.parsed.html.includes('Before confirming.'),
    );
    assert.doesNotMatch(String(mail.parsed.html), /<img|src=/i);
  });

  it('sends the next comment from another reader at once, escaped, never quoting it in the subject', async () => {
    site.advance(301);
    await site.send(
      'POST',
      `/posts/${answerId}/comments`,
      {body: COMMENT, displayName: '<img src=x>'},
      reader,
    );
    assert.equal(await site.sendDue(), 1);
    const mails = await site.sink.received(3);
    const mail = mails[2];
    assert.doesNotMatch(mail.parsed.subject ?? '', /Thank/);
    // The text as readers see it on the page (the server shows typed HTML as text), and in
    // the HTML part escaped: never markup from the post.
    assert.ok(
      mail.parsed.text?.includes('> Thank you, <b>that</b> helps a lot!'),
      mail.parsed.text,
    );
    assert.ok(String(mail.parsed.html).includes('Thank you, &lt;b&gt;that&lt;/b&gt; helps a lot!'));
    assert.doesNotMatch(String(mail.parsed.html), /<b>|<img/);
  });

  it('never mails the author about their own comment', async () => {
    site.advance(301);
    await site.send('POST', `/posts/${answerId}/comments`, {body: 'My own follow-up.'}, author);
    assert.equal(await site.sendDue(), 0);
  });

  it('gathers a burst about one post into one mail, sent after the batch time', async () => {
    site.advance(301);
    await site.send('POST', `/posts/${answerId}/comments`, {body: 'First of a burst.'}, reader);
    assert.equal(await site.sendDue(), 1);
    await site.sink.received(4);
    await site.send('POST', `/posts/${answerId}/comments`, {body: 'Second of a burst.'}, reader);
    await site.send('POST', `/posts/${answerId}/comments`, {body: 'Third of a burst.'}, reader);
    assert.equal(await site.sendDue(), 0, 'the burst went out at once');
    site.advance(300);
    assert.equal(await site.sendDue(), 1);
    const mails = await site.sink.received(5);
    const text = mails[4].parsed.text ?? '';
    assert.ok(text.includes('Second of a burst.') && text.includes('Third of a burst.'));
    assert.equal(site.sink.mails.length, 5);
  });

  it('tells the author when their answer is chosen as best', async () => {
    site.advance(600);
    const asker = await site.question('q2');
    const answer = await site.send(
      'POST',
      '/questions/q2/answers',
      {body: ANSWER, notify: true, email: address},
      author,
    );
    assert.equal(
      (await site.send('PUT', '/questions/q2/accepted-answer', {answerId: answer.body.id}, asker))
        .status,
      200,
    );
    // Choosing it again is no news.
    await site.send('PUT', '/questions/q2/accepted-answer', {answerId: answer.body.id}, asker);
    assert.equal(await site.sendDue(), 1);
    const mails = await site.sink.received(6);
    // No page was given with this question's writes: the server's own name.
    assert.equal(mails[5].parsed.subject, 'Your answer was chosen as the best on qa.example.org');
    assert.equal(await site.sendDue(), 0);
  });

  it('stops with the one-click POST exactly as providers send it', async () => {
    const last = site.sink.mails[4];
    const link = /<([^>]+)>/.exec(header(last, 'List-Unsubscribe')!)![1];
    const stopped = await site.open(link, oneClick);
    assert.equal(stopped.status, 200);
    const landed = await stopped.text();
    site.advance(600);
    await site.send(
      'POST',
      `/posts/${answerId}/comments`,
      {body: 'After the unsubscribe.'},
      reader,
    );
    assert.equal(await site.sendDue(), 0);
    // The page the click lands on offers stopping all mail to the address.
    assert.match(landed, /Stop all mail to this address/);
    // The link keeps saying what it did.
    assert.match(await (await site.open(link)).text(), /No more mails about this post/);
  });

  it('answers forged, altered and malformed links with a plain page', async () => {
    const link = site.linkIn(site.sink.mails[0], '/mail/confirm');
    for (const bad of [
      `${link}x`,
      link.replace(/token=[a-z0-9]+/, 'token=aaaaaaaaaaaa'),
      `${PUBLIC_URL}/mail/confirm?token=`,
      `${PUBLIC_URL}/mail/unsubscribe?token=%0d%0a`,
      `${PUBLIC_URL}/mail/unsubscribe?all=1&token=${'a'.repeat(500)}`,
    ]) {
      for (const method of ['GET', 'POST']) {
        const response = await site.open(bad, {method});
        assert.equal(response.status, 404, `${method} ${bad}`);
        assert.match(await response.text(), /This link does not work/);
      }
    }
  });

  it('stops all mail to an address, deleting it', async () => {
    const link = /<([^>]+)>/.exec(header(site.sink.mails[5], 'List-Unsubscribe')!)![1];
    const landing = await (await site.open(link)).text();
    const action =
      /<form method="post" action="(unsubscribe\?token=[^"]+&amp;all=1)"><button type="submit">Stop all mail to this address/.exec(
        landing,
      );
    assert.ok(action, landing);
    const stop = `${PUBLIC_URL}/mail/${action[1].replace(/&amp;/g, '&')}`;
    // Opening it asks; only the button stops.
    assert.match(await (await site.open(stop)).text(), /Stop all mail to this address/);
    assert.equal((await site.db.selectFrom('mail_addresses').select('id').execute()).length, 1);
    assert.equal((await site.open(stop, {method: 'POST'})).status, 200);
    assert.equal((await site.db.selectFrom('mail_addresses').select('id').execute()).length, 0);
    assert.equal((await site.db.selectFrom('mail_subscriptions').select('id').execute()).length, 0);
  });

  it('keeps no address in any log line', () => {
    const logged = site.logs.join('\n').toLowerCase();
    assert.ok(!logged.includes(address.toLowerCase()));
    assert.ok(site.logs.some((line) => line.includes('mail sent')));
  });
});

describe('notification mail, what else it does', () => {
  it('with mail off, says so, and keeps no address', async () => {
    const site = await mailSite({mail: null});
    try {
      assert.deepEqual((await site.json('/settings')).body, {notifications: false});
      await site.question('off');
      const posted = await site.send(
        'POST',
        '/questions/off/answers',
        {body: ANSWER, notify: true, email: 'nobody-stored@example.org'},
        await site.viewer(),
      );
      assert.equal(posted.status, 201);
      assert.equal((await site.db.selectFrom('mail_addresses').selectAll().execute()).length, 0);
      assert.equal((await site.db.selectFrom('mail_outbox').selectAll().execute()).length, 0);
      assert.equal((await site.request('/mail/confirm?token=x')).status, 404);
    } finally {
      await site.close();
    }
  });

  it('refuses an invalid, overlong or header-injecting address with a field error', async () => {
    const site = await mailSite();
    try {
      await site.question('bad');
      const reader = await site.viewer();
      for (const email of [
        'not-an-address',
        `${'a'.repeat(250)}@example.org`,
        'victim@example.org\r\nBcc: everyone@example.org',
        'a@example.org\nSubject: hi',
      ]) {
        const reply = await site.send(
          'POST',
          '/questions/bad/answers',
          {body: ANSWER, notify: true, email},
          reader,
        );
        assert.equal(reply.status, 400, email);
        assert.ok(reply.body.error.fields.email, email);
        assert.ok(!JSON.stringify(reply.body).includes('everyone@'));
      }
      assert.equal(await site.sendDue(), 0);
    } finally {
      await site.close();
    }
  });

  it('writes in the language the reader subscribed in', async () => {
    const site = await mailSite();
    try {
      await site.question('de');
      await site.send(
        'POST',
        '/questions/de/answers',
        {body: ANSWER, notify: true, email: 'leser@example.org', locale: 'de-CH', page: PAGE},
        await site.viewer(),
      );
      await site.sendDue();
      const [mail] = await site.sink.received(1);
      assert.equal(
        mail.parsed.subject,
        'Bitte bestätige deine E-Mail-Adresse für blog.example.org',
      );
      assert.match(String(mail.parsed.html), /<html lang="de" dir="ltr">/);
    } finally {
      await site.close();
    }
  });

  it('tells moderators of a post waiting for approval, then the asker once it is approved', async () => {
    const site = await mailSite({
      config: {premoderate: true},
      mail: {moderators: ['mod-one@example.org', 'mod-two@example.org']},
    });
    try {
      await site.question('pm');
      // The asker's subscription, as the board's ask form makes it.
      const asker = (
        await site.db
          .selectFrom('posts')
          .select('author_id')
          .where('id', '=', 'pm')
          .executeTakeFirstOrThrow()
      ).author_id!;
      await site.outbox.subscribe({
        viewerId: asker,
        email: 'asker@example.org',
        locale: 'en',
        postId: 'pm',
        questionId: 'pm',
      });
      const address = await site.db
        .selectFrom('mail_addresses')
        .select('id')
        .executeTakeFirstOrThrow();
      await site.outbox.confirm(address.id);
      await site.db.deleteFrom('mail_outbox').execute(); // its confirmation: not this test's
      const answer = await site.send(
        'POST',
        '/questions/pm/answers',
        {body: ANSWER},
        await site.viewer(),
      );
      assert.equal(answer.body.status, 'pending');
      assert.equal(await site.sendDue(), 2);
      const mails = await site.sink.received(2);
      assert.deepEqual(mails.map((mail) => mail.to[0]).sort(), [
        'mod-one@example.org',
        'mod-two@example.org',
      ]);
      assert.equal(mails[0].parsed.subject, 'A post is waiting for approval on qa.example.org');
      assert.ok(mails[0].parsed.text?.includes(`> ${ANSWER}`));
      assert.equal(await site.sendDue(), 0, 'the asker heard of a pending answer');
      const approved = await site.json(`/moderation/posts/${answer.body.id}`, {
        method: 'POST',
        headers: {'content-type': 'application/json', authorization: `Bearer ${MODERATOR}`},
        body: JSON.stringify({action: 'approve'}),
      });
      assert.equal(approved.status, 200);
      assert.equal(await site.sendDue(), 1);
      const [, , news] = await site.sink.received(3);
      assert.deepEqual(news.to, ['asker@example.org']);
      assert.equal(news.parsed.subject, 'A new answer to your question on qa.example.org');
    } finally {
      await site.close();
    }
  });

  it('tells moderators of a post hidden by flags', async () => {
    const site = await mailSite({
      config: {flagThreshold: 1},
      mail: {moderators: ['mod@example.org']},
    });
    try {
      await site.question('fl');
      const answer = await site.send(
        'POST',
        '/questions/fl/answers',
        {body: ANSWER},
        await site.viewer(),
      );
      assert.equal(await site.sendDue(), 0);
      await site.send(
        'POST',
        `/posts/${answer.body.id}/flags`,
        {reason: 'spam'},
        await site.viewer(),
      );
      assert.equal(await site.sendDue(), 1);
      const [mail] = await site.sink.received(1);
      assert.equal(mail.parsed.subject, 'Readers’ flags hid a post on qa.example.org');
      assert.ok(header(mail, 'List-Unsubscribe-Post'));
    } finally {
      await site.close();
    }
  });

  it('forgets a removed post’s subscriptions and the mails about it', async () => {
    const site = await mailSite();
    try {
      await site.question('rm');
      const author = await site.viewer();
      const answer = await site.send(
        'POST',
        '/questions/rm/answers',
        {body: ANSWER, notify: true, email: 'gone@example.org'},
        author,
      );
      await site.send(
        'POST',
        `/posts/${answer.body.id}/comments`,
        {body: 'A comment.'},
        await site.viewer(),
      );
      assert.equal((await site.db.selectFrom('mail_outbox').selectAll().execute()).length, 2);
      await site.send('DELETE', `/posts/${answer.body.id}`, undefined, author);
      assert.equal(
        (await site.db.selectFrom('mail_subscriptions').selectAll().execute()).length,
        0,
      );
      const left = await site.db.selectFrom('mail_outbox').select('event').execute();
      assert.deepEqual(left, [{event: 'confirm'}]);
    } finally {
      await site.close();
    }
  });

  it('deletes an unconfirmed address and its waiting mails after the days it is kept', async () => {
    const site = await mailSite({mail: {unconfirmedDays: 7}});
    try {
      await site.question('pg');
      const answer = await site.send(
        'POST',
        '/questions/pg/answers',
        {body: ANSWER, notify: true, email: 'never-confirmed@example.org'},
        await site.viewer(),
      );
      await site.send(
        'POST',
        `/posts/${answer.body.id}/comments`,
        {body: 'Waits for it.'},
        await site.viewer(),
      );
      site.advance(6 * 86_400);
      assert.deepEqual(await site.outbox.purge(7), {addresses: 0, mails: 0});
      site.advance(86_401);
      assert.deepEqual(await site.outbox.purge(7), {addresses: 1, mails: 2});
      assert.equal(
        (await site.db.selectFrom('mail_subscriptions').selectAll().execute()).length,
        0,
      );
    } finally {
      await site.close();
    }
  });
});

describe('notification mail through a failing SMTP server', () => {
  it('tries again after temporary failures, and delivers once', async () => {
    const site = await mailSite({
      sink: {answer: (n) => (n <= 2 ? {code: 451, message: 'Try again later'} : 'accept')},
    });
    try {
      await site.question('t4');
      await site.send(
        'POST',
        '/questions/t4/answers',
        {body: ANSWER, notify: true, email: 'patient@example.org'},
        await site.viewer(),
      );
      await site.sendDue();
      assert.equal(site.sink.attempts(), 1);
      assert.equal(await site.sendDue(), 0, 'retried before its time');
      site.advance(30);
      await site.sendDue();
      assert.equal(site.sink.attempts(), 2);
      site.advance(59);
      assert.equal(await site.sendDue(), 0, 'the wait did not double');
      site.advance(1);
      await site.sendDue();
      await site.sink.received(1);
      site.advance(3600);
      assert.equal(await site.sendDue(), 0);
      assert.equal(site.sink.mails.length, 1);
      assert.ok(
        site.logs.some(
          (line) => line.includes('trying again in 30 s: ') && line.includes('Try again later'),
        ),
        site.logs.join('\n'),
      );
    } finally {
      await site.close();
    }
  });

  it('tries again when the server is down, and delivers once it is back', async () => {
    const site = await mailSite({mail: {smtpUrl: 'smtp://127.0.0.1:1'}});
    try {
      await site.question('dn');
      await site.send(
        'POST',
        '/questions/dn/answers',
        {body: ANSWER, notify: true, email: 'patient@example.org'},
        await site.viewer(),
      );
      await site.sendDue();
      const [row] = await site.db.selectFrom('mail_outbox').selectAll().execute();
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
    } finally {
      await site.close();
    }
  });

  it('records a permanent refusal and does not try again', async () => {
    const site = await mailSite({
      sink: {answer: () => ({code: 550, message: 'No such user <patient@example.org>'})},
    });
    try {
      await site.question('t5');
      await site.send(
        'POST',
        '/questions/t5/answers',
        {body: ANSWER, notify: true, email: 'patient@example.org'},
        await site.viewer(),
      );
      await site.sendDue();
      site.advance(86_400);
      assert.equal(await site.sendDue(), 0);
      assert.equal(site.sink.attempts(), 1);
      const [row] = await site.db.selectFrom('mail_outbox').selectAll().execute();
      assert.equal(row.status, 'failed');
      assert.match(row.last_error ?? '', /550/);
      assert.ok(!row.last_error?.includes('patient@'), 'the reply kept the address');
      assert.ok(!site.logs.join('\n').includes('patient@'));
    } finally {
      await site.close();
    }
  });

  it('sends at most one duplicate, with the same Message-ID, when the connection drops after the server accepted', async () => {
    const site = await mailSite({sink: {answer: (n) => (n === 1 ? 'drop' : 'accept')}});
    try {
      await site.question('t6');
      await site.send(
        'POST',
        '/questions/t6/answers',
        {body: ANSWER, notify: true, email: 'patient@example.org'},
        await site.viewer(),
      );
      await site.sendDue();
      site.advance(30);
      await site.sendDue();
      const mails = await site.sink.received(2);
      site.advance(3600);
      assert.equal(await site.sendDue(), 0);
      assert.equal(mails.length, 2);
      assert.equal(mails[0].parsed.messageId, mails[1].parsed.messageId);
    } finally {
      await site.close();
    }
  });
});
