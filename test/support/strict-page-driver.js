// The strict page's own script (see strict-page.mjs): it runs before Quanda, records
// every Content Security Policy / Trusted Types violation and every error, then uses the
// widget as a reader would (reads, votes, writes with the toolbar, previews, posts) and
// posts what it saw to the window above. A classic script from the page's own origin,
// so the page's policy allows it; it uses no HTML sink itself.
(() => {
  const params = new URLSearchParams(location.search);
  const violations = [];
  const errors = [];
  const steps = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(
      [event.effectiveDirective, event.blockedURI, event.sample].filter(Boolean).join(' '),
    );
  });
  addEventListener('error', (event) => errors.push(String(event.message)));
  addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  if (params.get('fallback') === '1') delete Element.prototype.setHTML;

  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  /** Polls until `find` returns something; gives up after ~20 s. */
  async function until(what, find) {
    for (let i = 0; i < 400; i++) {
      const found = find();
      if (found) return found;
      await pause();
    }
    throw new Error(`never saw ${what}`);
  }
  const inside = (host, selector) =>
    host && host.shadowRoot && host.shadowRoot.querySelector(selector);

  async function run() {
    await customElements.whenDefined('quanda-thread');
    const thread = document.querySelector('quanda-thread');
    const answers = () => [...thread.shadowRoot.querySelectorAll('quanda-answer')];
    const first = await until('the answers', () => answers()[0]);
    await until('a formatted answer', () =>
      inside(first, '[part~="body"] strong, [part~="body"] li'),
    );
    steps.push('loaded');

    const vote = await until('the vote', () => inside(first, 'quanda-vote'));
    const up = await until('the upvote button', () => inside(vote, '[part~="up-button"]'));
    up.click();
    await until(
      'the vote saved',
      () => up.getAttribute('aria-pressed') === 'true' && !vote.pending,
    );
    steps.push('voted');

    const form = await until('the answer form', () => {
      const el = inside(thread, 'quanda-answer-form');
      // The Markdown toolbar loads beside the form: wait for it too.
      return el && inside(el, 'textarea') && inside(el, '[data-tool="bold"]') && el;
    });
    const textarea = inside(form, 'textarea');
    // Each visit's own words: the same answer twice would be refused as a duplicate.
    textarea.value = `Written on a page with a strict policy (${crypto.randomUUID()}), and very welcome.`;
    textarea.setSelectionRange(
      textarea.value.length - 'very welcome'.length - 1,
      textarea.value.length - 1,
    );
    inside(form, '[data-tool="bold"]').click();
    steps.push('formatted');

    inside(form, '[part~="preview-button"]').click();
    await until('the preview', () => inside(form, '[part~="preview"] strong'));
    inside(form, '[part~="write-button"]').click();
    steps.push('previewed');

    const before = answers().length;
    await until('the form ready to send', () => !inside(form, 'textarea').hidden);
    inside(form, '[part~="submit-button"]').click();
    await until(
      'the new answer',
      () =>
        answers().length > before &&
        answers().some(
          (answer) => inside(answer, '[part~="body"] strong')?.textContent === 'very welcome',
        ),
    );
    steps.push('answered');
  }

  addEventListener('DOMContentLoaded', () => {
    run()
      .catch((error) => errors.push(String(error && error.message ? error.message : error)))
      .finally(() =>
        parent.postMessage({type: 'quanda-strict-page', steps, violations, errors}, '*'),
      );
  });
})();
