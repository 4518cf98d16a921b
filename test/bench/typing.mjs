// @ts-check
/// <reference lib="dom" />
/**
 * Typing benchmark: the longest main-thread task while a reader types into the answer form
 * (autosave on, as shipped) on the demo page, from a Chromium performance trace. In the
 * same run and the same page, the same text typed into a plain `<textarea>` is the
 * baseline, and proves the harness works while the form does not exist yet.
 */

/**
 * @typedef {{longest: number, over50: number, tasks: number}} TypingFigures  milliseconds
 * @typedef {{quanda: TypingFigures | string, baseline: TypingFigures}} TypingResult
 *   A string in place of figures says why there are none.
 * @typedef {import('puppeteer-core').Browser} Browser
 * @typedef {import('puppeteer-core').Page} Page
 * @typedef {import('puppeteer-core').ElementHandle<Element>} Handle
 */

const TEXT =
  'What helped me most was writing the worry down before bed, then a short walk the next ' +
  'morning. It took a few weeks, but it works.';

/**
 * @typedef {{name: string, ph: string, ts: number, dur?: number, pid: number, tid: number,
 *   args?: any}} TraceEvent
 */

/**
 * Main-thread tasks of the page's renderer in a trace: the top-level `RunTask` events on
 * the `CrRendererMain` thread of the process that holds the page's main frame.
 * @param {TraceEvent[]} events
 * @returns {number[]} durations in milliseconds
 */
export function mainThreadTasks(events) {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  /** @type {{processId: number, parent?: string}[]} */
  const frames = started?.args?.data?.frames ?? [];
  const pid = frames.find((f) => !f.parent)?.processId;
  const mains = events.filter(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      (pid === undefined || e.pid === pid),
  );
  const threads = new Set(mains.map((e) => `${e.pid}:${e.tid}`));
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && threads.has(`${e.pid}:${e.tid}`))
    .map((e) => (e.dur ?? 0) / 1000);
}

/**
 * Types TEXT into the element under a trace, then waits for autosave's debounce to fire.
 * @param {Page} page
 * @param {Handle} textarea
 * @returns {Promise<TypingFigures>}
 */
async function typeTraced(page, textarea) {
  await textarea.focus();
  await page.tracing.start({
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  // About 110 ms a key: a quick typist on a phone.
  await page.keyboard.type(TEXT, {delay: 110});
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const buffer = await page.tracing.stop();
  const trace = JSON.parse(new TextDecoder().decode(buffer));
  const tasks = mainThreadTasks(trace.traceEvents ?? trace);
  return {
    longest: Math.max(0, ...tasks),
    over50: tasks.filter((ms) => ms > 50).length,
    tasks: tasks.length,
  };
}

/**
 * @param {{browser: Browser, url: string, log?: (line: string) => void}} options
 *   `url`: the demo page, served by the reference server
 * @returns {Promise<TypingResult>}
 */
export async function benchTyping({browser, url, log = () => {}}) {
  const page = await browser.newPage();
  try {
    await page.goto(url, {waitUntil: 'networkidle0'});
    await page.waitForFunction(
      () => document.querySelector('quanda-thread')?.shadowRoot?.querySelector('quanda-answer'),
      {timeout: 15_000},
    );

    log('typing: plain textarea');
    await page.evaluate(() => {
      const plain = document.createElement('textarea');
      plain.id = 'quanda-bench-plain';
      plain.setAttribute('aria-label', 'Plain textarea');
      document.body.append(plain);
    });
    const plain = /** @type {Handle} */ (await page.$('#quanda-bench-plain'));
    const baseline = await typeTraced(page, plain);

    log('typing: answer form');
    // The form may load lazily: give it a moment to appear.
    const found = await page
      .waitForFunction(
        () =>
          document
            .querySelector('quanda-thread')
            ?.shadowRoot?.querySelector('quanda-answer-form')
            ?.shadowRoot?.querySelector('textarea') ?? null,
        {timeout: 5_000},
      )
      .catch(() => null);
    const textarea = found?.asElement();
    if (!textarea) return {quanda: 'n/a (answer form not built yet)', baseline};
    const quanda = await typeTraced(page, /** @type {Handle} */ (textarea));
    return {quanda, baseline};
  } finally {
    await page.close();
  }
}
