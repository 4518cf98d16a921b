/**
 * A backend that speaks the contract and nothing more: every answer is generated from the
 * OpenAPI document (contract-arbitraries.ts), so it is anything the contract allows.
 *
 *   node --import tsx test/support/contract-backend.ts <seed>
 *
 * Prints `listening <url>`. Requests go to `<url>/<run>/<contract path>`: each run is one
 * backend, and the same run, method and URL always get the same answer (seeded), so a
 * failing run can be replayed. An operation answers with one of the responses the
 * document lists for it, a success most of the time and each documented error now and
 * then; a route the document does not have (live events, a board, a care notice) answers
 * 404, as a backend without that optional feature would.
 *
 * Beyond the schemas it keeps only the rules the document writes in words: the thread's
 * question is the one asked for, ids are unique within a response. Two runs in 25 get a
 * thread that is not allowed (a date that is no date, a body format nobody knows).
 */
import {createHash} from 'node:crypto';
import {createServer} from 'node:http';
import type {IncomingMessage, ServerResponse} from 'node:http';
import fc from 'fast-check';
import {openApiDocument} from '../../src/server/openapi.js';
import {arbitraries} from './contract-arbitraries.js';
import type {JsonSchema} from './contract-arbitraries.js';

const seed = Number(process.argv[2] ?? 1);
const doc = openApiDocument('/');
const of = arbitraries(doc.components.schemas as Record<string, JsonSchema>, {maxItems: 5});

interface Documented {
  responses: Record<string, {content?: {'application/json': {schema: JsonSchema}}}>;
}

/** The document's operations, with a pattern for their path. */
const routes = Object.entries(doc.paths).flatMap(([template, methods]) =>
  Object.entries(methods as Record<string, Documented>).map(([method, operation]) => ({
    method: method.toUpperCase(),
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`),
    template,
    operation,
    answers: undefined as fc.Arbitrary<[number, unknown]> | undefined,
  })),
);

/** What the widget asked for that the document does not have. */
const unknownRoutes: string[] = [];
/** How many generated responses were served. */
let served = 0;

const server = createServer((request, response) => {
  cors(request, response);
  if (request.method === 'OPTIONS') return void response.writeHead(204).end();
  const url = new URL(request.url ?? '/', 'http://backend');
  if (url.pathname === '/report') return send(response, 200, {served, unknownRoutes});
  const [, run, ...rest] = url.pathname.split('/');
  const path = `/${rest.join('/')}`;
  const route = routes.find(
    (candidate) => candidate.method === request.method && candidate.pattern.test(path),
  );
  if (!route) {
    unknownRoutes.push(`${request.method} ${path}`);
    return send(response, 404, {error: {code: 'not_found', message: 'No such API route'}});
  }
  // Read (and drop) the body, then answer.
  request.resume();
  request.on('end', () => {
    const [, id = ''] = route.pattern.exec(path)!;
    served++;
    const [status, body] = generate(`${seed}:${run}:${request.method}:${path}${url.search}`, route);
    send(
      response,
      status,
      route.template === '/questions/{id}' && status === 200
        ? thread(body, decodeURIComponent(id), Number(run))
        : unique(body),
    );
  });
});

/** One of the operation's documented responses, generated from its schema. */
function generate(key: string, route: (typeof routes)[number]): [number, unknown] {
  route.answers ??= answersOf(route);
  const [answer] = fc.sample(route.answers, {seed: hash(key), numRuns: 1});
  return answer;
}

function answersOf(route: (typeof routes)[number]) {
  const responses = Object.entries(route.operation.responses).flatMap(([status, response]) => {
    const schema = response.content?.['application/json'].schema;
    if (!schema) return [];
    // Successes most of the time; each documented error now and then.
    const weight = status.startsWith('2') ? 12 : 1;
    return [
      {arbitrary: of(schema).map((body) => [Number(status), body] as [number, unknown]), weight},
    ];
  });
  return fc.oneof(...responses);
}

/** Runs (modulo 25) whose thread is not quite what the contract allows. */
export const NOT_A_DATE = 12;
export const UNKNOWN_FORMAT = 24;

/**
 * A thread keeps the rules the document words: its question is the one asked for. Every
 * tenth backend has a long thread (50 answers), as a busy question would.
 */
function thread(body: unknown, questionId: string, run: number) {
  const value = body as {
    question: {id: string; body: unknown};
    answers: {id: string}[];
    serverTime: string;
  };
  value.question.id = questionId;
  // Two near misses the contract does not allow, which the widget must refuse cleanly.
  if (run % 25 === NOT_A_DATE) value.serverTime = '9178-73-11T50:51-87:50';
  if (run % 25 === UNKNOWN_FORMAT) value.question.body = {format: 'rtf', rtf: '{\\rtf1 Hi}'};
  if (run % 10 === 9 && value.answers.length) {
    value.answers = Array.from({length: 50}, (_, index) => ({
      ...value.answers[index % value.answers.length],
    }));
  }
  return unique(value, questionId);
}

/** Makes every post id in a response unique (ids are identities), keeping `keep` as is. */
function unique<T>(body: T, keep?: string): T {
  const seen = new Set<string>(keep ? [keep] : []);
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const post = node as {id?: unknown; kind?: unknown};
    if (typeof post.id === 'string' && typeof post.kind === 'string' && post.id !== keep) {
      let id = post.id;
      for (let n = 2; seen.has(id); n++) id = `${post.id.slice(0, 90)}-${n}`;
      seen.add((post.id = id));
    }
    Object.values(node).forEach(visit);
  };
  visit(body);
  return body;
}

function hash(key: string): number {
  return createHash('sha256').update(key).digest().readInt32LE(0);
}

function cors(request: IncomingMessage, response: ServerResponse) {
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
  const asked = request.headers['access-control-request-headers'];
  if (asked) response.setHeader('access-control-allow-headers', asked);
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {'content-type': 'application/json'});
  response.end(JSON.stringify(body));
}

server.listen(0, '127.0.0.1', () => {
  const address = server.address() as {port: number};
  console.log(`listening http://127.0.0.1:${address.port}`);
});
