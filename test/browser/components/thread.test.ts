import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import {QuandaError} from '../../../src/api/api-error.js';
import type {QuandaClient} from '../../../src/api/client.js';
import type {Thread} from '../../../src/api/schemas.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {answer, thread} from '../../support/builders.js';
import {$, $$, rendered, text, waitFor} from '../../support/dom.js';
import {nextError} from '../../support/events.js';
import {ScriptedClient, fail, never, ok} from '../../support/scripted-client.js';

async function mount(client: QuandaClient, questionId = 'q1') {
  const el = await fixture<QuandaThread>(
    html`<quanda-thread .client=${client} question-id=${questionId}></quanda-thread>`,
  );
  await rendered(el);
  return el;
}

describe('<quanda-thread>', () => {
  it('is defined', () => {
    expect(customElements.get('quanda-thread')).to.exist;
  });

  it('says so when it has no question to show, and asks nothing', async () => {
    const client = new ScriptedClient();
    const el = await fixture<QuandaThread>(html`<quanda-thread .client=${client}></quanda-thread>`);
    expect(text($(el, '[part~="status"]'))).to.equal('This thread has no question set yet.');
    expect(client.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a loading status while the thread loads', async () => {
    const el = await mount(new ScriptedClient().reply(never()));
    const status = $(el, '[part~="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal('Loading answers…');
    expect($(el, '[part~="thread"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows the question and the answers, best answer first', async () => {
    const data = thread();
    const el = await mount(new ScriptedClient().reply(ok(data)));
    expect($(el, 'quanda-question')).to.exist;
    const answers = $$(el, 'quanda-answer');
    expect(answers.map((a) => (a as unknown as {answer: {id: string}}).answer.id)).to.deep.equal(
      data.answers.map((a) => a.id),
    );
    expect(text($(el, '[part~="answers-heading"]'))).to.equal('2 answers');
    expect($(el, '[part~="answers-heading"]')!.getAttribute('aria-level')).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('gives its posts the same "now" across updates, so one change does not redraw them all', async () => {
    const more = thread({answers: [answer()]});
    const el = await mount(
      new ScriptedClient().reply(ok(thread({nextCursor: 'c2'})), ok({...more, nextCursor: null})),
    );
    const posts = [$(el, 'quanda-question')!, ...$$(el, 'quanda-answer')] as unknown as {
      now: Date;
      updateComplete: Promise<unknown>;
    }[];
    const before = posts.map((post) => post.now);
    $(el, '[part~="more-button"]')!.click(); // announced, and one more answer drawn
    await waitUntil(() => text($(el, '[role="status"]')) === '1 more answer shown');
    expect(posts.every((post, i) => post.now === before[i])).to.be.true;
  });

  it('shows "No answers yet" for a question without answers', async () => {
    const el = await mount(new ScriptedClient().reply(ok(thread({answers: []}))));
    expect(text($(el, '[part~="empty"]'))).to.equal('No answers yet.');
    expect(text($(el, '[part~="answers-heading"]'))).to.equal('0 answers');
    expect($(el, '[part~="sort"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows a plain message, fires quanda-error, and retries on request', async () => {
    const failure = new QuandaError('http', 'HTTP 500', {status: 500});
    const client = new ScriptedClient().reply(fail(failure), ok(thread()));
    const errored = nextError(document.body);
    const el = await mount(client);
    const event = await errored;
    expect(event.error).to.equal(failure);
    expect(event.operation).to.equal('load');
    expect(event.bubbles && event.composed).to.be.true;
    const alert = await waitFor(el, '[part~="error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain(
      'The answers could not be loaded. The server ran into a problem.',
    );
    await expect(el).to.be.accessible();

    $(el, '[part~="retry-button"]')!.click();
    await waitUntil(() => $(el, 'quanda-question'), 'the thread loads on retry');
    expect(client.calls).to.have.length(2);
  });

  it('wraps anything a site’s client throws in a QuandaError', async () => {
    const errored = nextError(document.body);
    await mount(new ScriptedClient().reply(fail(new TypeError('boom'))));
    const event = await errored;
    expect(event.error).to.be.instanceOf(QuandaError);
    expect(event.error.message).to.contain('boom');
  });

  it('refuses a site’s client that answers with another question', async () => {
    const errored = nextError(document.body);
    const el = await mount(new ScriptedClient().reply(ok(thread())), 'another-question');
    const event = await errored;
    expect(event.error.kind).to.equal('invalid-response');
    await el.updateComplete;
    expect(text($(el, '[part~="error"]'))).to.contain(
      'The server sent something Quanda could not read.',
    );
  });

  it('holds a site’s client to the contract', async () => {
    const errored = nextError(document.body);
    const broken = {...thread(), answers: 'none'} as unknown as Thread;
    const el = await mount(new ScriptedClient().reply(ok(broken)));
    const event = await errored;
    expect(event.error.kind).to.equal('invalid-response');
    expect(event.error.issues.map((issue) => issue.path.join('.'))).to.include('answers');
    await el.updateComplete;
    expect(text($(el, '[part~="error"]'))).to.contain(
      'The server sent something Quanda could not read.',
    );
  });

  it('asks again, with the new sort, when the reader changes it', async () => {
    const client = new ScriptedClient().reply(ok(thread()), ok(thread()));
    const el = await mount(client);
    const select = $(el, '[part~="sort"]') as HTMLSelectElement;
    expect(select.value).to.equal('votes');
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1].sort).to.equal('newest');
    expect(el.sort).to.equal('newest');
  });

  it('reloads when question-id changes, and cancels the request it no longer needs', async () => {
    let firstSignal: AbortSignal | undefined;
    const client = new ScriptedClient().reply((options) => {
      firstSignal = options.signal;
      return never()(options);
    }, ok(thread()));
    const el = await mount(client, 'q1');
    el.questionId = 'q2';
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[1].questionId).to.equal('q2');
    expect(firstSignal?.aborted).to.be.true;
  });

  it('appends the next page, announces it, and moves focus to the first new answer', async () => {
    const first = thread({answers: [answer(), answer()], nextCursor: 'c1'});
    first.question.answerCount = 3;
    const more = thread({answers: [answer()], nextCursor: null});
    const client = new ScriptedClient().reply(ok(first), ok(more));
    const el = await mount(client);
    const button = $(el, '[part~="more-button"]')!;
    expect(text(button)).to.equal('Show more answers');
    button.focus();
    button.click();
    await waitUntil(() => $$(el, 'quanda-answer').length === 3);
    expect(client.calls[1].cursor).to.equal('c1');
    expect($(el, '[part~="more-button"]')).to.be.null;
    await waitUntil(() => text($(el, '[role="status"]')) === '1 more answer shown');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($$(el, 'quanda-answer')[2]);
    await expect(el).to.be.accessible();
  });

  it('keeps the answers it has when the next page fails, and lets the reader try again', async () => {
    const first = thread({answers: [answer()], nextCursor: 'c1'});
    const client = new ScriptedClient().reply(
      ok(first),
      fail(new QuandaError('network', 'offline')),
      ok(thread({answers: [answer()]})),
    );
    const el = await mount(client);
    const errored = nextError(el);
    $(el, '[part~="more-button"]')!.click();
    expect((await errored).operation).to.equal('load-more');
    await el.updateComplete;
    expect($$(el, 'quanda-answer')).to.have.length(1);
    expect(text($(el, '[part~="error"]'))).to.contain('More answers could not be loaded.');
    await expect(el).to.be.accessible();
    $(el, '[part~="more-button"]')!.click();
    await waitUntil(() => $$(el, 'quanda-answer').length === 2);
    expect($(el, '[part~="error"]')).to.be.null;
  });

  it('ignores a second click while the next page is loading', async () => {
    const client = new ScriptedClient().reply(ok(thread({nextCursor: 'c1'})), never());
    const el = await mount(client);
    const button = $(el, '[part~="more-button"]')!;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal('Loading more answers…');
    button.click();
    expect(client.calls).to.have.length(2);
  });
});
