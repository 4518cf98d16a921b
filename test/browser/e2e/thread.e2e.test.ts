/**
 * <quanda-thread> end to end: real Chromium, the real reference server on a fresh
 * database (cross-origin, as embedding usually is), and a misbehaving server for every
 * way a backend can fail.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import {RestClient} from '../../../src/api/client.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {$, $$, text, waitFor} from '../../support/dom.js';
import {nextError, uncaughtErrors} from '../../support/events.js';
import {
  SERVER_START_TIMEOUT,
  misbehavingServer,
  startQuandaServer,
  stopQuandaServers,
} from '../../support/servers.js';
import type {MisbehavingServer, QuandaServer} from '../../support/servers.js';

const answerTexts = (el: QuandaThread) =>
  $$(el, 'quanda-answer').map((answer) => text($(answer, '[part~="body"]')));

async function loaded(el: QuandaThread) {
  await waitUntil(
    () => $(el, 'quanda-question') && !$(el, '[part~="status"]'),
    'thread did not load',
    {
      timeout: 5000,
    },
  );
  await el.updateComplete;
  return el;
}

describe('<quanda-thread> against the reference server', () => {
  let server: QuandaServer;
  const page = uncaughtErrors();
  const uncaught = page.errors;

  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    server = await startQuandaServer({
      fixture: {
        demo: true,
        questions: [
          {
            id: 'many',
            answers: 23,
            scores: [0, 5, 1, 0, 0, 3, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 4],
            accept: 3,
          },
          {
            id: 'other',
            title: 'A different question entirely',
            answers: ['The only answer here, quite short.'],
          },
          {id: 'unanswered', title: 'Nobody has answered this yet'},
        ],
      },
    });
    page.start();
  });
  after(async () => {
    page.stop();
    await stopQuandaServers();
  });
  afterEach(() => expect(uncaught, 'uncaught errors').to.deep.equal([]));

  const mount = async (questionId: string, endpoint = server.api) =>
    loaded(
      await fixture<QuandaThread>(
        html`<quanda-thread endpoint=${endpoint} question-id=${questionId}></quanda-thread>`,
      ),
    );

  it('shows the seeded demo thread as the article page does', async () => {
    const el = await mount('therapist-confidentiality');
    const question = $(el, 'quanda-question')!;
    expect(text($(question, '[part~="title"]'))).to.equal(
      'Why are therapists so secretive about their clients and what their work involves?',
    );
    expect(text($(question, '[part~="meta"]'))).to.equal(
      'asked 3 days ago in Psychotherapy by Maya R. (6.5K points)',
    );
    expect(text($(question, '[part~="edited"]'))).to.equal(
      'edited 2 days ago by Maya R. (6.5K points)',
    );
    expect(text($($(question, 'quanda-vote')!, '.total'))).to.equal('+11 votes');
    expect(text($(el, '[part~="answers-heading"]'))).to.equal('5 answers');

    const [best, ...rest] = $$(el, 'quanda-answer');
    expect(text($(best, '[part~="badge"]'))).to.equal('Best answer');
    expect(text($(best, '[part~="body"]'))).to.match(/^What looks like secrecy/);
    expect(text($($(best, 'quanda-vote')!, '.total'))).to.equal('+2 votes');
    expect(rest.every((answer) => !$(answer, '[part~="badge"]'))).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('pages through every answer with "Show more answers", best answer first, then by votes', async () => {
    const el = await mount('many');
    expect(answerTexts(el)).to.have.length(11); // the best answer + a page of 10
    expect(answerTexts(el).slice(0, 4)).to.deep.equal([
      'Answer number 4 to many.',
      'Answer number 12 to many.',
      'Answer number 2 to many.',
      'Answer number 23 to many.',
    ]);
    for (const expected of [21, 23]) {
      $(el, '[part~="more-button"]')!.click();
      await waitUntil(() => answerTexts(el).length === expected, `expected ${expected} answers`);
    }
    await el.updateComplete;
    expect($(el, '[part~="more-button"]')).to.be.null;
    expect(new Set(answerTexts(el)).size).to.equal(23);
    await expect(el).to.be.accessible();
  });

  it('sorts oldest and newest first, keeping the best answer on top', async () => {
    const el = await mount('many');
    const select = $(el, '[part~="sort"]') as HTMLSelectElement;
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    await loaded(el);
    await waitUntil(() => answerTexts(el)[1] === 'Answer number 1 to many.');
    expect(answerTexts(el).slice(0, 3)).to.deep.equal([
      'Answer number 4 to many.',
      'Answer number 1 to many.',
      'Answer number 2 to many.',
    ]);
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => answerTexts(el)[1] === 'Answer number 23 to many.');
    expect(answerTexts(el)[0]).to.equal('Answer number 4 to many.');
  });

  it('loads the other thread when a single-page site swaps question-id', async () => {
    const el = await mount('many');
    el.questionId = 'other';
    // While the other thread loads there is no <quanda-question> at all.
    await waitUntil(() => {
      const question = $(el, 'quanda-question');
      return question && text($(question, '[part~="title"]')) === 'A different question entirely';
    });
    expect(answerTexts(el)).to.deep.equal(['The only answer here, quite short.']);
    el.questionId = 'unanswered';
    await waitUntil(() => $(el, '[part~="empty"]'));
    expect(text($(el, '[part~="empty"]'))).to.equal('No answers yet.');
  });

  it('says an unknown question is not there yet, without a Retry that cannot help', async () => {
    const errored = nextError(document.body);
    const el = await fixture<QuandaThread>(
      html`<quanda-thread endpoint=${server.api} question-id="no-such-thread"></quanda-thread>`,
    );
    const event = await errored;
    expect(event.error.status).to.equal(404);
    await waitUntil(() => $(el, '[part~="error"]'));
    expect(text($(el, '[part~="error"]'))).to.equal('There is no such question yet.');
    expect($(el, '[part~="retry-button"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  describe('when the backend misbehaves', () => {
    let bad: MisbehavingServer;
    before(async () => {
      bad = await misbehavingServer();
    });

    const cases: [mode: string, kind: string, message: string][] = [
      ['malformed-json', 'invalid-response', 'The server sent something Quanda could not read.'],
      ['wrong-shape', 'invalid-response', 'The server sent something Quanda could not read.'],
      ['html-page', 'invalid-response', 'The server sent something Quanda could not read.'],
      ['empty-body', 'invalid-response', 'The server sent something Quanda could not read.'],
      ['other-question', 'invalid-response', 'The server sent something Quanda could not read.'],
      ['server-error', 'http', 'The server ran into a problem.'],
      ['html-error', 'http', 'The server ran into a problem.'],
      ['rate-limited', 'http', 'Too many requests. Please wait a moment.'],
      ['never-ends', 'timeout', 'The server took too long to answer.'],
      ['no-response', 'timeout', 'The server took too long to answer.'],
      ['closed-port', 'network', 'Quanda could not reach its server. Check your connection.'],
    ];

    it('not-found: says there is no such question yet, without Retry, fires quanda-error', async () => {
      const errored = nextError(document.body);
      const el = await fixture<QuandaThread>(
        html`<quanda-thread
          .client=${new RestClient({endpoint: `${bad.url}/not-found`, timeout: 400})}
          question-id="42"
        ></quanda-thread>`,
      );
      expect((await errored).error.kind).to.equal('http');
      const alert = await waitFor(el, '[part~="error"]');
      expect(text(alert)).to.equal('There is no such question yet.');
      expect($(el, '[part~="retry-button"]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    for (const [mode, kind, message] of cases) {
      it(`${mode}: says "${message}", offers Retry, fires quanda-error`, async () => {
        const endpoint = mode === 'closed-port' ? bad.closedUrl : `${bad.url}/${mode}`;
        const errored = nextError(document.body);
        const el = await fixture<QuandaThread>(
          html`<quanda-thread
            .client=${new RestClient({endpoint, timeout: 400})}
            question-id="42"
          ></quanda-thread>`,
        );
        const event = await errored;
        expect(event.error.kind).to.equal(kind);
        const alert = await waitFor(el, '[part~="error"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(text(alert)).to.equal(`The answers could not be loaded. ${message} Try again`);
        expect($(el, 'quanda-question')).to.be.null;
        await expect(el).to.be.accessible();
      });
    }

    it('recovers when the site points endpoint at a working backend', async () => {
      const errored = nextError(document.body);
      const el = await fixture<QuandaThread>(
        html`<quanda-thread
          endpoint=${`${bad.url}/server-error`}
          question-id="other"
        ></quanda-thread>`,
      );
      await errored;
      el.endpoint = server.api;
      await loaded(el);
      expect(answerTexts(el)).to.deep.equal(['The only answer here, quite short.']);
    });
  });
});
