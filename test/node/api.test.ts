import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {originAllowed} from '../../src/server/app.js';
import {ADMIN, adminPost, makeApi} from './helpers.js';

describe('API: reading a thread', () => {
  let app: Awaited<ReturnType<typeof makeApi>>;
  before(async () => {
    app = await makeApi();
    const created = await app.json(
      '/questions',
      adminPost({
        id: 'q1',
        title: 'Is it normal to cry in therapy?',
        category: 'Therapy',
        tags: ['feelings'],
      }),
    );
    assert.equal(created.status, 201);
  });
  after(() => app.close());

  it('answers GET /questions/:id with the thread', async () => {
    const {status, body, headers} = await app.json('/questions/q1');
    assert.equal(status, 200);
    assert.match(headers.get('content-type')!, /^application\/json/);
    assert.equal(body.question.title, 'Is it normal to cry in therapy?');
    assert.deepEqual(body.answers, []);
    assert.equal(body.nextCursor, null);
    assert.equal(body.viewer.isAsker, false);
  });

  const bad: [string, number, string, string?][] = [
    ['/questions/nope', 404, 'not_found'],
    ['/questions/bad%20id', 400, 'validation', 'question id'],
    ['/questions/' + 'x'.repeat(101), 400, 'validation', 'question id'],
    ['/questions/q1?sort=best', 400, 'validation', 'sort'],
    ['/questions/q1?cursor=', 400, 'validation', 'cursor'],
    ['/questions/q1?cursor=%7B%7D', 400, 'validation', 'cursor'],
    ['/no-such-route', 404, 'not_found'],
  ];
  for (const [path, status, code, field] of bad) {
    it(`answers ${path} with ${status} ${code} in the envelope`, async () => {
      const response = await app.json(path);
      assert.equal(response.status, status);
      assert.equal(response.body.error.code, code);
      assert.equal(typeof response.body.error.message, 'string');
      if (field) assert.ok(field in response.body.error.fields, JSON.stringify(response.body));
      assert.doesNotMatch(JSON.stringify(response.body), /at .+\.ts:\d+/); // never a stack trace
    });
  }

  it('reads an unknown or stale viewer token as an anonymous reader', async () => {
    const {status} = await app.json('/questions/q1', {
      headers: {authorization: 'Bearer not-a-token'},
    });
    assert.equal(status, 200);
  });

  it('writes one log line per request, without the query string', async () => {
    app.logs.length = 0;
    await app.request('/questions/q1?sort=newest');
    assert.equal(app.logs.length, 1);
    assert.match(app.logs[0], /^GET \/questions\/q1 200 \d+\.\dms$/);
  });
});

describe('API: the site owner creates questions', () => {
  let app: Awaited<ReturnType<typeof makeApi>>;
  before(async () => {
    app = await makeApi();
  });
  after(() => app.close());

  it('creates a question and hands back the asker’s token', async () => {
    const {status, body} = await app.json(
      '/questions',
      adminPost({
        title: '  How long does therapy take?  ',
        author: {displayName: 'Robin', points: 12},
      }),
    );
    assert.equal(status, 201);
    assert.equal(body.question.title, 'How long does therapy take?');
    assert.match(body.question.id, /^[a-z0-9]{12}$/);
    assert.equal(body.question.author.displayName, 'Robin');
    const asAsker = await app.json(`/questions/${body.question.id}`, {
      headers: {authorization: `Bearer ${body.askerToken}`},
    });
    assert.equal(asAsker.body.viewer.isAsker, true);
  });

  it('refuses without the admin token, or with a wrong one', async () => {
    const missing = await app.json('/questions', {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: '{}',
    });
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.code, 'unauthorized');
    const wrong = await app.json(
      '/questions',
      adminPost({title: 'A good question here'}, ADMIN.slice(1)),
    );
    assert.equal(wrong.status, 401);
  });

  it('is off when no admin token is configured', async () => {
    const off = await makeApi({adminToken: null});
    const {status, body} = await off.json('/questions', adminPost({title: 'A good question here'}));
    assert.equal(status, 403);
    assert.match(body.error.message, /QUANDA_ADMIN_TOKEN/);
    await off.close();
  });

  it('names each invalid field', async () => {
    const {status, body} = await app.json(
      '/questions',
      adminPost({title: 'short', tags: 'x', id: 'no spaces'}),
    );
    assert.equal(status, 400);
    assert.deepEqual(Object.keys(body.error.fields).sort(), ['id', 'tags', 'title']);
  });

  it('counts a title in visible characters, and keeps no question it refused', async () => {
    // Eight characters to the schema; none a reader sees.
    const invisible = await app.json(
      '/questions',
      adminPost({id: 'q-invisible', title: '\u200b'.repeat(8)}),
    );
    assert.equal(invisible.status, 400);
    assert.equal(invisible.body.error.code, 'validation');
    assert.equal(invisible.body.error.reason, 'too-short');
    assert.deepEqual(Object.keys(invisible.body.error.fields), ['title']);
    const padded = await app.json(
      '/questions',
      adminPost({id: 'q-padded', title: `Why${'\u202e\u200b'.repeat(5)}?`}),
    );
    assert.equal(padded.status, 400);
    assert.equal(padded.body.error.reason, 'too-short');
    for (const id of ['q-invisible', 'q-padded']) {
      assert.equal((await app.json(`/questions/${id}`)).status, 404);
    }
    const body = `${'\u200b'.repeat(3)}A body with ${'\u2066'.repeat(2)}no tricks left.`;
    const kept = await app.json(
      '/questions',
      adminPost({title: `\u200bA question\u0000 that stays`, body}),
    );
    assert.equal(kept.status, 201);
    assert.equal(kept.body.question.title, 'A question that stays');
    assert.equal(kept.body.question.body.source, 'A body with no tricks left.');
  });

  it('refuses a body that is not JSON, or too large', async () => {
    const notJson = await app.json('/questions', {...adminPost({}), body: '{"title": '});
    assert.equal(notJson.status, 400);
    assert.match(notJson.body.error.message, /not valid JSON/);
    const big = await app.json(
      '/questions',
      adminPost({title: 'Big body here', body: 'x'.repeat(1_000_000)}),
    );
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'payload_too_large');
  });

  it('refuses an id that is taken', async () => {
    assert.equal(
      (await app.json('/questions', adminPost({id: 'taken', title: 'The first question'}))).status,
      201,
    );
    const again = await app.json(
      '/questions',
      adminPost({id: 'taken', title: 'The second question'}),
    );
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'conflict');
  });
});

describe('API: cross-origin embedding', () => {
  let app: Awaited<ReturnType<typeof makeApi>>;
  before(async () => {
    app = await makeApi({allowedOrigins: ['https://blog.example.org']});
  });
  after(() => app.close());

  it('answers a preflight from an allowed origin, cached for a day', async () => {
    const response = await app.request('/questions/q1', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://blog.example.org',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://blog.example.org');
    assert.equal(response.headers.get('access-control-max-age'), '86400');
    assert.match(response.headers.get('access-control-allow-headers')!, /Idempotency-Key/);
    assert.match(response.headers.get('access-control-allow-methods')!, /PUT/);
  });

  it('exposes Retry-After and varies on Origin', async () => {
    const response = await app.request('/questions/none', {
      headers: {origin: 'https://blog.example.org'},
    });
    assert.equal(response.headers.get('access-control-expose-headers'), 'Retry-After');
    assert.match(response.headers.get('vary') ?? '', /Origin/i);
  });

  it('varies on Origin without CORS headers when a request has no Origin', async () => {
    const found = await app.request('/openapi.json');
    const missing = await app.request('/questions/none');
    for (const response of [found, missing]) {
      assert.match(response.headers.get('vary') ?? '', /Origin/i);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    }
    assert.equal(found.status, 200);
    assert.equal(missing.status, 404);
  });

  it('does not allow an origin that is not listed', async () => {
    const response = await app.request('/questions/none', {
      headers: {origin: 'https://evil.example'},
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('always allows pages on localhost, and everyone with *', () => {
    assert.ok(originAllowed('http://localhost:5173', []));
    assert.ok(originAllowed('http://127.0.0.1:8000', []));
    assert.ok(!originAllowed('http://localhost.evil.example', []));
    assert.ok(originAllowed('https://any.example', '*'));
    assert.ok(!originAllowed('null', []));
  });
});
