// @ts-check
/// <reference lib="dom" />
/**
 * Code that runs inside the benchmark's pages (handed to `page.evaluate`, so each function
 * stands alone: no closures over this module).
 */

/**
 * Builds a contract-valid thread with `count` answers and keeps it in `window.quandaBench`:
 * the data is in hand before any timing starts.
 * @param {number} count
 */
export function makeThread(count) {
  const now = Date.parse('2026-11-27T12:00:00.000Z');
  const ago = (/** @type {number} */ minutes) => new Date(now - minutes * 60_000).toISOString();
  const yes = {allowed: true};
  const can = {vote: yes, accept: yes, edit: yes, flag: yes, comment: yes};
  const sentence = (/** @type {number} */ i) =>
    `Answer ${i} says what helped: a short walk after dinner, no screens in bed, and writing the worry down before sleep.`;
  const post = (/** @type {number} */ i) => ({
    id: `a${i}`,
    status: 'published',
    body: {format: 'text', text: `${sentence(i)} ${sentence(i + 1)}\n\n${sentence(i + 2)}`},
    author:
      i % 5 === 0
        ? {displayName: null, points: null, isViewer: false}
        : {displayName: `Reader ${i}`, points: (i * 37) % 5000, isViewer: false},
    createdAt: ago(count - i + 10),
    lastEdit:
      i % 7 === 0
        ? {at: ago(count - i + 5), by: {displayName: `Reader ${i}`, points: 10, isViewer: false}}
        : null,
    score: (count - i) % 40,
    viewerVote: 0,
    viewerCan: can,
    comments: {items: [], count: 0},
  });
  const answers = Array.from({length: count}, (_, i) => ({
    ...post(i),
    kind: 'answer',
    isAccepted: i === 0,
  }));
  const question = {
    ...post(-1),
    id: 'bench',
    kind: 'question',
    title: 'What actually helps you fall asleep when your mind will not stop?',
    category: 'Sleep',
    tags: ['sleep', 'anxiety'],
    answerCount: count,
  };
  const thread = {
    question,
    answers,
    nextCursor: null,
    viewer: {isAsker: false, canAnswer: yes},
    serverTime: new Date(now).toISOString(),
  };
  /** @type {any} */ (window).quandaBench = thread;
}

/**
 * Renders the thread in hand with `<quanda-thread>` and a client that returns it a page of
 * `pageSize` answers at a time (0: all on one page). Resolves with the milliseconds of work
 * from creating the element to the thread painted: rendering, style, layout and paint, not
 * counting the idle wait for the next frame.
 * @param {number} pageSize
 */
export async function renderWidget(pageSize) {
  const data = /** @type {any} */ (window).quandaBench;
  const total = data.answers.length;
  const client = {
    /** @param {string} _id @param {{cursor?: string}} options */
    getThread(_id, {cursor} = {}) {
      const start = cursor ? Number(cursor) : 0;
      const end = pageSize ? start + pageSize : total;
      const nextCursor = end < total ? String(end) : null;
      return Promise.resolve({...data, answers: data.answers.slice(start, end), nextCursor});
    },
  };
  const expected = pageSize ? Math.min(pageSize, total) : total;
  /** Every element in the thread has rendered, and the answers are there. */
  const done = () => {
    const root = thread.shadowRoot;
    if (root?.querySelector('[part="error"]')) throw new Error('the thread failed to render');
    if ((root?.querySelectorAll('quanda-answer').length ?? 0) < expected) return false;
    /** @param {ParentNode} scope @returns {boolean} */
    const settled = (scope) =>
      [...scope.querySelectorAll('*')].every(
        (element) =>
          !(/** @type {any} */ (element).isUpdatePending) &&
          (!element.shadowRoot || settled(element.shadowRoot)),
      );
    return settled(/** @type {ShadowRoot} */ (root));
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const turn = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });

  const start = performance.now();
  const thread = /** @type {any} */ (document.createElement('quanda-thread'));
  thread.client = client;
  thread.questionId = 'bench';
  document.getElementById('stage')?.append(thread);
  // Lit renders in microtasks: a task later everything is usually in place. The check for
  // completeness is kept out of the timing.
  let checking = 0;
  for (;;) {
    await turn();
    const from = performance.now();
    const complete = done();
    checking += performance.now() - from;
    if (complete) break;
  }
  // Then style and layout (forced here, so that they count now), and the next frame's
  // paint, without the idle wait for that frame: a 60 Hz clock would otherwise round every
  // figure up to the next 16.7 ms, which for 10 answers is most of it.
  document.documentElement.getBoundingClientRect();
  const laidOut = performance.now();
  await frame();
  const frameStart = performance.now();
  await turn();
  return laidOut - start - checking + (performance.now() - frameStart);
}

/**
 * The widget's rendered thread as one flat piece of markup: its elements and text with
 * every shadow root inlined, and its style sheets in one `<style>`. Lit's marker comments
 * are left out.
 */
export function flattenWidget() {
  const thread = document.querySelector('quanda-thread');
  if (!thread) throw new Error('no thread rendered');
  /** @type {Set<string>} */
  const css = new Set();
  const escape = (/** @type {string} */ text) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  /** @param {Node} node @returns {string} */
  const serialize = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return escape(node.textContent ?? '');
    if (!(node instanceof Element)) return '';
    const tag = node.localName;
    const attrs = [...node.attributes].map((a) => ` ${a.name}="${escape(a.value)}"`).join('');
    let inner = '';
    if (node.shadowRoot) {
      for (const sheet of node.shadowRoot.adoptedStyleSheets) {
        css.add([...sheet.cssRules].map((rule) => rule.cssText).join('\n'));
      }
      inner += [...node.shadowRoot.childNodes].map(serialize).join('');
    }
    inner += [...node.childNodes].map(serialize).join('');
    return `<${tag}${attrs}>${inner}</${tag}>`;
  };
  const body = serialize(thread);
  return `<style>${[...css].join('\n')}</style>${body}`;
}

/**
 * The baseline: writes the markup (by default the one kept in `window.quandaMarkup`) with a
 * single innerHTML assignment. Resolves with the milliseconds of work to painted.
 * @param {string} [markup]
 */
export async function renderBaseline(markup = /** @type {any} */ (window).quandaMarkup) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const turn = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  const stage = document.getElementById('stage');
  if (!stage) throw new Error('no stage');
  const start = performance.now();
  stage.innerHTML = markup;
  // Timed as renderWidget times the widget.
  document.documentElement.getBoundingClientRect();
  const laidOut = performance.now();
  await frame();
  const frameStart = performance.now();
  await turn();
  return laidOut - start + (performance.now() - frameStart);
}

/** Every node of the page, shadow roots included. */
export function countNodes() {
  /** @param {Node} root @returns {number} */
  const count = (root) => {
    let n = 0;
    const walker = document.createTreeWalker(root);
    for (let node = walker.currentNode; node; node = /** @type {Node} */ (walker.nextNode())) {
      n++;
      if (node instanceof Element && node.shadowRoot) n += count(node.shadowRoot);
    }
    return n;
  };
  return count(document);
}
