// @ts-check
/**
 * Debian's Chromium for the benchmarks, and a small static server for the pages they load.
 */
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';

export const CHROME = process.env['CHROME_PATH'] || '/usr/bin/chromium';

/** Root in containers needs --no-sandbox; the closed network makes Chromium's own traffic noise. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--no-first-run',
];

/** @param {string[]} args */
export function launchChromium(args = []) {
  return puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: [...CHROME_ARGS, ...args],
  });
}

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const TYPES = /** @type {Record<string, string>} */ ({
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
});

/**
 * Serves the built drop-in file and its chunks from dist/ (the real thing a site embeds,
 * not dev sources), plus the given pages.
 * @param {Record<string, string>} pages  path → HTML
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export function serveDist(pages) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const page = pages[path];
    if (page !== undefined) {
      response.writeHead(200, {'content-type': TYPES['.html']}).end(page);
      return;
    }
    const file = normalize(join(DIST, path));
    try {
      if (!file.startsWith(DIST)) throw new Error('outside dist');
      const body = await readFile(file);
      response
        .writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'})
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return listen(server);
}

/**
 * Starts a server on a free loopback port.
 * @param {import('node:http').Server} server
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        // Without closeAllConnections, close() waits out the browser's idle keep-alive sockets.
        close: () =>
          new Promise((/** @type {(value?: void) => void} */ done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The middle value (the upper one of an even count). @param {number[]} values */
export const median = (values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
