// @ts-check
/**
 * A host page under the strictest policy Quanda documents, served from its own origin
 * with Quanda loaded from another (the reference server), the way a site embeds it:
 *
 *   Content-Security-Policy: script-src 'self' <quanda origin>; style-src 'self';
 *     connect-src <quanda origin>; require-trusted-types-for 'script';
 *     trusted-types lit-html quanda
 *
 * `/page.html?quanda=<origin>&question=<id>` embeds the thread; `&copies=2` loads the
 * script twice (as two embeds on one page would), `&duplicates=1` adds
 * 'allow-duplicates', `&fallback=1` removes Element.prototype.setHTML before Quanda loads.
 * The page's own script (strict-page-driver.js) records every securitypolicyviolation
 * and error while it votes, writes, previews and posts an answer, and posts the record
 * to the window above it.
 */
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';

const DRIVER = new URL('./strict-page-driver.js', import.meta.url);

/** The policy docs/embedding.md lists, for a page embedding Quanda from `quandaOrigin`. */
export function strictPolicy(/** @type {string} */ quandaOrigin, allowDuplicates = false) {
  return [
    `script-src 'self' ${quandaOrigin}`,
    "style-src 'self'",
    `connect-src ${quandaOrigin}`,
    "require-trusted-types-for 'script'",
    `trusted-types lit-html quanda${allowDuplicates ? " 'allow-duplicates'" : ''}`,
  ].join('; ');
}

const escape = (/** @type {string} */ value) =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startStrictPageServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/strict-page-driver.js') {
      res.writeHead(200, {'content-type': 'text/javascript'});
      return void res.end(readFileSync(DRIVER));
    }
    if (url.pathname !== '/page.html') return void res.writeHead(404).end();
    const quanda = new URL(url.searchParams.get('quanda') ?? '').origin;
    const question = url.searchParams.get('question') ?? '';
    const copies = Number(url.searchParams.get('copies') ?? 1);
    const scripts = Array.from(
      {length: copies},
      (_, i) =>
        `<script type="module" src="${escape(`${quanda}/quanda.js${i ? `?copy=${i + 1}` : ''}`)}"></script>`,
    ).join('\n');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': strictPolicy(quanda, url.searchParams.get('duplicates') === '1'),
    });
    res.end(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A page with a strict policy</title>
    <script src="/strict-page-driver.js"></script>
    ${scripts}
  </head>
  <body>
    <quanda-thread endpoint="${escape(`${quanda}/api`)}" question-id="${escape(question)}"></quanda-thread>
  </body>
</html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    // localhost, not 127.0.0.1: another origin than the reference server's.
    url: `http://localhost:${port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
