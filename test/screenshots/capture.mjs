// @ts-check
/**
 * Screenshots of the demo for the README and docs/, from headless Chromium against a fresh
 * reference server: `npm run screenshots` builds the drop-in file and writes
 * demo/screenshots/*.png — the article's thread in light, dark and Arabic (right to
 * left), the writing side (a comment, its form, and the answer form being filled in),
 * and the theme playground with its calm preset.
 */
import {mkdirSync} from 'node:fs';
import puppeteer from 'puppeteer-core';
import {build} from 'vite';
import {startServer} from '../support/quanda-server.mjs';

/**
 * @typedef {{name: string, path: string, colorScheme: 'light' | 'dark', lang?: string,
 *   selector: string, width?: number, write?: boolean}} Shot
 *   `write`: a comment is posted first, and the shot is of the last answer (with it)
 *   down to the answer form, the comment form open and the answer form filled in.
 * @type {Shot[]}
 */
const shots = [
  {name: 'thread-light', path: '/', colorScheme: 'light', selector: '.questions'},
  {name: 'thread-dark', path: '/', colorScheme: 'dark', selector: '.questions'},
  {name: 'thread-ar', path: '/', colorScheme: 'light', lang: 'ar', selector: '.questions'},
  {name: 'thread-writing', path: '/', colorScheme: 'light', selector: '', write: true},
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
await postComment(server.url);
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
    if (shot.write) await startWriting(page);
    // Let the nested elements re-render in the new language before the picture.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const path = /** @type {`${string}.png`} */ (`demo/screenshots/${shot.name}.png`);
    if (shot.write) await page.screenshot({path, clip: await writingArea(page)});
    else await (await page.$(shot.selector))?.screenshot({path});
    console.log(`demo/screenshots/${shot.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

/**
 * A reader's comment under the last answer, through the API as the widget would send it.
 * @param {string} url
 */
async function postComment(url) {
  const thread = await (await fetch(`${url}/api/questions/therapist-confidentiality`)).json();
  const last = thread.answers.at(-1);
  const {token} = await (await fetch(`${url}/api/viewer`, {method: 'POST'})).json();
  const response = await fetch(`${url}/api/posts/${last.id}/comments`, {
    method: 'POST',
    headers: {'content-type': 'application/json', authorization: `Bearer ${token}`},
    body: JSON.stringify({
      body: 'Thank you, this is the part I did not understand before.',
      displayName: 'Robin',
      notify: false,
    }),
  });
  if (!response.ok) throw new Error(`the comment was refused: ${await response.text()}`);
}

/**
 * Opens the comment form under the last answer and fills in part of the answer form, the
 * way a reader would (the answer form loads when the browser is idle).
 * @param {import('puppeteer-core').Page} page
 */
async function startWriting(page) {
  await page.waitForFunction(() => {
    const thread = document.querySelector('quanda-thread')?.shadowRoot;
    return thread?.querySelector('quanda-answer-form')?.shadowRoot?.querySelector('textarea');
  });
  await page.evaluate(async () => {
    const thread = /** @type {ShadowRoot} */ (document.querySelector('quanda-thread')?.shadowRoot);
    const answers = thread.querySelectorAll('quanda-answer');
    const comments = answers[answers.length - 1]?.shadowRoot?.querySelector('quanda-comments');
    comments?.shadowRoot
      ?.querySelector('[part~="add-comment-button"]')
      ?.dispatchEvent(new MouseEvent('click'));
    const form = thread.querySelector('quanda-answer-form')?.shadowRoot;
    const field = (/** @type {string} */ id) =>
      /** @type {HTMLInputElement} */ (form?.getElementById(id));
    field('body').value =
      'I had the same question. My therapist explained it at our first session, and I';
    field('name').value = 'Sam';
    field('notify').click();
  });
  await page.waitForFunction(() => {
    const thread = document.querySelector('quanda-thread')?.shadowRoot;
    const answers = thread?.querySelectorAll('quanda-answer') ?? [];
    const comments = answers[answers.length - 1]?.shadowRoot?.querySelector('quanda-comments');
    return comments?.shadowRoot
      ?.querySelector('quanda-comment-form')
      ?.shadowRoot?.querySelector('textarea');
  });
  // The comment form takes focus; the picture is of a page at rest.
  await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.blur());
}

/**
 * From the top of the last answer to the bottom of the answer form.
 * @param {import('puppeteer-core').Page} page
 */
async function writingArea(page) {
  return page.evaluate(() => {
    const thread = /** @type {ShadowRoot} */ (document.querySelector('quanda-thread')?.shadowRoot);
    const answers = thread.querySelectorAll('quanda-answer');
    const top = answers[answers.length - 1]?.getBoundingClientRect();
    const bottom = thread.querySelector('quanda-answer-form')?.getBoundingClientRect();
    if (!top || !bottom) throw new Error('nothing to take a picture of');
    const x = Math.floor(Math.min(top.left, bottom.left)) - 16;
    const y = Math.floor(top.top + window.scrollY) - 8;
    return {
      x,
      y,
      width: Math.ceil(Math.max(top.right, bottom.right)) + 16 - x,
      height: Math.ceil(bottom.bottom + window.scrollY) + 16 - y,
    };
  });
}
