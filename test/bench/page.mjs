// @ts-check
/**
 * Page benchmark: Lighthouse (mobile, simulated slow 4G and a 4× slower CPU: its defaults)
 * on the demo page served by the reference server, with the widget and without it. The
 * page without it is the same response with the script tag and the element cut out, made
 * by a small proxy in front of the server, so both go through the same path and the demo
 * page itself is not touched.
 */
import {createServer, get} from 'node:http';
import {brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync} from 'node:zlib';
import lighthouse from 'lighthouse';
import {listen, median} from './browser.mjs';

/**
 * @typedef {{score: number, tbt: number, lcp: number, bytes: number}} PageFigures
 *   score 0–100, Total Blocking Time and Largest Contentful Paint in milliseconds, and the
 *   bytes the page's load took on the wire, as served (medians)
 * @typedef {{quanda: PageFigures, baseline: PageFigures, runs: number}} PageResult
 * @typedef {import('puppeteer-core').Browser} Browser
 */

const SCRIPT = /\s*<script type="module" src="\/quanda\.js"><\/script>/;
const ELEMENT = /\s*<quanda-thread\b[\s\S]*?<\/quanda-thread>/;

/**
 * The demo page without Quanda: fails loudly if the page changed so that nothing was cut.
 * @param {string} html
 */
export function withoutWidget(html) {
  if (!SCRIPT.test(html) || !ELEMENT.test(html)) {
    throw new Error('the demo page no longer has the script tag and element the bench removes');
  }
  return html.replace(SCRIPT, '').replace(ELEMENT, '');
}

/**
 * Forwards every request to `upstream` and passes its bytes on as they came (compressed as
 * the server sends them); `/?quanda=off` gets the page without the widget, compressed again
 * the same way.
 * @param {string} upstream
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
function proxy(upstream) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const off = url.searchParams.get('quanda') === 'off';
    /** @type {import('node:http').IncomingMessage} */
    const reply = await new Promise((resolve, reject) => {
      get(
        upstream + url.pathname + (off ? '' : url.search),
        {
          headers: {
            accept: request.headers.accept ?? '*/*',
            'accept-encoding': request.headers['accept-encoding'] ?? '',
          },
        },
        resolve,
      ).on('error', reject);
    });
    const headers = {...reply.headers};
    delete headers['transfer-encoding'];
    if (!(off && headers['content-type']?.startsWith('text/html'))) {
      response.writeHead(reply.statusCode ?? 502, headers);
      reply.pipe(response);
      return;
    }
    const chunks = [];
    for await (const chunk of reply) chunks.push(chunk);
    const codec = CODECS[headers['content-encoding'] ?? ''] ?? CODECS[''];
    const html = withoutWidget(codec.decode(Buffer.concat(chunks)).toString('utf8'));
    const body = codec.encode(Buffer.from(html));
    headers['content-length'] = String(body.length);
    response.writeHead(reply.statusCode ?? 502, headers).end(body);
  });
  return listen(server);
}

/** @type {Record<string, {decode: (b: Buffer) => Buffer, encode: (b: Buffer) => Buffer}>} */
const CODECS = {
  '': {decode: (b) => b, encode: (b) => b},
  gzip: {decode: gunzipSync, encode: (b) => gzipSync(b)},
  br: {decode: brotliDecompressSync, encode: (b) => brotliCompressSync(b)},
};

/**
 * @param {{browser: Browser, url: string, runs?: number, log?: (line: string) => void}} options
 *   `browser`: a Chromium started with a remote debugging port (puppeteer's default);
 *   `url`: the reference server serving the demo page
 * @returns {Promise<PageResult>}
 */
export async function benchPage({browser, url, runs = 3, log = () => {}}) {
  const port = Number(new URL(browser.wsEndpoint()).port);
  const site = await proxy(url);
  /** @type {{quanda: PageFigures[], baseline: PageFigures[]}} */
  const figures = {quanda: [], baseline: []};
  try {
    for (let i = 0; i < runs; i++) {
      for (const side of /** @type {const} */ (['baseline', 'quanda'])) {
        log(`page: Lighthouse ${side} ${i + 1}/${runs}`);
        const target = side === 'quanda' ? `${site.url}/` : `${site.url}/?quanda=off`;
        const result = await lighthouse(target, {
          port,
          logLevel: 'error',
          output: 'json',
          onlyCategories: ['performance'],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${target}`);
        const {lhr} = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
        figures[side].push({
          score: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
          tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
          lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
          bytes: lhr.audits['total-byte-weight']?.numericValue ?? NaN,
        });
      }
    }
  } finally {
    await site.close();
  }
  const summary = (/** @type {PageFigures[]} */ list) => ({
    score: median(list.map((f) => f.score)),
    tbt: median(list.map((f) => f.tbt)),
    lcp: median(list.map((f) => f.lcp)),
    bytes: median(list.map((f) => f.bytes)),
  });
  return {quanda: summary(figures.quanda), baseline: summary(figures.baseline), runs};
}
