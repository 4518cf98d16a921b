import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
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
});
