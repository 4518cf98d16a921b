/**
 * The widget survives any backend the contract allows. A backend generated from the
 * OpenAPI document (test/support/contract-backend.ts) answers every request with
 * something the contract allows — odd strings, huge numbers, dates from year 0 to 9999,
 * 0 to 50 answers, every permission refused for made-up reasons, any documented error —
 * and <quanda-thread> must end every run in a rendered thread or a described error:
 * never an exception, never endless loading. Where the thread renders, the reader also
 * votes, shows earlier comments and more answers, each ending the same way.
 *
 * Two backends in 25 send a thread just outside the contract (a date that is no date, an
 * unknown body format): those must end in the described error.
 *
 * Seeded: a failure names its seed and run; QUANDA_PROPERTY_SEED=<seed> replays it.
 */
import {expect} from '@open-wc/testing';
import '../../../src/define.js';
import {RestClient} from '../../../src/api/client.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import type {QuandaErrorEvent} from '../../../src/events/error-event.js';
import {text} from '../../support/dom.js';
import {uncaughtErrors} from '../../support/events.js';
import {
  SERVER_START_TIMEOUT,
  startContractBackend,
  stopQuandaServers,
} from '../../support/servers.js';

const RUNS = 200;
const PARALLEL = 4;
/**
 * A run still loading by then hangs: every request gives up after 3 s (the client's
 * timeout), and the rest is slack for a machine busy with other tests.
 */
const OUTCOME_WITHIN = 10_000;

/** The first match at any depth of shadow roots under `root`. */
function deep(root: Element | ShadowRoot, selector: string): HTMLElement | null {
  const found = root.querySelector<HTMLElement>(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot && deep(element.shadowRoot, selector);
    if (inner) return inner;
  }
  return null;
}

/** Resolves with what `check` returns once it is truthy; rejects after OUTCOME_WITHIN. */
async function outcome<T>(check: () => T | undefined | null | false, what: string): Promise<T> {
  const start = performance.now();
  for (;;) {
    const result = check();
    if (result) return result;
    if (performance.now() - start > OUTCOME_WITHIN) throw new Error(`still ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('<quanda-thread> against any backend the contract allows', () => {
  let backend: {url: string; seed: number};
  const page = uncaughtErrors();
  const uncaught = page.errors;

  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    backend = await startContractBackend();
    page.start();
  });
  after(async () => {
    page.stop();
    await stopQuandaServers();
  });

  it(`ends each of ${RUNS} generated backends in a thread or a described error`, async function () {
    this.timeout(240_000);
    const counts = {thread: 0, error: 0, votes: 0, comments: 0, more: 0};
    const started = performance.now();
    // A few backends at a time, each its own element: while one waits on the network,
    // another renders.
    let next = 0;
    const worker = async () => {
      for (let run = next++; run < RUNS; run = next++) {
        try {
          await oneRun(run, counts);
        } catch (failure) {
          next = RUNS;
          throw new Error(
            `Run ${run} of seed ${backend.seed} failed: ${(failure as Error).message}\n` +
              `Replay it: QUANDA_PROPERTY_SEED=${backend.seed} npx web-test-runner test/browser/contract/any-backend.test.ts`,
            {cause: failure},
          );
        }
      }
    };
    await Promise.all(Array.from({length: PARALLEL}, worker));
    const report = (await (await fetch(`${backend.url}/report`)).json()) as {
      served: number;
      unknownRoutes: string[];
    };
    console.log(
      `${RUNS} generated backends, ${report.served} generated responses (seed ${backend.seed}) ` +
        `in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(counts)}; ` +
        `routes the contract does not have, answered 404: ${report.unknownRoutes.length}`,
    );
    expect(report.served).to.be.at.least(400);
    // The generator reaches every outcome, or the test proves less than it says.
    expect(counts.thread).to.be.above(RUNS / 2);
    expect(counts.error).to.be.above(0);
    expect(counts.votes).to.be.above(0);
    expect(counts.more).to.be.above(0);
    expect(counts.comments).to.be.above(0);
  });

  async function oneRun(run: number, counts: Record<string, number>) {
    const errors: QuandaErrorEvent[] = [];
    const onQuandaError = (event: Event) => errors.push(event as QuandaErrorEvent);
    const el = document.createElement('quanda-thread');
    el.client = new RestClient({endpoint: `${backend.url}/${run}`, timeout: 3000, attempts: 1});
    el.databaseName = `quanda-any-backend-${backend.seed}`;
    el.setAttribute('question-id', `q${run}`);
    el.addEventListener('quanda-error', onQuandaError);
    document.body.append(el);
    try {
      const shown = await outcome(() => {
        if (el.shadowRoot!.querySelector('[part~="error"]')) return 'error';
        if (
          el.shadowRoot!.querySelector('quanda-question') &&
          !el.shadowRoot!.querySelector('[part~="status"]')
        ) {
          return 'thread';
        }
        return undefined;
      }, 'loading the thread');
      noneUncaught();
      counts[shown]++;
      if (run % 25 === 12 || run % 25 === 24) {
        // Not a date, or a body format nobody knows: refused, never half-rendered.
        expect(shown, 'a thread the contract does not allow').to.equal('error');
      }
      if (shown === 'error') {
        described(el.shadowRoot!.querySelector('[part~="error"]'), errors, 'load');
        return;
      }
      expect(errors.filter((event) => event.operation === 'load')).to.deep.equal([]);
      // Every other backend: a vote takes a write's storage, the slowest step of a run.
      if (run % 2) await vote(el, counts);
      await earlierComments(el, errors, counts);
      await moreAnswers(el, errors, counts);
      noneUncaught();
    } finally {
      el.remove();
    }
  }

  function noneUncaught() {
    if (uncaught.length) {
      const first = uncaught.splice(0)[0];
      throw first instanceof Error ? first : new Error(String(first));
    }
  }

  /** An error the reader can read, and a quanda-error event for it. */
  function described(alert: Element | null, errors: QuandaErrorEvent[], operation: string) {
    const words = text(alert);
    expect(words, 'the error message').to.match(/\w{3}/);
    expect(words).not.to.match(/undefined|\[object|NaN/);
    expect(
      errors.map((event) => event.operation),
      `a quanda-error for ${operation}`,
    ).to.include(operation);
  }

  /**
   * A vote ends saved (quanda-voted), refused (quanda-error) or, when the backend is
   * unreachable or busy, queued to send later; each is announced to the reader.
   */
  async function vote(el: QuandaThread, counts: Record<string, number>) {
    const button = deep(el.shadowRoot!, '[part~="up-button"][aria-disabled="false"]');
    if (!button) return;
    const announcement = () =>
      text(el.shadowRoot!.querySelector('p.visually-hidden[role="status"]'));
    const before = announcement();
    button.click();
    const said = await outcome(() => announcement() !== before && announcement(), 'voting');
    expect(said).not.to.match(/undefined|\[object|NaN/);
    counts['votes']++;
  }

  async function earlierComments(
    el: QuandaThread,
    errors: QuandaErrorEvent[],
    counts: Record<string, number>,
  ) {
    const button = deep(el.shadowRoot!, '[part~="earlier-button"]');
    if (!button) return;
    const comments = (button.getRootNode() as ShadowRoot).host;
    const before = errors.length;
    button.click();
    await outcome(() => !comments.shadowRoot!.querySelector('[role="status"]'), 'loading comments');
    const failure = comments.shadowRoot!.querySelector('.failure');
    if (failure) described(failure, errors.slice(before), 'load-comments');
    counts['comments']++;
  }

  async function moreAnswers(
    el: QuandaThread,
    errors: QuandaErrorEvent[],
    counts: Record<string, number>,
  ) {
    const more = () => el.shadowRoot!.querySelector<HTMLElement>('[part~="more-button"]');
    if (!more()) return;
    const before = errors.length;
    more()!.click();
    await outcome(() => more()?.getAttribute('aria-disabled') !== 'true', 'loading more answers');
    const failure = el.shadowRoot!.querySelector('[part~="error"]');
    if (failure) described(failure, errors.slice(before), 'load-more');
    counts['more']++;
  }
});
