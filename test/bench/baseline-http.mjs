// @ts-check
/**
 * The HTTP side both baselines share (baseline-server.mjs on SQLite, baseline-pg-server.mjs
 * on PostgreSQL): plain `node:http`, the routes the benchmark sends, the values a
 * request binds (see baseline-server.mjs), and the rows as JSON. A board's reads bind
 * nothing: their SQL is replayed with the values the probe's request had.
 */
import {createHash} from 'node:crypto';
import {createServer} from 'node:http';

/**
 * @param {(scenario: string) => boolean} has  whether a captured plan has this scenario
 * @param {(scenario: string, bound: Record<string, unknown>) => unknown} run  its rows (or a promise of them)
 * @param {() => Promise<void> | void} [close]  what to close on SIGTERM, after the server
 */
export function serveBaseline(has, run, close = () => {}) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const now = new Date().toISOString();
    const scenario = String(request.headers['x-bench-plan'] ?? '');
    let match;
    /** @type {unknown} */
    let result;
    try {
      if (!has(scenario)) {
        response.writeHead(404, {'content-type': 'application/json'}).end('{"error":"no plan"}');
        return;
      }
      if (request.method === 'GET' && (match = /^\/api\/questions\/([^/]+)$/.exec(url.pathname))) {
        result = await run(scenario, {questionId: decodeURIComponent(match[1] ?? ''), now});
      } else if (request.method === 'GET' && url.pathname.startsWith('/api/topics/')) {
        result = await run(scenario, {now});
      } else if (
        request.method === 'PUT' &&
        (match = /^\/api\/posts\/([^/]+)\/vote$/.exec(url.pathname))
      ) {
        const {value} = JSON.parse(await readBody(request));
        const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
        result = await run(scenario, {
          postId: decodeURIComponent(match[1] ?? ''),
          tokenHash: createHash('sha256').update(token).digest('base64url'),
          idempotencyKey: request.headers['idempotency-key'] ?? null,
          value,
          now,
        });
      } else {
        response.writeHead(404, {'content-type': 'application/json'}).end('{"error":"not found"}');
        return;
      }
      response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(result));
    } catch (error) {
      response.writeHead(500, {'content-type': 'text/plain'}).end(String(error));
    }
  });

  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') {
      console.log(`listening at http://127.0.0.1:${address.port}`);
    }
  });

  process.on('SIGTERM', () =>
    server.close(() => void Promise.resolve(close()).then(() => process.exit(0))),
  );
}

/** @param {import('node:http').IncomingMessage} request */
async function readBody(request) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}
