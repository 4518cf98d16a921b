/**
 * Boards on the reference API, on SQLite and PostgreSQL (test/node/run.mjs): a topic's
 * questions (empty before the first, listed after, in four orders and pages), search in
 * English and Japanese, similar questions, asking (exactly once, limited, premoderated,
 * refused), topics scoped by the page's origin, and the asker's notification mail
 * through a real SMTP server on loopback.
 */
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {describe, it} from 'node:test';
import * as z from 'zod/mini';
import {QuestionList, SimilarQuestions, topicFromUrl} from '../../src/api/board.js';
import {Question} from '../../src/api/schemas.js';
import {makeApi} from './helpers.js';
import {mailSite} from './mail-site.js';
import type {MailSite} from './mail-site.js';

const PAGE = 'http://localhost:4000';

async function board(config: Parameters<typeof makeApi>[0] = {}) {
  const api = await makeApi(config);
  const list = async (query: Record<string, string>, origin = PAGE, token?: string) => {
    const headers: Record<string, string> = {origin};
    if (token) headers['authorization'] = `Bearer ${token}`;
    const reply = await api.json(`/topics/questions?${new URLSearchParams(query)}`, {headers});
    return reply;
  };
  const ask = (
    token: string,
    question: Record<string, unknown>,
    options: {origin?: string; key?: string; from?: string} = {},
  ) =>
    api.json(
      '/topics/questions',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          origin: options.origin ?? PAGE,
          'idempotency-key': options.key ?? randomUUID(),
        },
        body: JSON.stringify(question),
      },
      options.from,
    );
  return {...api, list, ask};
}

const question = (topic: string, title: string, body = '') => ({topic, title, body});

describe('board API', () => {
  it('lists an empty topic as a 200 with no items, and asking makes the topic', async () => {
    const api = await board();
    const empty = await api.list({topic: '/posts/sleep'});
    assert.equal(empty.status, 200);
    assert.deepEqual(z.parse(QuestionList, empty.body), {
      items: [],
      nextCursor: null,
      canAsk: {allowed: true},
    });
    const token = await api.viewer();
    const asked = await api.ask(token, {
      ...question('/posts/sleep', 'How long should a nap be?', 'Mine run **long**.'),
      pageTitle: 'Sleep better',
      displayName: 'Ren',
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const created = z.parse(Question, asked.body);
    assert.equal(created.author.isViewer, true);
    assert.equal(created.author.displayName, 'Ren');

    const listed = z.parse(QuestionList, (await api.list({topic: '/posts/sleep'})).body);
    assert.deepEqual(
      listed.items.map((item) => [item.id, item.title, item.excerpt, item.answerCount]),
      [[created.id, 'How long should a nap be?', 'Mine run long.', 0]],
    );
    // Another article, and the same path on another site, have boards of their own.
    assert.deepEqual((await api.list({topic: '/posts/diet'})).body.items, []);
    assert.deepEqual(
      (await api.list({topic: '/posts/sleep'}, 'http://127.0.0.1:5000')).body.items,
      [],
    );
    // The thread is there for everyone.
    assert.equal((await api.json(`/questions/${created.id}`)).status, 200);
  });

  it('posts a question exactly once for one idempotency key', async () => {
    const api = await board();
    const token = await api.viewer();
    const key = randomUUID();
    const body = question('/a', 'What does this word mean?');
    const first = await api.ask(token, body, {key});
    const again = await api.ask(token, body, {key});
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, first.body.id);
    assert.equal((await api.list({topic: '/a'})).body.items.length, 1);
  });

  it('refuses bad input with a message tied to its field', async () => {
    const api = await board();
    const token = await api.viewer();
    const short = await api.ask(token, question('/a', 'Short?'));
    assert.equal(short.status, 400);
    assert.ok(short.body.error.fields.title);
    const long = await api.ask(token, question('/a', 'x'.repeat(201)));
    assert.equal(long.status, 400);
    const topic = await api.ask(token, question(`/${'a'.repeat(300)}`, 'A long enough title'));
    assert.equal(topic.status, 400);
    assert.ok(topic.body.error.fields.topic);
    const twice = [await api.ask(token, question('/a', 'The same title twice'))];
    twice.push(await api.ask(token, question('/a', 'the same title TWICE')));
    assert.deepEqual(
      twice.map((reply) => reply.status),
      [201, 409],
    );
    const anonymous = await api.json('/topics/questions', {
      method: 'POST',
      headers: {'content-type': 'application/json', origin: PAGE},
      body: JSON.stringify(question('/a', 'No token at all here')),
    });
    assert.equal(anonymous.status, 401);
  });

  it('makes topics only for allowed origins, and says so before anyone asks', async () => {
    const api = await board({allowedOrigins: ['https://blog.example']});
    const token = await api.viewer();
    const stranger = 'https://elsewhere.example';
    const listed = await api.list({topic: '/x'}, stranger);
    assert.deepEqual(listed.body.canAsk, {allowed: false, reason: 'origin'});
    const refused = await api.ask(token, question('/x', 'May I ask from here?'), {
      origin: stranger,
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.reason, 'origin');
    const allowed = await api.ask(token, question('/x', 'May I ask from here?'), {
      origin: 'https://blog.example',
    });
    assert.equal(allowed.status, 201);
  });

  it('lets nobody ask when the site says so', async () => {
    const api = await board({ask: 'nobody'});
    const token = await api.viewer();
    assert.deepEqual((await api.list({topic: '/x'})).body.canAsk, {
      allowed: false,
      reason: 'no-asking',
    });
    const refused = await api.ask(token, question('/x', 'Can anyone ask here?'));
    assert.equal(refused.status, 403);
  });

  it('keeps premoderated questions to their author until approved', async () => {
    const api = await board({premoderateQuestions: true});
    const token = await api.viewer();
    const asked = await api.ask(token, question('/p', 'Waiting for a moderator'));
    assert.equal(asked.body.status, 'pending');
    assert.deepEqual((await api.list({topic: '/p'})).body.items, []);
    const own = await api.list({topic: '/p'}, PAGE, token);
    assert.deepEqual(
      own.body.items.map((item: {status: string}) => item.status),
      ['pending'],
    );
    assert.equal((await api.json(`/questions/${asked.body.id}`)).status, 404);
  });

  it('limits questions to 10 an hour per reader', async () => {
    const api = await board();
    const token = await api.viewer();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await api.ask(token, question('/r', `Question number ${i} here`))).status);
    }
    assert.deepEqual(statuses, [...Array(10).fill(201), 429]);
    const listed = await api.list({topic: '/r'}, PAGE, token);
    assert.deepEqual(listed.body.canAsk, {allowed: false, reason: 'rate-limited'});
  });

  it('sorts, pages and lists the reader’s own questions first', async () => {
    const api = await board();
    const mine = await api.viewer();
    const others = [];
    for (let i = 0; i < 3; i++) others.push(await api.viewer());
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const asked = await api.ask(others[i % 3], question('/s', `Other question number ${i}`));
      ids.push(asked.body.id);
    }
    const own = (await api.ask(mine, question('/s', 'My own question here'))).body.id;
    // An answer makes a question active again.
    await api.send(
      'POST',
      `/questions/${ids[0]}/answers`,
      {body: 'An answer long enough.'},
      {
        token: mine,
      },
    );
    const first = z.parse(QuestionList, (await api.list({topic: '/s'}, PAGE, mine)).body);
    assert.equal(first.items[0].id, own);
    assert.equal(first.items[1].id, ids[0], 'answered last, so most active');
    assert.equal(first.items.length, 11);
    const rest = z.parse(
      QuestionList,
      (await api.list({topic: '/s', cursor: first.nextCursor!}, PAGE, mine)).body,
    );
    const all = [...first.items, ...rest.items].map((item) => item.id);
    assert.equal(new Set(all).size, 13);
    assert.equal(rest.nextCursor, null);
    const unanswered = z.parse(
      QuestionList,
      (await api.list({topic: '/s', sort: 'unanswered'})).body,
    );
    assert.ok(!unanswered.items.some((item) => item.id === ids[0]));
    const newest = z.parse(QuestionList, (await api.list({topic: '/s', sort: 'newest'})).body);
    assert.equal(newest.items[0].id, own);
    const badCursor = await api.list({topic: '/s', sort: 'votes', cursor: first.nextCursor!});
    assert.equal(badCursor.status, 400);
  });

  it('searches a topic in English and Japanese, and a short query finds nothing', async () => {
    const api = await board();
    const token = await api.viewer();
    await api.ask(token, question('/q', 'How do I fall asleep faster?', 'Counting sheep fails.'));
    await api.ask(
      token,
      question('/q', '睡眠不足の時はどうすればいいですか', '毎晩三時間しか眠れません。'),
    );
    await api.ask(token, question('/other', 'Asleep on another page entirely'));
    const search = async (q: string) =>
      z
        .parse(QuestionList, (await api.list({topic: '/q', q})).body)
        .items.map((item) => item.title);
    assert.deepEqual(await search('asleep'), ['How do I fall asleep faster?']);
    assert.deepEqual(await search('SHEEP'), ['How do I fall asleep faster?']);
    assert.deepEqual(await search('睡眠不足'), ['睡眠不足の時はどうすればいいですか']);
    assert.deepEqual(await search('三時間'), ['睡眠不足の時はどうすればいいですか']);
    assert.deepEqual(await search('zz'), []);
    assert.deepEqual(await search('"*) OR ('), []);
    const similar = await api.json(
      `/topics/similar?${new URLSearchParams({topic: '/q', q: 'fall asleep quickly'})}`,
      {headers: {origin: PAGE}},
    );
    assert.deepEqual(
      z.parse(SimilarQuestions, similar.body).items.map((item) => [item.title, item.topic]),
      [
        ['How do I fall asleep faster?', '/q'],
        ['Asleep on another page entirely', '/other'],
      ],
    );
  });
});

describe('topicFromUrl', () => {
  it('keeps the path, normalized, and the query only where it names the page', () => {
    const cases: [string, string | null][] = [
      ['https://blog.example/posts/sleep/', '/posts/sleep'],
      ['https://blog.example/posts//sleep?utm_source=x#comments', '/posts/sleep'],
      ['https://blog.example/Posts/%7esleep%2f', '/Posts/~sleep%2F'],
      ['https://blog.example/?p=123&utm_medium=mail&fbclid=1', '/?p=123'],
      ['https://blog.example/index.php?b=2&a=1', '/index.php?a=1&b=2'],
      ['https://blog.example/', '/'],
      [`https://blog.example/${'a'.repeat(400)}`, null],
    ];
    for (const [href, topic] of cases) assert.equal(topicFromUrl(href), topic, href);
  });
});

describe('board questions and notification mail (a real SMTP server on loopback)', () => {
  const ARTICLE = 'https://blog.example.org/articles/sleep';
  const ORIGIN = 'https://blog.example.org';
  const ask = (site: MailSite, token: string, question: Record<string, unknown>) =>
    site.json('/topics/questions', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        origin: ORIGIN,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(question),
    });

  it('mails the asker who asked for it: a confirmation, then each answer, linking to the question on its page', async () => {
    const site = await mailSite();
    try {
      const asker = await site.viewer();
      const address = 'Asker.Board@example.org';
      const asked = await ask(site, asker, {
        topic: '/articles/sleep',
        title: 'Is a nap after lunch a good idea?',
        notify: true,
        email: address,
        locale: 'de',
        page: `${ARTICLE}#comments`,
      });
      assert.equal(asked.status, 201);
      assert.ok(!JSON.stringify(asked.body).toLowerCase().includes('asker.board'));
      assert.equal(await site.sendDue(), 1);
      const [confirmation] = await site.sink.received(1);
      assert.deepEqual(confirmation.to, [address]);
      // In the language the reader asked in.
      assert.match(confirmation.parsed.subject ?? '', /blog\.example\.org/);
      assert.doesNotMatch(confirmation.parsed.subject ?? '', /^Please confirm/);
      assert.equal(
        (await site.open(site.linkIn(confirmation, '/mail/confirm'), {method: 'POST'})).status,
        200,
      );

      const answerer = await site.viewer();
      const answer = 'Twenty minutes, before three in the afternoon.';
      const answered = await site.send(
        'POST',
        `/questions/${asked.body.id}/answers`,
        {body: answer},
        answerer,
      );
      assert.equal(answered.status, 201);
      assert.equal(await site.sendDue(), 1);
      const [, notification] = await site.sink.received(2);
      assert.deepEqual(notification.to, [address]);
      assert.ok(notification.parsed.text?.includes(answer));
      assert.ok(notification.parsed.text?.includes(`${ARTICLE}#quanda=${asked.body.id}`));
      // The asker's own answer to their question is no news to them.
      await site.send(
        'POST',
        `/questions/${asked.body.id}/answers`,
        {body: `${answer} Mine.`},
        asker,
      );
      assert.equal(await site.sendDue(), 0);
    } finally {
      await site.close();
    }
  });

  it('refuses a bad address with a field error, and keeps none unless asked', async () => {
    const site = await mailSite();
    try {
      const asker = await site.viewer();
      const topic = '/articles/sleep';
      const bad = await ask(site, asker, {
        topic,
        title: 'Is a nap after lunch a good idea?',
        notify: true,
        email: 'not an address',
      });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.error.fields.email);
      const unasked = await ask(site, asker, {
        topic,
        title: 'Is a nap after lunch a good idea?',
        notify: false,
        email: 'kept.nowhere@example.org',
      });
      assert.equal(unasked.status, 201);
      assert.equal(await site.sendDue(), 0);
      const kept = await site.db.selectFrom('mail_addresses').select('email').execute();
      assert.deepEqual(kept, []);
    } finally {
      await site.close();
    }
  });

  it('with mail off, takes the question and keeps no address', async () => {
    const site = await mailSite({mail: null});
    try {
      const asker = await site.viewer();
      assert.deepEqual((await site.json('/settings')).body, {notifications: false});
      const asked = await ask(site, asker, {
        topic: '/articles/sleep',
        title: 'Is a nap after lunch a good idea?',
        notify: true,
        email: 'asker@example.org',
      });
      assert.equal(asked.status, 201);
      const kept = await site.db.selectFrom('mail_addresses').select('email').execute();
      assert.deepEqual(kept, []);
      assert.equal(site.sink.mails.length, 0);
    } finally {
      await site.close();
    }
  });
});
