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
 *   selector: string, width?: number, write?: boolean, reached: () => boolean}} Shot
 *   `write`: a comment is posted first, and the shot is of the last answer (with it)
 *   down to the answer form, the comment form open and the answer form filled in.
 *   `reached` runs in the page: whether it shows what the shot is named for. The picture
 *   is taken once it holds with every element settled, and the run fails if it never does.
 * @type {Shot[]}
 */
const shots = [
  {
    name: 'thread-light',
    path: '/',
    colorScheme: 'light',
    selector: '.questions',
    reached: () => threadShows('en') && matchMedia('(prefers-color-scheme: light)').matches,
  },
  {
    name: 'thread-dark',
    path: '/',
    colorScheme: 'dark',
    selector: '.questions',
    reached: () => threadShows('en') && matchMedia('(prefers-color-scheme: dark)').matches,
  },
  {
    name: 'thread-ar',
    path: '/',
    colorScheme: 'light',
    lang: 'ar',
    selector: '.questions',
    reached: () => threadShows('ar'),
  },
  {
    name: 'thread-writing',
    path: '/',
    colorScheme: 'light',
    selector: '',
    write: true,
    reached: () => threadShows('en') && writing(),
  },
  {
    name: 'theme-playground',
    path: '/theme.html?preset=calm',
    colorScheme: 'light',
    selector: 'main',
    width: 1200,
    reached: () => threadShows('en'),
  },
];

/**
 * In the page: the thread shows its answers in `lang`, nested elements included (each
 * answer's meta line is in the thread's script, right to left for Arabic).
 * @param {string} lang
 */
function threadShows(lang) {
  const root = document.querySelector('quanda-thread')?.shadowRoot;
  const answers = [...(root?.querySelectorAll('quanda-answer') ?? [])];
  const rtl = root?.querySelector('[part~="thread"]')?.getAttribute('dir') === 'rtl';
  const arabic = (/** @type {Element} */ answer) =>
    /[\u0600-\u06ff]/.test(answer.shadowRoot?.querySelector('[part~="meta"]')?.textContent ?? '');
  return answers.length > 0 && rtl === (lang === 'ar') && answers.every((a) => arabic(a) === rtl);
}

/** In the page: the comment form is open under the last answer, the answer form filled in. */
function writing() {
  const thread = document.querySelector('quanda-thread');
  const last = [...(thread?.shadowRoot?.querySelectorAll('quanda-answer') ?? [])].at(-1);
  const commentForm = pierce(last, 'quanda-comments', 'quanda-comment-form', 'textarea');
  const form = (/** @type {string} */ id) =>
    /** @type {HTMLInputElement | null} */ (pierce(thread, 'quanda-answer-form', id));
  return !!commentForm && !!form('#body')?.value && !!form('#notify')?.checked;
}

/**
 * In the page: the match of the last selector, each looked up in the shadow root of the
 * one before.
 * @param {Element | null | undefined} root
 * @param {string[]} selectors
 */
function pierce(root, ...selectors) {
  let node = root ?? null;
  for (const selector of selectors) node = node?.shadowRoot?.querySelector(selector) ?? null;
  return node;
}

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
    // The page's own helpers, then the shot's state, reached and holding once settled.
    await page.evaluate(`${threadShows}; ${writing}; ${pierce}; ${settled};`);
    if (shot.write) await startWriting(page);
    await page.waitForFunction(shot.reached);
    await page.evaluate(() => settled());
    if (!(await page.evaluate(shot.reached))) throw new Error(`${shot.name}: left its state`);
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
 * In the page: resolves once every Lit element, through shadow roots, has rendered what it
 * was last given (one that renders a child which then updates is waited for too).
 */
async function settled() {
  /** @typedef {Element & {updateComplete?: Promise<unknown>, isUpdatePending?: boolean}} Updating */
  const all = () => {
    /** @type {Updating[]} */
    const out = [];
    const visit = (/** @type {Element} */ node) => {
      out.push(node);
      for (const child of node.shadowRoot?.children ?? []) visit(child);
      for (const child of node.children) visit(child);
    };
    visit(document.documentElement);
    return out;
  };
  for (let round = 0; round < 20; round++) {
    await Promise.all(all().map((el) => el.updateComplete));
    if (!all().some((el) => el.isUpdatePending)) return;
  }
  throw new Error('the page kept updating');
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
