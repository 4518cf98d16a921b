// @ts-check
/// <reference lib="dom" />
/**
 * Offline benchmarks on the demo page (the built drop-in file, the reference server):
 *
 * - Navigation → thread painted (the first answer on screen), from the device's copy
 *   versus from the network. Both with the scripts in the HTTP cache and the same
 *   emulated phone network (a round trip of `rtt` ms); "from the network" starts with
 *   Quanda's IndexedDB database deleted. Medians of alternating runs.
 * - What a renderer crash mid-typing loses: typing a key every 110 ms, the renderer is
 *   killed (Page.crash) at a random moment; what the reopened page restores is compared
 *   with what the page showed just before.
 *
 * @typedef {import('puppeteer-core').Browser} Browser
 * @typedef {import('puppeteer-core').Page} Page
 */
import {median} from './browser.mjs';

/** Installed before the page's scripts: the time of the first frame with an answer. */
const WATCH_PAINT = () => {
  const look = () => {
    const thread = document.querySelector('quanda-thread');
    if (thread?.shadowRoot?.querySelector('quanda-answer')) {
      /** @type {any} */ (window).quandaPainted = performance.now();
    } else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

/** @param {Page} page */
async function paintedAfterNavigation(page, /** @type {string} */ url) {
  await page.goto(url, {waitUntil: 'load'});
  await page.waitForFunction(() => /** @type {any} */ (window).quandaPainted, {timeout: 30_000});
  return page.evaluate(() => /** @type {any} */ (window).quandaPainted);
}

/**
 * @param {{browser: Browser, url: string, runs?: number, rtt?: number, log?: (line: string) => void}} options
 * @returns {Promise<{cache: number, network: number, rtt: number, runs: number}>} ms
 */
export async function benchCachedPaint({browser, url, runs = 5, rtt = 300, log = () => {}}) {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(WATCH_PAINT);
    const cdp = await page.createCDPSession();
    // Warm up: the scripts into the HTTP cache, the thread into IndexedDB.
    await paintedAfterNavigation(page, url);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: rtt,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    /** @type {number[]} */
    const cache = [];
    /** @type {number[]} */
    const network = [];
    for (let run = 0; run < runs; run++) {
      log(`offline: paint run ${run + 1} of ${runs}`);
      // Nothing on the device: the browser clears the origin's IndexedDB itself.
      await page.goto('about:blank');
      await cdp.send('Storage.clearDataForOrigin', {
        origin: new URL(url).origin,
        storageTypes: 'indexeddb',
      });
      network.push(await paintedAfterNavigation(page, url));
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the copy is saved
      cache.push(await paintedAfterNavigation(page, url));
    }
    log(
      `offline: painted from the copy ${cache.map(Math.round).join(', ')} ms; from the network ${network.map(Math.round).join(', ')} ms`,
    );
    return {cache: median(cache), network: median(network), rtt, runs};
  } finally {
    await page.close();
  }
}

const TEXT =
  'What helped me most was writing the worry down before bed, then a short walk the next ' +
  'morning. It took a few weeks, but it works, and I sleep better than I did.';

/** Installed in each page: the answer form's textarea, or null. */
const INSTALL_TEXTAREA = () => {
  /** @type {any} */ (window).quandaTextarea = () =>
    /** @type {HTMLTextAreaElement | null} */ (
      document
        .querySelector('quanda-thread')
        ?.shadowRoot?.querySelector('quanda-answer-form')
        ?.shadowRoot?.querySelector('textarea') ?? null
    );
};
/** @returns {HTMLTextAreaElement | null} */
const TEXTAREA = () => /** @type {any} */ (window).quandaTextarea();

/** @param {Page} page */
async function openDemo(page, /** @type {string} */ url) {
  await page.evaluateOnNewDocument(INSTALL_TEXTAREA);
  await page.goto(url, {waitUntil: 'networkidle0'});
  await page.waitForFunction(TEXTAREA, {timeout: 15_000});
}

/**
 * @param {{browser: Browser, url: string, trials?: number, log?: (line: string) => void}} options
 * @returns {Promise<{lost: number[], delay: number}>} characters lost per trial
 */
export async function benchCrash({browser, url, trials = 5, log = () => {}}) {
  const delay = 110;
  /** @type {number[]} */
  const lost = [];
  for (let trial = 0; trial < trials; trial++) {
    log(`offline: crash trial ${trial + 1} of ${trials}`);
    const page = await browser.newPage();
    await openDemo(page, url);
    // No draft from an earlier trial.
    await page.evaluate(() => {
      const textarea = /** @type {any} */ (window).quandaTextarea();
      if (!textarea) return;
      textarea.value = '';
      textarea.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.evaluate(() => /** @type {any} */ (window).quandaTextarea()?.focus());
    // Not awaited after the crash: a key sent to a dead renderer waits out the protocol
    // timeout (minutes) before it fails.
    void page.keyboard.type(TEXT, {delay}).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 3000 + Math.random() * 6000));
    const before = await page.evaluate(
      () => /** @type {any} */ (window).quandaTextarea()?.value ?? '',
    );
    const cdp = await page.createCDPSession();
    void cdp.send('Page.crash').catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    void page.close().catch(() => undefined);
    const again = await browser.newPage();
    await openDemo(again, url);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const restored = await again.evaluate(
      () => /** @type {any} */ (window).quandaTextarea()?.value ?? '',
    );
    if (!TEXT.startsWith(restored))
      throw new Error(`restored text that was never typed: ${restored}`);
    lost.push(Math.max(0, before.length - restored.length));
    await again.close();
  }
  return {lost, delay};
}
