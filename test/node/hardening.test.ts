import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {defaultRateLimits} from '../../src/server/config.js';
import {hashIp, ipHasher} from '../../src/server/rate-limits.js';
import {createSite} from '../../src/server/site.js';
import {openApiDocument} from '../../src/server/openapi.js';
import {ADMIN, adminPost, answerText, makeApi, moderator} from './helpers.js';
import type {TestApi} from './helpers.js';
import {storeWrites} from '../support/store-writes.js';

/**
 * What a security probe of the reference server found, one finding per block, each
 * against the real API on a real SQLite database. (The concurrent read's latency and the
 * fuzzer over every route are in latency.test.ts and fuzz.test.ts.)
 */

const fill = (unit: string, length = 12_000) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('1. one write cannot hold the server', () => {
  let app: TestApi;
  let author: string;
  before(async () => {
    app = await makeApi({rateLimits: {...defaultRateLimits, edits: {viewer: 3, ip: 100}}});
    await app.question('q');
    author = await app.viewer();
  });
  after(() => app.close());

  it('stores 12,000 characters of the worst inputs that render', async () => {
    for (const body of [fill('#\n'), fill('a\n\n'), fill('> a\n'), fill('[a](https://x.org) ')]) {
      const reply = await app.send('POST', '/questions/q/answers', {body}, {token: author});
      assert.equal(reply.status, 201, body.slice(0, 20));
    }
  });

  it('refuses, with a 400 naming why, what is too complex to render', async () => {
    const cases = {
      nesting: [fill('>'), fill('> - '), fill('- 1. ')],
      emphasis: [fill('*a_'), fill('_a_b'), fill('**a')],
      'list-item': [fill('1. a\nb'), `- a\n${fill('  b\n', 11_000)}`],
    };
    for (const [reason, bodies] of Object.entries(cases)) {
      for (const body of bodies) {
        const reply = await app.send('POST', '/questions/q/answers', {body}, {token: author});
        assert.equal(reply.status, 400, body.slice(0, 20));
        assert.equal(reply.body.error.code, 'validation');
        assert.equal(reply.body.error.reason, 'too-complex');
        const expected =
          {nesting: /too deeply/, emphasis: /too many \* and _/}[reason] ?? /list item/;
        assert.match(reply.body.error.fields.body, expected);
      }
    }
  });

  it('counts edits against an hourly limit, per reader and per address', async () => {
    const created = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText('to edit')},
      {token: author},
    );
    const edit = (n: number) =>
      app.send(
        'PATCH',
        `/posts/${created.body.id}`,
        {body: answerText(`edited ${n}`)},
        {token: author},
      );
    for (const n of [1, 2, 3]) assert.equal((await edit(n)).status, 200);
    const refused = await edit(4);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate_limited');
    assert.match(refused.body.error.message, /3 edits an hour/);
  });
});

describe('2. readers’ flags never hide a question', () => {
  let app: TestApi;
  before(async () => {
    app = await makeApi();
    await app.question('q');
  });
  after(() => app.close());

  it('keeps the thread readable after three flags, and tells the moderators', async () => {
    for (let i = 0; i < 3; i++) {
      const reply = await app.send(
        'POST',
        '/posts/q/flags',
        {reason: 'spam'},
        {token: await app.viewer()},
      );
      assert.equal(reply.status, 201);
    }
    const thread = await app.json('/questions/q');
    assert.equal(thread.status, 200);
    assert.equal(thread.body.question.status, 'published');
    const queue = await app.json('/moderation/posts?status=flagged', {headers: moderator});
    assert.deepEqual(
      queue.body.posts.map((post: {id: string; flags: unknown[]}) => [post.id, post.flags.length]),
      [['q', 3]],
    );
  });
});

describe('3. under premoderation, an edit waits for a moderator', () => {
  let app: TestApi;
  before(async () => {
    app = await makeApi({premoderate: true});
    await app.question('q');
  });
  after(() => app.close());

  it('sends an approved answer back to pending when its author edits it', async () => {
    const author = await app.viewer();
    const posted = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText('fine')},
      {token: author},
    );
    const id = posted.body.id as string;
    const approve = await app.json(`/moderation/posts/${id}`, {
      method: 'POST',
      headers: {...moderator, 'content-type': 'application/json'},
      body: JSON.stringify({action: 'approve'}),
    });
    assert.equal(approve.status, 200);
    const shown = async (token?: string) =>
      (await app.json('/questions/q', token ? {headers: {authorization: `Bearer ${token}`}} : {}))
        .body.answers as {id: string; status: string; body: {html: string}}[];
    assert.equal((await shown()).length, 1);

    const edited = await app.send(
      'PATCH',
      `/posts/${id}`,
      {body: 'Buy pills at https://spam.example'},
      {token: author},
    );
    assert.equal(edited.status, 200);
    assert.equal(edited.body.status, 'pending');
    assert.deepEqual(await shown(), [], 'readers see nothing until a moderator approves');
    const mine = await shown(author);
    assert.equal(mine[0]?.status, 'pending');
    const queue = await app.json('/moderation/posts?status=pending', {headers: moderator});
    assert.deepEqual(
      queue.body.posts.map((post: {id: string}) => post.id),
      [id],
    );
  });
});

describe('4. deeply nested JSON', () => {
  let app: TestApi;
  let token: string;
  before(async () => {
    app = await makeApi();
    await app.question('q');
    token = await app.viewer();
  });
  after(() => app.close());

  it('is a 400 on every body route, with or without a key, and logs no stack trace', async (t) => {
    const errors = t.mock.method(console, 'error', () => undefined);
    const deep = '['.repeat(4_000) + ']'.repeat(4_000);
    const bodies = [
      deep,
      `{"body": ${deep}}`,
      `{"value": 1, "x": ${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`,
    ];
    const routes: [string, string][] = [
      ['POST', '/questions/q/answers'],
      ['POST', '/posts/q/comments'],
      ['PUT', '/posts/q/vote'],
      ['PUT', '/questions/q/accepted-answer'],
      ['POST', '/posts/q/flags'],
      ['PATCH', '/posts/q'],
      ['POST', '/moderation/posts/q'],
      ['POST', '/questions'],
    ];
    for (const [method, path] of routes) {
      for (const body of bodies) {
        for (const key of ['nested-key', null]) {
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            authorization: `Bearer ${path.startsWith('/moderation') ? moderator.authorization.slice(7) : path === '/questions' ? ADMIN : token}`,
          };
          if (key) headers['idempotency-key'] = key;
          const reply = await app.json(path, {method, headers, body});
          assert.equal(reply.status, 400, `${method} ${path}`);
          assert.equal(reply.body.error.code, 'bad_request');
          assert.match(reply.body.error.message, /nests/);
        }
      }
    }
    assert.equal(errors.mock.callCount(), 0);
  });

  it('still takes the contract’s own nesting', async () => {
    const reply = await app.json(
      '/questions',
      adminPost({title: 'A question with an author', author: {displayName: 'Site'}}),
    );
    assert.equal(reply.status, 201);
  });
});

describe('5. log lines cannot be forged', () => {
  it('writes controls, bidi and other non-ASCII characters of the path escaped', async () => {
    const app = await makeApi();
    try {
      for (const path of [
        '/x%0d%0aPOST%20/api/questions%20201%200.1ms',
        '/x%0aGET%20/api/questions/q%20200%201.0ms',
        '/%E2%80%AEtxt.exe',
        '/a%E2%81%A6b%E2%81%A9%C2%85%E2%80%A8',
        '/%00',
      ]) {
        await app.request(path);
      }
      assert.equal(app.logs.length, 5);
      for (const line of app.logs) {
        assert.doesNotMatch(
          line,
          /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/u,
          line,
        );
        assert.match(line, /^GET \S+ 404 \d+\.\dms$/, line);
      }
      assert.ok(app.logs[0].includes('\\u{d}\\u{a}POST\\u{20}/api/questions'), app.logs[0]);
    } finally {
      await app.close();
    }
  });
});

describe('6. every API error is in the envelope, unknown routes and methods included', () => {
  let app: TestApi;
  let site: ReturnType<typeof createSite>;
  before(async () => {
    app = await makeApi();
    site = createSite(app.api);
  });
  after(() => app.close());

  const expectEnvelope = async (method: string, path: string) => {
    const response = await site.request(path, {method});
    assert.ok(
      response.status >= 400 && response.status < 500,
      `${method} ${path}: ${response.status}`,
    );
    assert.match(
      response.headers.get('content-type') ?? '',
      /^application\/json/,
      `${method} ${path}`,
    );
    const body = (await response.json()) as {error: {code: string; message: string}};
    assert.equal(typeof body.error.code, 'string', `${method} ${path}`);
    assert.equal(typeof body.error.message, 'string', `${method} ${path}`);
  };

  it('walks every path of the OpenAPI document with each method it does not document', async () => {
    const methods = ['get', 'post', 'put', 'patch', 'delete'];
    const {paths} = openApiDocument('/api/') as {paths: Record<string, Record<string, unknown>>};
    let walked = 0;
    for (const [template, operations] of Object.entries(paths)) {
      const path = `/api${template.replace(/\{[^}]+\}/g, 'q')}`;
      for (const method of methods.filter((m) => !(m in operations))) {
        await expectEnvelope(method.toUpperCase(), path);
        walked++;
      }
    }
    assert.ok(walked >= 40, `${walked}`);
  });

  it('answers paths that are in no document', async () => {
    for (const path of [
      '/api',
      '/api/',
      '/api/nope',
      '/api/questions/%2e%2e',
      '/api/questions/q/x/y',
      '/api/%zz',
    ]) {
      await expectEnvelope('GET', path);
    }
    await expectEnvelope('POST', '/api/posts/q');
  });
});

describe('7. the first page caps the reader’s own unpublished answers', () => {
  let app: TestApi;
  let author: string;
  let authorId: string;
  before(async () => {
    app = await makeApi();
    await app.question('q');
    author = await app.viewer();
    authorId = (await app.store.viewerIdForToken(author))!;
    for (let i = 0; i < 12; i++) {
      await app.send(
        'POST',
        '/questions/q/answers',
        {body: answerText(`published ${i}`)},
        {token: await app.viewer()},
      );
    }
  });
  after(() => app.close());

  it('keeps the page at its size with 60, then 520, pending answers', async () => {
    let added = 0;
    for (const total of [60, 520]) {
      for (; added < total; added++) {
        await storeWrites(app.store).addPost('answer', 'q', {
          questionId: 'q',
          body: answerText(`pending ${added}`),
          authorId,
          status: 'pending',
        });
      }
      const reply = await app.json('/questions/q', {headers: {authorization: `Bearer ${author}`}});
      assert.equal(reply.status, 200, `${total}`);
      assert.equal(reply.body.answers.length, 10, `${total}`);
      const published = reply.body.answers.filter(
        (a: {status: string}) => a.status === 'published',
      );
      assert.equal(published.length, 1);
      assert.ok(reply.body.nextCursor, 'the published answers go on on the next page');
      const next = await app.json(`/questions/q?cursor=${reply.body.nextCursor}`, {
        headers: {authorization: `Bearer ${author}`},
      });
      assert.equal(next.body.answers.length, 10);
    }
  });
});

describe('8. behind a proxy, only a valid address in X-Forwarded-For counts', () => {
  const mint = (app: TestApi, forwarded: string) =>
    app.json('/viewer', {method: 'POST', headers: {'x-forwarded-for': forwarded}}, '10.9.8.7');
  const limits = {...defaultRateLimits, viewers: {viewer: 1, ip: 3}};

  it('counts made-up entries against the proxy’s own address', async () => {
    const app = await makeApi({trustProxy: 1, rateLimits: limits});
    try {
      const statuses = [];
      for (let i = 0; i < 20; i++) statuses.push((await mint(app, `made-up-${i}`)).status);
      assert.deepEqual(statuses.filter((s) => s === 201).length, 3);
      // Real addresses each have their own count.
      for (const ip of ['203.0.113.1', '203.0.113.2', '2001:db8::1']) {
        assert.equal((await mint(app, `1.2.3.4, ${ip}`)).status, 201, ip);
      }
    } finally {
      await app.close();
    }
  });

  it('takes the entry the outermost of N trusted proxies saw', async () => {
    const app = await makeApi({trustProxy: 2, rateLimits: limits});
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await mint(app, `198.51.100.${i}, 203.0.113.9, 10.0.0.1`)).status);
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      assert.equal((await mint(app, '203.0.113.10, 10.0.0.1')).status, 201);
    } finally {
      await app.close();
    }
  });
});

describe('8b. the address hashes a server remembers for the hour', () => {
  it('are the keyed hashes themselves, across hours and past the memory’s size', () => {
    let now = Date.UTC(2026, 0, 1, 9, 59, 59);
    const hash = ipHasher('key-a', () => now);
    const addresses = Array.from(
      {length: 10_050},
      (_, i) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
    );
    for (const ip of addresses) assert.equal(hash(ip), hashIp('key-a', ip));
    now += 1000; // the next hour: the memory starts over
    for (const ip of addresses.slice(0, 3)) assert.equal(hash(ip), hashIp('key-a', ip));
    assert.notEqual(ipHasher('key-b')('10.0.0.1'), hash('10.0.0.1'), 'another key, another hash');
  });
});

describe('9. invisible and control characters', () => {
  let app: TestApi;
  before(async () => {
    app = await makeApi();
    await app.json(
      '/questions',
      adminPost({
        id: 'q',
        title: 'A question\u202e with\u0000 tricks',
        author: {displayName: 'Dana'},
      }),
    );
  });
  after(() => app.close());

  it('strips them from names and titles, and caps stacked marks', async () => {
    const token = await app.viewer();
    const name = `Ev\u0000e\n\u202e\u2066x\u2069${'\u0301'.repeat(31)}`; // 40 in all
    const reply = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText('named'), displayName: name},
      {token},
    );
    assert.equal(reply.status, 201);
    assert.equal(reply.body.author.displayName, `Eve x${'\u0301'.repeat(4)}`);
    const thread = await app.json('/questions/q');
    assert.equal(thread.body.question.title, 'A question with tricks');
  });

  it('keeps the joiners a word needs', async () => {
    const token = await app.viewer();
    const body = 'می\u200cخواهم یک پاسخ بنویسم 👩\u200d💻 here';
    const reply = await app.send('POST', '/questions/q/answers', {body}, {token});
    assert.equal(reply.status, 201);
    assert.ok(reply.body.body.source.includes('می\u200cخواهم'));
    assert.ok(reply.body.body.source.includes('👩\u200d💻'));
  });

  it('counts the minimum in visible characters', async () => {
    const token = await app.viewer();
    const reply = await app.send(
      'POST',
      '/questions/q/answers',
      {body: '\u200b'.repeat(12)},
      {token},
    );
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.reason, 'too-short');
    const padded = await app.send(
      'POST',
      '/questions/q/answers',
      {body: `ok${'\u200b'.repeat(20)}ok`},
      {token},
    );
    assert.equal(padded.status, 400);
  });

  it('sees a duplicate through inserted invisible characters', async () => {
    const body = 'Sleep is the one thing that helped me most.';
    assert.equal(
      (await app.send('POST', '/questions/q/answers', {body}, {token: await app.viewer()})).status,
      201,
    );
    const again = await app.send(
      'POST',
      '/questions/q/answers',
      {body: body.replace(/ /g, ' \u200b').replace('one', 'o\u200dne')},
      {token: await app.viewer()},
    );
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'duplicate');
  });

  it('marks the asker’s name, or another author’s, when anyone else takes it', async () => {
    const names: string[] = [];
    for (const [i, name] of ['Dana', 'DANA', ' dana\u200b', 'Ｄａｎａ'].entries()) {
      const reply = await app.send(
        'POST',
        '/questions/q/answers',
        {body: answerText(`by a name taken, ${i}`), displayName: name},
        {token: await app.viewer()},
      );
      assert.equal(reply.status, 201, name);
      names.push(reply.body.author.displayName);
    }
    assert.deepEqual(names, ['Dana (2)', 'DANA (3)', 'dana (4)', 'Ｄａｎａ (5)']);
    const first = await app.viewer();
    const sam = (body: string, token: string, displayName = 'Sam') =>
      app.send('POST', '/posts/q/comments', {body, displayName}, {token});
    assert.equal((await sam('Sam writes first.', first)).body.author.displayName, 'Sam');
    assert.equal((await sam('Sam writes again.', first)).body.author.displayName, 'Sam');
    const other = await sam('Another Sam.', await app.viewer(), 'sam');
    assert.equal(other.body.author.displayName, 'sam (2)');
    const long = await sam('A long name.', await app.viewer(), `${'x'.repeat(38)} Sam`.slice(-40));
    assert.ok([...long.body.author.displayName].length <= 40);
  });
});

describe('10. headers', () => {
  it('sends nosniff and a referrer policy with every API answer, errors included', async () => {
    const app = await makeApi();
    try {
      await app.question('q');
      for (const path of ['/questions/q', '/questions/none', '/openapi.json']) {
        const response = await app.request(path);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
        assert.equal(
          response.headers.get('referrer-policy'),
          'strict-origin-when-cross-origin',
          path,
        );
      }
    } finally {
      await app.close();
    }
  });

  it('never allows the origin "null", even with *', async () => {
    const app = await makeApi({allowedOrigins: '*'});
    try {
      const response = await app.request('/openapi.json', {headers: {origin: 'null'}});
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      const other = await app.request('/openapi.json', {headers: {origin: 'https://blog.example'}});
      assert.equal(other.headers.get('access-control-allow-origin'), 'https://blog.example');
    } finally {
      await app.close();
    }
  });

  it('checks tokens of any length alike', async () => {
    const app = await makeApi();
    try {
      for (const token of ['', 'x', ADMIN.slice(0, -1), `${ADMIN}x`, ADMIN.replace(/.$/, '?')]) {
        const reply = await app.json(
          '/questions',
          adminPost({title: 'A question by a stranger'}, token),
        );
        assert.equal(reply.status, 401, token);
      }
      assert.equal(
        (await app.json('/questions', adminPost({title: 'A question by the owner'}))).status,
        201,
      );
    } finally {
      await app.close();
    }
  });
});
