import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import fc from 'fast-check';
import {startServer} from '../support/quanda-server.mjs';
import {mintViewer} from './real-http.js';

/** Seeded, so a failure is reproducible: fast-check prints the seed and the shrunk input. */
const SEED = 20_261_206;
const RUNS_PER_OPERATION = 100;
const EMAIL = 'fuzz.canary.5e1d@example.org';

interface Operation {
  method: string;
  path: string;
  query: string[];
  body: boolean;
}

interface Input {
  id: string;
  query: [string, string][];
  token: string;
  key: string | undefined;
  type: string | undefined;
  body: string | Uint8Array;
}

type Fixture = {q: {askerToken: string; answers: {id: string; token: string}[]}};

/**
 * Every operation of the OpenAPI document, sent malformed, oversized, deeply nested,
 * wrongly typed and wrongly encoded input by fast-check, on a real server process: no
 * answer is a 5xx, every error is in the envelope, no response or log line holds an email
 * address or a token, and the server still answers after. Bounded: about 2,000 requests.
 */
describe('the API under fuzzed input', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let operations: Operation[];
  let viewer: string;
  let fixture: Fixture;
  let sent = 0;
  const statuses = new Map<number, number>();

  before(async () => {
    const all = '100000/100000';
    server = await startServer({
      fixture: {questions: [{id: 'q', answers: 3}]},
      env: {
        ...Object.fromEntries(
          ['ANSWERS', 'COMMENTS', 'VOTES', 'FLAGS', 'EDITS'].map((a) => [`QUANDA_LIMIT_${a}`, all]),
        ),
        QUANDA_LIMIT_VIEWERS: '1/100000',
      },
    });
    fixture = server.fixture as Fixture;
    viewer = await mintViewer(server.api);
    const document = (await (await fetch(`${server.api}/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, {parameters?: {name: string; in: string}[]; requestBody?: unknown}>
      >;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: operation.requestBody !== undefined,
      })),
    );
  });
  after(() => server.stop());

  const secrets = () => [
    EMAIL,
    viewer,
    server.adminToken,
    server.moderatorToken,
    fixture.q.askerToken,
  ];

  const ids = () =>
    fc.oneof(
      fc.constantFrom('q', fixture.q.answers[0].id, fixture.q.answers[1].id, 'none'),
      fc.string({maxLength: 40}),
      fc.constantFrom('%2e%2e', '..', '%zz', '%00', '%E2%80%AE', 'a%2Fb', '%F0%9F', ' ', '%0d%0a'),
      fc.string({minLength: 300, maxLength: 3_000, unit: 'grapheme'}),
    );

  const deep = fc
    .tuple(fc.integer({min: 2, max: 6_000}), fc.constantFrom('[', '{"a":'))
    .map(([depth, open]) => open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth));

  const text = fc.oneof(
    fc.string({maxLength: 200}),
    fc.string({maxLength: 200, unit: 'grapheme'}),
    fc.constantFrom(
      '\u200b'.repeat(12),
      '#\n'.repeat(6_000),
      '>'.repeat(12_000),
      '*a_'.repeat(4_000),
    ),
    fc.string({minLength: 12_001, maxLength: 13_000}),
  );

  /** Bodies: the contract's field names with values of any type, and broken JSON. */
  const bodies = () =>
    fc.oneof(
      fc
        .record(
          {
            body: fc.oneof(text, fc.anything()),
            displayName: fc.oneof(fc.string({maxLength: 60}), fc.anything()),
            notify: fc.oneof(fc.boolean(), fc.anything()),
            email: fc.oneof(fc.constant(EMAIL), fc.string()),
            value: fc.oneof(fc.integer({min: -2, max: 2}), fc.anything()),
            answerId: fc.oneof(fc.constant(fixture.q.answers[0].id), fc.anything()),
            reason: fc.oneof(fc.constantFrom('spam', 'abusive', 'other'), fc.anything()),
            note: fc.string(),
            action: fc.oneof(fc.constantFrom('approve', 'hide', 'restore'), fc.anything()),
            title: text,
            id: fc.string(),
            tags: fc.anything(),
          },
          {requiredKeys: []},
        )
        .map((value) => JSON.stringify(value)),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      deep,
      deep.map((nested) => `{"body": "A body long enough.", "x": ${nested}}`),
      fc.string({maxLength: 100}),
      fc.constant('x'.repeat(70_000)),
      fc.uint8Array({maxLength: 200}),
      fc.constant(
        Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      ),
    );

  const request = (operation: Operation) =>
    fc.record({
      id: ids(),
      query: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...operation.query, 'sort', 'cursor', 'status'), fc.string()),
          fc.string(),
        ),
        {maxLength: 3},
      ),
      token: fc.oneof(
        {weight: 4, arbitrary: fc.constant('viewer')},
        fc.constantFrom('admin', 'moderator', 'asker', 'junk', 'none'),
      ),
      key: fc.oneof(fc.constant(undefined), fc.uuid(), fc.string({maxLength: 300})),
      type: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/json; charset=latin1',
        undefined,
      ),
      body: bodies(),
    });

  async function send(operation: Operation, input: Input) {
    const path = operation.path.replace(/\{[^}]+\}/g, () => encodePath(input.id));
    const query = new URLSearchParams(input.query).toString();
    const tokens: Record<string, string | undefined> = {
      viewer,
      admin: server.adminToken,
      moderator: server.moderatorToken,
      asker: fixture.q.askerToken,
      junk: 'x'.repeat(600),
      none: undefined,
    };
    const headers: Record<string, string> = {};
    const token = tokens[input.token];
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (input.key !== undefined && /^[\x20-\x7e]*$/.test(input.key))
      headers['idempotency-key'] = input.key;
    if (input.type) headers['content-type'] = input.type;
    const response = await fetch(`${server.api}${path}${query ? `?${query}` : ''}`, {
      method: operation.method,
      headers,
      body:
        operation.method === 'GET' ? undefined : (input.body as string | Uint8Array<ArrayBuffer>),
    });
    const reply = await response.text();
    sent++;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const what = `${operation.method} ${path}: ${response.status} ${reply.slice(0, 200)}`;
    assert.ok(response.status < 500, what);
    for (const secret of secrets()) assert.ok(!reply.includes(secret), `${what} holds a secret`);
    if (response.status >= 400) {
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/, what);
      const envelope = JSON.parse(reply) as {error?: {code?: unknown; message?: unknown}};
      assert.equal(typeof envelope.error?.code, 'string', what);
      assert.equal(typeof envelope.error?.message, 'string', what);
    }
  }

  it('answers every operation without a 5xx, in the envelope, with no secret in any reply', async () => {
    assert.ok(operations.length >= 14, `${operations.length} operations`);
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(request(operation), (input) => send(operation, input)),
        {seed: SEED, numRuns: RUNS_PER_OPERATION},
      );
    }
    console.log(
      `fuzz: ${sent} requests over ${operations.length} operations (seed ${SEED}); statuses ` +
        [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' '),
    );
  });

  it('is still up, and logged no secret and no stack trace', async () => {
    const reply = await fetch(`${server.api}/questions/q`);
    assert.equal(reply.status, 200);
    assert.ok(server.lines.length >= sent, `${server.lines.length} log lines`);
    for (const line of server.lines) {
      for (const secret of secrets()) assert.ok(!line.includes(secret), line);
      assert.doesNotMatch(line, /^\s+at |Error:/, line);
    }
  });
});

/** A path segment as the fuzzer means it: its own escapes kept, anything else encoded. */
function encodePath(segment: string): string {
  return segment.replace(/%(?![0-9a-fA-F]{2})|[^A-Za-z0-9\-._~%!$&'()*+,;=:@]/gu, (char) =>
    encodeURIComponent(char).replace(/%(?![0-9a-fA-F]{2})/g, '%25'),
  );
}
