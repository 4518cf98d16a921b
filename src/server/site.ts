import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {serveStatic} from '@hono/node-server/serve-static';
import {Hono} from 'hono';
import type {Hono as HonoApp} from 'hono';
import {etag} from 'hono/etag';

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
].join('; ');

/**
 * The whole site `npm start` serves: the API under `/api`, the drop-in file and its chunks
 * (`/quanda.js`, `/chunks/…`) for any origin, and the demo blog at `/`.
 */
export function createSite(api: HonoApp<any>) {
  const site = new Hono();
  site.route('/api', api);

  // Module scripts are fetched with CORS: any page may load Quanda from here.
  for (const path of ['/quanda.js', '/quanda.js.map', '/chunks/*']) {
    site.use(path, async (c, next) => {
      await next();
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      // Chunks carry content hashes in their names; the drop-in URL stays the same across releases.
      const hashed = c.req.path.startsWith('/chunks/');
      c.header(
        'Cache-Control',
        hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
      );
    });
  }
  site.use('/quanda.js', etag());
  site.get('/quanda.js', async (c, next) => {
    if (existsSync(`${DIST}/quanda.js`)) return next();
    return c.text(
      'dist/quanda.js is missing: run `npm run build` (npm start does it for you).',
      404,
    );
  });
  site.use('/quanda.js', serveStatic({root: DIST}));
  site.use('/quanda.js.map', serveStatic({root: DIST}));
  site.use('/chunks/*', serveStatic({root: DIST}));

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
