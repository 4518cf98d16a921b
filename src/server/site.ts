import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {serveStatic} from '@hono/node-server/serve-static';
import {Hono} from 'hono';
import type {Context, Hono as HonoApp} from 'hono';
import {compress} from 'hono/compress';
import {etag} from 'hono/etag';
import {ApiError, sendError} from './http.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = `${ROOT}dist`;
const DEMO = `${ROOT}demo`;

/**
 * The demo pages are served under the strictest policy a page embedding Quanda can have
 * (the README lists it): scripts, styles and requests from this origin only, Trusted
 * Types enforced, and only the policies Quanda creates (`lit-html`, Lit's, and `quanda`,
 * the DOMPurify fallback's where the browser has no `Element.setHTML`).
 */
export const DEMO_POLICY = [
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html quanda',
  // Nothing may change where relative URLs point, embed plugins, or frame the page.
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function apiNotFound(c: Context) {
  return sendError(c, new ApiError(404, 'not_found', 'No such API route'));
}

/**
 * The whole site `npm start` serves: the API under `/api`, the drop-in file and what it
 * loads (`/quanda.js`, `/quanda-threads.js`, `/chunks/…`) for any origin, and the demo
 * blog at `/`.
 */
export function createSite(api: HonoApp<any>, extra: {mailPages?: HonoApp<any>} = {}) {
  const site = new Hono();
  // On every response: no content sniffing, and no full URL sent to other sites.
  site.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    await next();
  });
  // Pages and API replies go gzipped to a browser that takes it (above 1 kB; a thread's
  // JSON shrinks to about a third). Only reads: a write's short reply gains nothing. The
  // drop-in file and chunks come compressed from the build instead (below). Only when the
  // request names the encodings it takes: without Accept-Encoding nothing is compressed,
  // and the middleware's look at the made reply (it builds a full Response to read its
  // headers) cost such a thread read a third of its time (npm run bench).
  const gzip = compress();
  site.use('*', (c, next) =>
    c.req.method === 'GET' && c.req.header('accept-encoding') ? gzip(c, next) : next(),
  );
  site.route('/api', api);
  // The pages mail links open (mail/pages.ts): only when the server sends mail.
  if (extra.mailPages) site.route('/mail', extra.mailPages);
  // Mounted here, the API's own not-found handler is never reached: any other /api path,
  // or a method a path does not take, gets the same envelope as every API error.
  site.all('/api', apiNotFound);
  site.all('/api/*', apiNotFound);

  // Module scripts are fetched with CORS: any page may load Quanda from here.
  const dropIn = ['/quanda.js', '/quanda.js.map', '/quanda-threads.js', '/quanda-threads.js.map'];
  for (const path of [...dropIn, '/chunks/*']) {
    site.use(path, async (c, next) => {
      await next();
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      // Chunks carry content hashes in their names; the drop-in URLs stay the same across releases.
      const hashed = c.req.path.startsWith('/chunks/');
      c.header(
        'Cache-Control',
        hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
      );
      // Sent brotli, gzip or as is, by what the browser accepts: caches keep one per kind.
      if (!/\bAccept-Encoding\b/i.test(c.res.headers.get('Vary') ?? '')) {
        c.header('Vary', 'Accept-Encoding', {append: true});
      }
    });
  }
  site.use('/quanda.js', etag());
  site.use('/quanda-threads.js', etag());
  site.get('/quanda.js', async (c, next) => {
    if (existsSync(`${DIST}/quanda.js`)) return next();
    return c.text(
      'dist/quanda.js is missing: run `npm run build` (npm start does it for you).',
      404,
    );
  });
  // The build leaves a .br and a .gz beside each script (vite.config.ts, precompress).
  for (const path of dropIn) {
    site.use(path, serveStatic({root: DIST, precompressed: path.endsWith('.js')}));
  }
  site.use('/chunks/*', serveStatic({root: DIST, precompressed: true}));

  site.use('/*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.header('Cache-Control', 'no-cache');
      c.header('Content-Security-Policy', DEMO_POLICY);
    }
  });
  site.use('/*', serveStatic({root: DEMO}));
  return site;
}
