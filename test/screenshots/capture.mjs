// @ts-check
/**
 * Screenshots of the demo for the README, from headless Chromium against a fresh
 * reference server: `npm run screenshots` builds the drop-in file and writes
 * demo/screenshots/*.png — the article's thread in light, dark and Arabic (right to
 * left), and the theme playground with its calm preset.
 */
import {mkdirSync} from 'node:fs';
import puppeteer from 'puppeteer-core';
import {build} from 'vite';
import {startServer} from '../support/quanda-server.mjs';

/**
 * @typedef {{name: string, path: string, colorScheme: 'light' | 'dark', lang?: string,
 *   selector: string, width?: number}} Shot
 * @type {Shot[]}
 */
const shots = [
  {name: 'thread-light', path: '/', colorScheme: 'light', selector: '.questions'},
  {name: 'thread-dark', path: '/', colorScheme: 'dark', selector: '.questions'},
  {name: 'thread-ar', path: '/', colorScheme: 'light', lang: 'ar', selector: '.questions'},
  {
    name: 'theme-playground',
    path: '/theme.html?preset=calm',
    colorScheme: 'light',
    selector: 'main',
    width: 1200,
  },
];

await build({logLevel: 'silent'});
const server = await startServer({seed: true});
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--hide-scrollbars'],
});
try {
  mkdirSync('demo/screenshots', {recursive: true});
  for (const shot of shots) {
    const page = await browser.newPage();
    await page.setViewport({width: shot.width ?? 820, height: 900, deviceScaleFactor: 1});
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: shot.colorScheme}]);
    await page.goto(`${server.url}${shot.path}`, {waitUntil: 'networkidle0'});
    if (shot.lang) {
      await page.evaluate(
        (lang) => document.querySelector('quanda-thread')?.setAttribute('lang', lang),
        shot.lang,
      );
    }
    await page.waitForFunction(
      (lang) => {
        const root = document.querySelector('quanda-thread')?.shadowRoot;
        const dir = root?.querySelector('[part~="thread"]')?.getAttribute('dir');
        return root?.querySelector('quanda-answer') && (lang !== 'ar' || dir === 'rtl');
      },
      {},
      shot.lang ?? '',
    );
    // Let the nested elements re-render in the new language before the picture.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const section = await page.$(shot.selector);
    await section?.screenshot({path: `demo/screenshots/${shot.name}.png`});
    console.log(`demo/screenshots/${shot.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
