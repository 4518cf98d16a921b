// @ts-check
/**
 * Screenshots of the demo for the README, from headless Chromium against a fresh
 * reference server: `npm run screenshots` writes demo/screenshots/*.png.
 */
import {mkdirSync} from 'node:fs';
import puppeteer from 'puppeteer-core';
import {startServer} from '../support/quanda-server.mjs';

const shots = [{name: 'thread-light', colorScheme: 'light'}];

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
    await page.setViewport({width: 820, height: 900, deviceScaleFactor: 1});
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: shot.colorScheme}]);
    await page.goto(`${server.url}/`, {waitUntil: 'networkidle0'});
    await page.waitForFunction(() =>
      document.querySelector('quanda-thread')?.shadowRoot?.querySelector('quanda-answer'),
    );
    const section = await page.$('.questions');
    await section?.screenshot({path: `demo/screenshots/${shot.name}.png`, clip: undefined});
    console.log(`demo/screenshots/${shot.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
