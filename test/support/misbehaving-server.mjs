// @ts-check
/**
 * A real HTTP server that answers like a broken Quanda backend, one way per path prefix:
 * `${url}/<mode>/questions/42`. The client and the thread are tested against it instead
 * of a stubbed `fetch`, so the browser's own network stack sees every failure.
 */
import {createServer} from 'node:http';
import {expand, vectors} from './xss-corpus.mjs';

/** @type {Record<string, (res: import('node:http').ServerResponse) => void>} */
const modes = {
  'malformed-json': (res) => json(res, 200, '{"question": {"id": "42", "title": '),
  'wrong-shape': (res) => json(res, 200, JSON.stringify({question: {id: 42}, answers: 'none'})),
  'not-found': (res) =>
    json(res, 404, JSON.stringify({error: {code: 'not_found', message: 'No question "42"'}})),
  'server-error': (res) =>
    json(
      res,
      500,
      JSON.stringify({error: {code: 'internal', message: 'The server ran into a problem'}}),
    ),
  'html-error': (res) => {
    res.writeHead(502, {'content-type': 'text/html'});
    res.end('<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>');
  },
  'html-page': (res) => {
    res.writeHead(200, {'content-type': 'text/html'});
    res.end('<!doctype html><title>Welcome</title><h1>It works!</h1>');
  },
  'rate-limited': (res) => {
    res.setHeader('retry-after', '30');
    json(res, 429, JSON.stringify({error: {code: 'rate_limited', message: 'Slow down'}}));
  },
  // Headers and half a body, then nothing: the response never ends.
  'never-ends': (res) => {
    res.writeHead(200, {'content-type': 'application/json'});
    res.write('{"question": {');
  },
  // Not even headers.
  'no-response': () => {},
  'empty-body': (res) => json(res, 200, ''),
  // A valid thread, but of another question than the one asked for (a backend that
  // normalizes ids, say).
  'other-question': (res) => {
    const thread = hostileThread();
    json(
      res,
      200,
      JSON.stringify({...thread, answers: [], question: {...thread.question, answerCount: 0}}),
    );
  },
  // A backend that stores HTML and serves it unsanitized: every XSS vector as an answer
  // and as a comment on it, `{format: 'html'}`, in a thread that parses.
  'html-bodies': (res) => json(res, 200, JSON.stringify(hostileThread())),
};

/** A thread whose every body is one of the XSS vectors, as a hostile backend's HTML. */
function hostileThread() {
  const at = '2026-01-01T00:00:00Z';
  const author = {displayName: 'Mallory', points: 1, isViewer: false};
  // Nothing to do on these posts: the tests are about showing them.
  const no = {allowed: false, reason: 'hidden'};
  const viewerCan = {
    vote: no,
    accept: no,
    edit: no,
    flag: no,
    comment: no,
  };
  const html = (/** @type {number} */ id) => ({
    format: 'html',
    html: expand(vectors[id] ?? '', id),
  });
  const post = {status: 'published', author, createdAt: at, lastEdit: null, viewerCan};
  return {
    question: {
      ...post,
      id: 'q42',
      kind: 'question',
      title: 'A thread from a hostile backend',
      body: {format: 'text', text: 'Every answer below is an XSS vector.'},
      score: 0,
      viewerVote: 0,
      comments: {items: [], count: 0},
      category: null,
      tags: [],
      answerCount: vectors.length,
    },
    answers: vectors.map((_, id) => ({
      ...post,
      id: `a${id}`,
      kind: 'answer',
      body: html(id),
      score: 0,
      viewerVote: 0,
      isAccepted: false,
      comments: {
        items: [{...post, id: `c${id}`, kind: 'comment', parentId: `a${id}`, body: html(id)}],
        count: 1,
      },
    })),
    nextCursor: null,
    viewer: {isAsker: false, canAnswer: {allowed: false, reason: 'hidden'}},
    serverTime: at,
  };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} body
 */
function json(res, status, body) {
  res.writeHead(status, {'content-type': 'application/json'});
  res.end(body);
}

export async function startMisbehavingServer() {
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    res.setHeader('access-control-expose-headers', 'retry-after');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const mode = (req.url ?? '').split('/')[1] ?? '';
    const handler = modes[mode];
    if (handler) handler(res);
    else json(res, 404, JSON.stringify({error: {code: 'not_found', message: `No mode "${mode}"`}}));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  // A port that was free a moment ago and has nothing listening on it: "no server at all".
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', () => resolve(undefined)));
  const closedPort = /** @type {import('node:net').AddressInfo} */ (closed.address()).port;
  await new Promise((resolve) => closed.close(resolve));
  return {
    url: `http://127.0.0.1:${address.port}`,
    closedUrl: `http://127.0.0.1:${closedPort}`,
    modes: Object.keys(modes),
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
