// @ts-check
/**
 * Render benchmark: in headless Chromium, the time from a thread in hand to the thread
 * painted, for the built drop-in file against a baseline that writes the same markup
 * (captured from the widget's own output in the same run) with one innerHTML assignment.
 *
 * Each measurement gets a fresh page; widget and baseline alternate, and the median is
 * kept. The widget shows answers 10 at a time, so with 200 or 2,000 answers in hand the
 * reader's case renders 10; the "all on one page" cases (a client that returns every
 * answer at once) show what rendering them all would cost.
 */
import {
  countNodes,
  flattenWidget,
  makeThread,
  renderBaseline,
  renderWidget,
} from './render-page.mjs';
import {median, serveDist} from './browser.mjs';

/**
 * @typedef {{ms: number, nodes: number, js: number, dom: number}} Figures
 *   js, dom: bytes the render added to the JS heap and to the DOM's (Oilpan) heap
 * @typedef {{name: string, answers: number, shown: number, quanda: Figures, baseline: Figures}} RenderRow
 * @typedef {import('puppeteer-core').Browser} Browser
 * @typedef {import('puppeteer-core').Page} Page
 */

const PAGE_SIZE = 10;

export const CASES = [
  {name: '10 answers', answers: 10, pageSize: PAGE_SIZE},
  {name: '200 answers, paged', answers: 200, pageSize: PAGE_SIZE},
  {name: '200 answers, all on one page', answers: 200, pageSize: 0},
  {name: '2,000 answers, paged', answers: 2_000, pageSize: PAGE_SIZE},
  {name: '2,000 answers, all on one page', answers: 2_000, pageSize: 0},
];

const html = (/** @type {string} */ head) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1">${head}</head>` +
  `<body><main id="stage"></main></body></html>`;

/**
 * Used JS heap, and the heap the DOM lives in (Blink's garbage-collected C++ heap, which
 * V8 reports as its embedder's), after a full garbage collection.
 * @param {Page} page
 * @returns {Promise<{js: number, dom: number}>}
 */
async function heap(page) {
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  const usage = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return {js: usage.usedSize, dom: usage.embedderHeapUsedSize};
}

/**
 * @param {{js: number, dom: number}} before
 * @param {{js: number, dom: number}} after
 */
const added = (before, after) => ({js: after.js - before.js, dom: after.dom - before.dom});

/**
 * @param {{browser: Browser, iterations?: number, log?: (line: string) => void}} options
 * @returns {Promise<RenderRow[]>}
 */
export async function benchRender({browser, iterations = 7, log = () => {}}) {
  const site = await serveDist({
    '/widget.html': html('<script type="module" src="/quanda.js"></script>'),
    '/baseline.html': html(''),
  });
  /** @type {RenderRow[]} */
  const rows = [];
  try {
    for (const c of CASES) {
      log(`render: ${c.name}`);
      // Fewer rounds for the biggest case: each takes a good part of a second.
      const rounds = c.answers > 1000 && !c.pageSize ? Math.max(3, iterations - 4) : iterations;
      /** @type {Figures[]} */
      const widget = [];
      /** @type {Figures[]} */
      const base = [];
      let markup = '';
      let shown = 0;
      for (let i = 0; i < rounds; i++) {
        const page = await browser.newPage();
        await page.goto(`${site.url}/widget.html`, {waitUntil: 'load'});
        await page.waitForFunction(() => customElements.get('quanda-thread'));
        await page.evaluate(makeThread, c.answers);
        const before = await heap(page);
        const ms = await page.evaluate(renderWidget, c.pageSize);
        widget.push({
          ms,
          nodes: await page.evaluate(countNodes),
          ...added(before, await heap(page)),
        });
        if (!markup) {
          markup = await page.evaluate(flattenWidget);
          shown = await page.evaluate(
            () =>
              document.querySelector('quanda-thread')?.shadowRoot?.querySelectorAll('quanda-answer')
                .length ?? 0,
          );
        }
        await page.close();

        const plain = await browser.newPage();
        await plain.goto(`${site.url}/baseline.html`, {waitUntil: 'load'});
        await plain.evaluate((text) => {
          /** @type {any} */ (window).quandaMarkup = text;
        }, markup);
        const plainBefore = await heap(plain);
        const plainMs = await plain.evaluate(renderBaseline);
        base.push({
          ms: plainMs,
          nodes: await plain.evaluate(countNodes),
          ...added(plainBefore, await heap(plain)),
        });
        await plain.close();
      }
      const summary = (/** @type {Figures[]} */ runs) => ({
        ms: median(runs.map((r) => r.ms)),
        nodes: median(runs.map((r) => r.nodes)),
        js: median(runs.map((r) => r.js)),
        dom: median(runs.map((r) => r.dom)),
      });
      rows.push({
        name: c.name,
        answers: c.answers,
        shown,
        quanda: summary(widget),
        baseline: summary(base),
      });
    }
  } finally {
    await site.close();
  }
  return rows;
}
