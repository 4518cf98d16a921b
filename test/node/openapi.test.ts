import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {promisify} from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import * as z from 'zod/mini';
import {Timestamp} from '../../src/api/schemas.js';
import {operations, openApiDocument} from '../../src/server/openapi.js';
import {adminPost, answerText, makeApi, moderator} from './helpers.js';

type Doc = ReturnType<typeof openApiDocument>;

/** Validates a real response against what the OpenAPI document promises for it. */
function validatorFor(doc: Doc) {
  const ajv = new Ajv2020({strict: false, allErrors: true});
  ajv.addFormat('date-time', true);
  ajv.addSchema({$id: 'doc', components: doc.components});
  return (method: string, path: string, status: number, body: unknown) => {
    const operation = (doc.paths as any)[path]?.[method];
    assert.ok(operation, `${method.toUpperCase()} ${path} is not in the document`);
    const response = operation.responses[String(status)];
    assert.ok(response, `${method.toUpperCase()} ${path} does not document ${status}`);
    const schema = JSON.parse(
      JSON.stringify(response.content['application/json'].schema).replaceAll(
        '"#/components',
        '"doc#/components',
      ),
    );
    const valid = ajv.validate(schema, body);
    assert.ok(valid, `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText()}`);
  };
}

describe('OpenAPI document', () => {
  let app: Awaited<ReturnType<typeof makeApi>>;
  let doc: Doc;
  before(async () => {
    app = await makeApi();
    const served = await app.json('/openapi.json');
    assert.equal(served.status, 200);
    doc = served.body;
  });
  after(() => app.close());

  it('is OpenAPI 3.1, with every schema generated from the contract', () => {
    assert.equal(doc.openapi, '3.1.0');
    for (const name of ['Thread', 'Question', 'Answer', 'ErrorEnvelope', 'NewQuestion']) {
      assert.ok(name in doc.components.schemas, name);
    }
    const question = doc.components.schemas['Question'] as {required: string[]};
    assert.ok(question.required.includes('viewerCan'));
  });

  it('lists every route the API serves, and nothing it does not', () => {
    const served = new Set(
      app.api.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`));
    assert.deepEqual([...served].sort(), [...documented].sort());
  });

  it('describes the responses the server really sends', async () => {
    const check = validatorFor(doc);
    const created = await app.json(
      '/questions',
      adminPost({id: 'doc-q', title: 'Does the document match?'}),
    );
    check('post', '/questions', created.status, created.body);

    for (const [path, url] of [
      ['/questions/{id}', '/questions/doc-q'],
      ['/questions/{id}', '/questions/missing'],
      ['/questions/{id}', '/questions/doc-q?sort=nope'],
    ] as const) {
      const response = await app.json(url);
      check('get', path, response.status, response.body);
    }
    const unauthorized = await app.json('/questions', adminPost({title: 'No token here'}, 'wrong'));
    check('post', '/questions', unauthorized.status, unauthorized.body);
    const invalid = await app.json('/questions', adminPost({title: 'x'}));
    check('post', '/questions', invalid.status, invalid.body);
  });

  it('describes the responses of every write, and their errors', async () => {
    const check = validatorFor(doc);
    const asker = await app.question('doc-w');
    const minted = await app.json('/viewer', {method: 'POST'});
    check('post', '/viewer', minted.status, minted.body);
    const reader = minted.body.token as string;
    const other = await app.viewer();
    const as = (token: string) => ({token});

    const answer = await app.send(
      'POST',
      '/questions/doc-w/answers',
      {body: answerText(1), displayName: 'Doc', notify: true, email: 'doc@example.org'},
      as(reader),
    );
    check('post', '/questions/{id}/answers', answer.status, answer.body);
    const answerId = answer.body.id as string;
    for (const reply of [
      await app.send('POST', '/questions/doc-w/answers', {body: answerText(1)}, as(other)), // 409
      await app.send('POST', '/questions/doc-w/answers', {body: 'short'}, as(other)), // 400
      await app.send('POST', '/questions/doc-w/answers', {body: answerText(2)}, {token: null}), // 401
      await app.send('POST', '/questions/nope/answers', {body: answerText(2)}, as(other)), // 404
    ]) {
      check('post', '/questions/{id}/answers', reply.status, reply.body);
    }

    const comment = await app.send('POST', `/posts/${answerId}/comments`, {body: 'Hi'}, as(other));
    check('post', '/posts/{id}/comments', comment.status, comment.body);
    const onComment = await app.send(
      'POST',
      `/posts/${comment.body.id}/comments`,
      {body: 'Hi again'},
      as(other),
    );
    check('post', '/posts/{id}/comments', onComment.status, onComment.body); // 403
    const comments = await app.json(`/posts/${answerId}/comments`);
    check('get', '/posts/{id}/comments', comments.status, comments.body);
    check('get', '/posts/{id}/comments', 404, (await app.json('/posts/nope/comments')).body);

    for (const reply of [
      await app.send('PUT', `/posts/${answerId}/vote`, {value: 1}, as(other)),
      await app.send('PUT', `/posts/${answerId}/vote`, {value: 1}, as(reader)), // 403 own-post
      await app.send('PUT', `/posts/${answerId}/vote`, {value: 2}, as(other)), // 400
    ]) {
      check('put', '/posts/{id}/vote', reply.status, reply.body);
    }

    const accepted = await app.send(
      'PUT',
      '/questions/doc-w/accepted-answer',
      {answerId},
      as(asker),
    );
    check('put', '/questions/{id}/accepted-answer', accepted.status, accepted.body);
    const notAsker = await app.send(
      'PUT',
      '/questions/doc-w/accepted-answer',
      {answerId},
      as(other),
    );
    check('put', '/questions/{id}/accepted-answer', notAsker.status, notAsker.body);
    const unaccepted = await app.send(
      'DELETE',
      '/questions/doc-w/accepted-answer',
      undefined,
      as(asker),
    );
    check('delete', '/questions/{id}/accepted-answer', unaccepted.status, unaccepted.body);

    const thread = await app.json('/questions/doc-w', {
      headers: {authorization: `Bearer ${reader}`},
    });
    check('get', '/questions/{id}', thread.status, thread.body);
    assert.equal(thread.body.answers[0].comments.count, 1);

    const edited = await app.send(
      'PATCH',
      `/posts/${answerId}`,
      {body: answerText('edited')},
      as(reader),
    );
    check('patch', '/posts/{id}', edited.status, edited.body);
    const editedComment = await app.send(
      'PATCH',
      `/posts/${comment.body.id}`,
      {body: 'Hello'},
      as(other),
    );
    check('patch', '/posts/{id}', editedComment.status, editedComment.body);
    const editedQuestion = await app.send('PATCH', '/posts/doc-w', {body: 'Any ideas?'}, as(asker));
    check('patch', '/posts/{id}', editedQuestion.status, editedQuestion.body);
    const notAuthor = await app.send(
      'PATCH',
      `/posts/${answerId}`,
      {body: answerText(9)},
      as(other),
    );
    check('patch', '/posts/{id}', notAuthor.status, notAuthor.body);

    const flagged = await app.send('POST', `/posts/${answerId}/flags`, {reason: 'spam'}, as(other));
    check('post', '/posts/{id}/flags', flagged.status, flagged.body);
    const queue = await app.json('/moderation/posts?status=flagged', {headers: moderator});
    check('get', '/moderation/posts', queue.status, queue.body);
    assert.equal(queue.body.posts.length, 1);
    const moderated = await app.json(`/moderation/posts/${answerId}`, {
      method: 'POST',
      headers: {...moderator, 'content-type': 'application/json'},
      body: JSON.stringify({action: 'hide'}),
    });
    check('post', '/moderation/posts/{id}', moderated.status, moderated.body);
    check('get', '/moderation/posts', 401, (await app.json('/moderation/posts')).body);

    const removed = await app.send('DELETE', `/posts/${comment.body.id}`, undefined, as(other));
    check('delete', '/posts/{id}', removed.status, removed.body);

    const key = 'same-key-for-the-document';
    await app.send('POST', '/posts/doc-w/comments', {body: 'One'}, {token: other, key});
    const reused = await app.send(
      'POST',
      '/posts/doc-w/comments',
      {body: 'Two'},
      {token: other, key},
    );
    check('post', '/posts/{id}/comments', reused.status, reused.body); // 422
  });

  it('names the viewer token and the Idempotency-Key on every write', () => {
    for (const op of operations) {
      if (op.method === 'get' || op.auth !== 'viewer') continue;
      const described = (doc.paths as any)[op.path][op.method];
      assert.deepEqual(described.security, [{viewer: []}], `${op.method} ${op.path}`);
      assert.ok(
        described.parameters.some((p: any) => p.name === 'Idempotency-Key' && p.in === 'header'),
        `${op.method} ${op.path}`,
      );
    }
  });

  it('rejects a response with a field the contract does not have (an email, say)', async () => {
    const check = validatorFor(doc);
    const {body} = await app.json('/questions/doc-q');
    body.question.author.email = 'reader@example.org';
    assert.throws(() => check('get', '/questions/{id}', 200, body), /additional properties/);
  });

  it("passes Redocly's recommended lint with no error and no warning", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quanda-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(doc));
      const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
      const {stdout} = await promisify(execFile)(
        process.execPath,
        [cli, 'lint', file, '--extends', 'recommended', '--format', 'json'],
        {env: {...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true'}},
      ).catch((failure: {stdout?: string}) => ({stdout: failure.stdout ?? ''}));
      const report = JSON.parse(stdout) as {
        totals: {errors: number; warnings: number};
        problems: {ruleId: string; message: string; location: {pointer: string}[]}[];
      };
      const problems = report.problems.map(
        (problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`,
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(report.totals, {...report.totals, errors: 0, warnings: 0});
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it('names its server without a trailing slash, so paths join cleanly', () => {
    assert.equal(openApiDocument('/api/').servers[0].url, '/api');
    assert.equal(
      openApiDocument('https://qa.example.org/api/').servers[0].url,
      'https://qa.example.org/api',
    );
    assert.equal(openApiDocument('/').servers[0].url, '/');
  });

  it('gives every operation an id, security and examples that parse with the contract', () => {
    const ids = new Set<string>();
    for (const op of operations) {
      const described = (doc.paths as any)[op.path][op.method];
      const name = `${op.method} ${op.path}`;
      assert.equal(described.operationId, op.id, name);
      assert.ok(!ids.has(op.id), `${op.id} is used twice`);
      ids.add(op.id);
      assert.ok(Array.isArray(described.security), `${name} has no security`);
      if (op.body) {
        const example = described.requestBody.content['application/json'].example;
        assert.ok(z.safeParse(op.body, example).success, `${name}: the request example`);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response.schema) continue;
        const example = described.responses[status].content['application/json'].example;
        const parsed = z.safeParse(response.schema, example);
        assert.ok(parsed.success, `${name} ${status}: ${parsed.error?.message}`);
      }
    }
  });

  it('describes timestamps as date-time with a pattern that admits only real dates', () => {
    const timestamp = doc.components.schemas['Timestamp'] as {pattern: string; format: string};
    assert.equal(timestamp.format, 'date-time');
    const pattern = new RegExp(timestamp.pattern);
    const valid = [
      '2026-12-06T04:20:02.463Z',
      '2024-02-29T23:59:59+14:00',
      '2000-02-29T00:00:00Z',
      '1970-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999999-12:00',
    ];
    const invalid = [
      '9178-73-11T50:51-87:50',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-12-06T24:00:00Z',
      '2026-12-06T04:20Z',
      '2026-12-06T04:20:60Z',
      '2026-12-06 04:20:00Z',
      '2026-12-06T04:20:00',
    ];
    for (const value of valid) {
      assert.ok(pattern.test(value), value);
      assert.ok(z.safeParse(Timestamp, value).success, value);
      assert.ok(!Number.isNaN(Date.parse(value)), value);
    }
    for (const value of invalid) {
      assert.ok(!pattern.test(value), value);
      assert.ok(!z.safeParse(Timestamp, value).success, value);
    }
  });

  it('writes down what the widget relies on that a schema cannot say', () => {
    const thread = (doc.paths as any)['/questions/{id}'].get.description as string;
    assert.match(thread, /`question\.id` is the id asked for/);
    assert.match(thread, /accepted answer.*comes first/);
    assert.match(thread, /opaque.*stable/);
  });
});
