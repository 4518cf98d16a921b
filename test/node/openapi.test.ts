import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import {operations, openApiDocument} from '../../src/server/openapi.js';
import {adminPost, makeApi} from './helpers.js';

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

  it('rejects a response with a field the contract does not have (an email, say)', async () => {
    const check = validatorFor(doc);
    const {body} = await app.json('/questions/doc-q');
    body.question.author.email = 'reader@example.org';
    assert.throws(() => check('get', '/questions/{id}', 200, body), /additional properties/);
  });
});
