import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/define.js';
import {QuandaError} from '../../../src/api/api-error.js';
import type {QuandaAnswerForm} from '../../../src/components/answer-form/answer-form.js';
import type {QuandaAnswerSubmitEvent} from '../../../src/write/write-events.js';
import {loadElement} from '../../../src/lazy.js';
import {$, busyThenDone, text} from '../../support/dom.js';
import {mountInThread} from '../../support/mail-offer.js';
import {deferred} from '../../support/scripted-client.js';

type Submit = QuandaAnswerSubmitEvent;

describe('<quanda-answer-form>', () => {
  before(() => loadElement('quanda-answer-form'));

  /** In a thread whose backend sends mail: with the email box. */
  const mount = () =>
    mountInThread<QuandaAnswerForm>(html`<quanda-answer-form></quanda-answer-form>`);
  /** Whatever mentions email in the form. */
  const emailWords = (el: QuandaAnswerForm) =>
    [...el.shadowRoot!.querySelectorAll('*')].filter(
      (node) =>
        node.matches('#notify, #email, [type="email"], [type="checkbox"]') ||
        (!node.children.length && /e-?mail/i.test(node.textContent ?? '')),
    );
  const field = (el: QuandaAnswerForm, id: string) => $(el, `#${id}`) as HTMLInputElement;
  const submit = (el: QuandaAnswerForm) => $(el, '[part~="submit-button"]')!.click();
  const fill = (el: QuandaAnswerForm, values: Record<string, string>) => {
    for (const [id, value] of Object.entries(values)) field(el, id).value = value;
  };
  const errorOf = (el: QuandaAnswerForm, id: string) => {
    const describedBy = field(el, id).getAttribute('aria-describedby') ?? '';
    const errorId = describedBy.split(' ').find((part) => part.endsWith('-error'));
    return errorId ? text(el.shadowRoot!.getElementById(errorId)) : '';
  };
  /** Answers the next submit intent with `outcome`. */
  const respond = (el: QuandaAnswerForm, outcome: Promise<unknown>) => {
    const seen: Submit[] = [];
    el.addEventListener('quanda-answer-submit', (event) => {
      seen.push(event);
      event.respondWith(outcome);
    });
    return seen;
  };

  it('loads on first use and registers itself', () => {
    expect(customElements.get('quanda-answer-form')).to.exist;
  });

  it('has a heading, labelled fields, a privacy line and a submit button', async () => {
    const el = await mount();
    expect(text($(el, '[part~="heading"]'))).to.equal('Your answer');
    expect(text(el.shadowRoot!.querySelector('label[for="body"]'))).to.equal('Write your answer');
    expect(text(el.shadowRoot!.querySelector('label[for="name"]'))).to.equal(
      'Name to show (optional)',
    );
    expect(field(el, 'email').closest<HTMLElement>('.field')!.hidden).to.be.true;
    field(el, 'notify').click();
    await el.updateComplete;
    expect(field(el, 'email').closest<HTMLElement>('.field')!.hidden).to.be.false;
    expect(text($(el, '#email-hint'))).to.equal(
      'Used only for these emails. Never shown to anyone.',
    );
    await expect(el).to.be.accessible();
  });

  it('offers no mail, and says nothing of it, when the backend sends none or does not say', async () => {
    for (const el of [
      await fixture<QuandaAnswerForm>(html`<quanda-answer-form></quanda-answer-form>`),
      await mountInThread<QuandaAnswerForm>(html`<quanda-answer-form></quanda-answer-form>`, {
        notifications: false,
      }),
      await mountInThread<QuandaAnswerForm>(html`<quanda-answer-form></quanda-answer-form>`, {
        unexpected: 'shape',
      }),
      await mountInThread<QuandaAnswerForm>(
        html`<quanda-answer-form></quanda-answer-form>`,
        new Error('HTTP 404: No such API route'),
      ),
    ]) {
      await el.updateComplete;
      expect(field(el, 'name')).to.exist;
      expect(emailWords(el)).to.deep.equal([]);
      const seen = respond(el, Promise.resolve());
      fill(el, {body: 'Talk to them about what you need.'});
      submit(el);
      await waitUntil(() => seen.length === 1);
      expect(seen[0].detail.answer).to.deep.equal({
        body: 'Talk to them about what you need.',
        displayName: undefined,
        notify: false,
        email: undefined,
      });
      await expect(el).to.be.accessible();
    }
  });

  it('says, once posted with the box ticked, to look for the confirmation mail', async () => {
    const el = await mount();
    respond(el, Promise.resolve({}));
    fill(el, {body: 'Talk to them about what you need.'});
    field(el, 'notify').click();
    await el.updateComplete;
    field(el, 'email').value = 'sam@example.org';
    const done = oneEvent(el, 'done');
    submit(el);
    await done;
    await el.updateComplete;
    const status = [...el.shadowRoot!.querySelectorAll('[role="status"]')].map(text).join(' ');
    expect(status).to.contain('we sent it a mail: open it and confirm');
    expect(status).to.contain('spam folder');
    await expect(el).to.be.accessible();
  });

  it('ties each error to its field and moves focus to the first one', async () => {
    const el = await mount();
    const seen = respond(el, Promise.resolve());
    fill(el, {body: 'too short', name: 'x'.repeat(41)});
    field(el, 'notify').click();
    await el.updateComplete;
    field(el, 'email').value = 'not an email';
    submit(el);
    await waitUntil(() => errorOf(el, 'email'), 'no email error');
    expect(seen).to.have.length(0);
    expect(field(el, 'body').getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'body')).to.equal('Please write at least 12 characters.');
    expect(errorOf(el, 'name')).to.equal('A name can be at most 40 characters.');
    expect(errorOf(el, 'email')).to.equal('Enter a valid email address, or untick the box above.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'body'));
    await expect(el).to.be.accessible();
  });

  it('counts characters as the server does, and refuses more than 12,000', async () => {
    const el = await mount();
    respond(el, Promise.resolve());
    fill(el, {body: 'é'.repeat(12_001)});
    submit(el);
    await el.updateComplete;
    expect(errorOf(el, 'body')).to.equal('Please keep it to 12,000 characters; it is 12,001 now.');
  });

  it('sends trimmed values, shows it is sending, then resets on success', async () => {
    const el = await mount();
    const outcome = deferred<unknown>();
    const seen = respond(el, outcome.promise);
    fill(el, {body: '  Talk to them about what you need.  ', name: '  Sam  '});
    field(el, 'notify').click();
    await el.updateComplete;
    field(el, 'email').value = ' sam@example.org ';
    submit(el);
    await waitUntil(() => seen.length === 1);
    expect(seen[0].detail.answer).to.deep.equal({
      body: 'Talk to them about what you need.',
      displayName: 'Sam',
      notify: true,
      email: 'sam@example.org',
    });
    expect(seen[0].cancelable && seen[0].bubbles && seen[0].composed).to.be.true;
    await el.updateComplete;
    expect(text($(el, '[part~="submit-button"]'))).to.equal('Sending…');
    expect($(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    expect(field(el, 'body').readOnly).to.be.true;
    await expect(el).to.be.accessible();
    const done = oneEvent(el, 'quanda-form-done');
    outcome.resolve({});
    await done;
    await el.updateComplete;
    expect(field(el, 'body').value).to.equal('');
    expect(field(el, 'notify').checked).to.be.false;
    expect(text($(el, '[part~="submit-button"]'))).to.equal('Post your answer');
  });

  it('writes and sends without its Markdown toolbar (which loads beside it, or not offline)', async () => {
    const el = await mount();
    // As if the toolbar's chunk never arrived.
    (el as unknown as {editor?: unknown}).editor = undefined;
    el.requestUpdate();
    await el.updateComplete;
    expect(!!$(el, '[role="toolbar"]')).to.equal(false);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'body'));
    fill(el, {body: 'Plain words, **and Markdown typed by hand.**'});
    const outcome = deferred<unknown>();
    const seen = respond(el, outcome.promise);
    submit(el);
    await el.updateComplete;
    expect(seen[0].detail.answer.body).to.equal('Plain words, **and Markdown typed by hand.**');
    const done = oneEvent(el, 'quanda-form-done');
    outcome.resolve({});
    await done;
    await expect(el).to.be.accessible();
  });

  const failures: [string, QuandaError, string][] = [
    [
      'a network failure',
      new QuandaError('network', 'offline'),
      'Not sent: Quanda could not reach its server. Check your connection. Your text is still here.',
    ],
    [
      'a rate limit',
      new QuandaError('http', 'slow down', {status: 429, retryAfter: 1500}),
      'You have posted a lot in the last hour. Please try again in 25 minutes.',
    ],
  ];
  for (const [what, error, message] of failures) {
    it(`keeps every word after ${what}, and says why`, async () => {
      const el = await mount();
      respond(el, Promise.reject(error));
      fill(el, {body: 'A long enough answer to send.', name: 'Sam'});
      submit(el);
      await waitUntil(() => $(el, '[part~="form-error"]'));
      expect(text($(el, '[part~="form-error"]'))).to.equal(message);
      expect($(el, '[part~="form-error"]')!.getAttribute('role')).to.equal('alert');
      expect(field(el, 'body').value).to.equal('A long enough answer to send.');
      expect(field(el, 'name').value).to.equal('Sam');
      await expect(el).to.be.accessible();
    });
  }

  it('puts the server’s objection next to the field it names', async () => {
    const el = await mount();
    const duplicate = new QuandaError('http', 'dup', {
      status: 409,
      envelope: {code: 'duplicate', message: 'Same as another answer'},
    });
    respond(el, Promise.reject(duplicate));
    fill(el, {body: 'The same words as another answer.'});
    submit(el);
    await waitUntil(() => field(el, 'body').getAttribute('aria-invalid') === 'true');
    expect(errorOf(el, 'body')).to.equal('This says the same as something already here.');
    expect(field(el, 'body').value).to.equal('The same words as another answer.');
  });

  it('says a body is too complex to show next to the text, keeping every word', async () => {
    const el = await mount();
    const complex = new QuandaError('http', 'complex', {
      status: 400,
      envelope: {
        code: 'validation',
        message: 'Too deep',
        reason: 'too-complex',
        fields: {body: 'Too deep'},
      },
    });
    respond(el, Promise.reject(complex));
    fill(el, {body: '> > > > a quote nested deep'});
    submit(el);
    await waitUntil(() => field(el, 'body').getAttribute('aria-invalid') === 'true');
    expect(errorOf(el, 'body')).to.equal('Too complex to show.');
    expect(field(el, 'body').value).to.equal('> > > > a quote nested deep');
    await expect(el).to.be.accessible();
  });

  it('does nothing when a listener vetoes the intent', async () => {
    const el = await mount();
    el.addEventListener('quanda-answer-submit', (event) => event.preventDefault());
    fill(el, {body: 'An answer the page decided to stop.'});
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(field(el, 'body').value).to.equal('An answer the page decided to stop.');
    expect($(el, '[part~="form-error"]')).to.be.null;
  });

  it('keeps every word when nobody answers the intent (no thread, a page that only listens)', async () => {
    const el = await mount();
    const seen: Submit[] = [];
    el.addEventListener('quanda-answer-submit', (event) => seen.push(event));
    let done = false;
    el.addEventListener('quanda-form-done', () => (done = true));
    el.addEventListener('done', () => (done = true));
    // Busy while it tries, then not: "false" alone is also the state before sending.
    const attempt = busyThenDone($(el, 'form')!, 'aria-busy');
    fill(el, {body: 'Nobody is there to send this yet.', name: 'Sam'});
    submit(el);
    await waitUntil(() => seen.length === 1, 'the intent was never fired');
    await attempt;
    expect($(el, 'form')!.getAttribute('aria-busy')).to.equal('false');
    expect(field(el, 'body').value).to.equal('Nobody is there to send this yet.');
    expect(field(el, 'name').value).to.equal('Sam');
    expect(done).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('can be filled in and sent with the keyboard alone', async () => {
    const el = await mount();
    const seen = respond(el, Promise.resolve());
    field(el, 'body').focus();
    await sendKeys({type: 'Typed without a mouse, every word.'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Kim'});
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Space'}); // tick "Email me…"
    await el.updateComplete;
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'kim@example.org'});
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => seen.length === 1);
    expect(seen[0].detail.answer).to.deep.equal({
      body: 'Typed without a mouse, every word.',
      displayName: 'Kim',
      notify: true,
      email: 'kim@example.org',
    });
  });
});
