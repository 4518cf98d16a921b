import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {QuandaAskSubmitEvent} from '../../../src/board/board-events.js';
import {QuandaAskForm} from '../../../src/components/ask-form/ask-form.js';
import {defineElement} from '../../../src/define-element.js';
import {$, text} from '../../support/dom.js';
import {mountInThread} from '../../support/mail-offer.js';

/**
 * The ask form's mail offer, as the answer form's: the box and the address only when the
 * board's backend sends mail, and what it sends with the question.
 */
describe('<quanda-ask-form> and notification mail', () => {
  before(() => defineElement('quanda-ask-form', QuandaAskForm));

  const field = (el: QuandaAskForm, id: string) => $(el, `#${id}`) as HTMLInputElement;
  /** Whatever mentions email in the form. */
  const emailWords = (el: QuandaAskForm) =>
    [...el.shadowRoot!.querySelectorAll('*')].filter(
      (node) =>
        node.matches('#notify, #email, [type="email"], [type="checkbox"]') ||
        (!node.children.length && /e-?mail/i.test(node.textContent ?? '')),
    );
  /** Fills the form, sends it, and resolves with the intent it fired. */
  const ask = async (el: QuandaAskForm, email?: string) => {
    const seen: QuandaAskSubmitEvent[] = [];
    el.addEventListener('quanda-ask-submit', (event) => {
      seen.push(event);
      event.respondWith(Promise.resolve({}));
    });
    field(el, 'title').value = 'Is a nap after lunch a good idea?';
    field(el, 'body').value = 'I sleep badly at night.';
    if (email !== undefined) {
      field(el, 'notify').click();
      await el.updateComplete;
      field(el, 'email').value = email;
    }
    $(el, '[part~="submit-button"]')!.click();
    await waitUntil(() => seen.length === 1, 'no quanda-ask-submit');
    return seen[0];
  };

  it('offers mail about answers when the backend sends it, and sends the address with the question', async () => {
    const el = await mountInThread<QuandaAskForm>(html`<quanda-ask-form></quanda-ask-form>`);
    expect(text(el.shadowRoot!.querySelector('label[for="notify"]'))).to.equal(
      'Email me when someone answers my question',
    );
    await expect(el).to.be.accessible();
    const intent = await ask(el, 'sam@example.org');
    expect(intent.detail.question).to.deep.equal({
      title: 'Is a nap after lunch a good idea?',
      body: 'I sleep badly at night.',
      displayName: undefined,
      notify: true,
      email: 'sam@example.org',
    });
  });

  it('ties a bad address to its field and sends nothing', async () => {
    const el = await mountInThread<QuandaAskForm>(html`<quanda-ask-form></quanda-ask-form>`);
    const seen: QuandaAskSubmitEvent[] = [];
    el.addEventListener('quanda-ask-submit', (event) => seen.push(event));
    field(el, 'title').value = 'Is a nap after lunch a good idea?';
    field(el, 'notify').click();
    await el.updateComplete;
    field(el, 'email').value = 'not an address';
    $(el, '[part~="submit-button"]')!.click();
    await waitUntil(() => field(el, 'email').getAttribute('aria-invalid') === 'true');
    expect(text($(el, '#email-error'))).to.equal(
      'Enter a valid email address, or untick the box above.',
    );
    expect(seen).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('offers no mail, and says nothing of it, when the backend sends none', async () => {
    for (const el of [
      await fixture<QuandaAskForm>(html`<quanda-ask-form></quanda-ask-form>`),
      await mountInThread<QuandaAskForm>(html`<quanda-ask-form></quanda-ask-form>`, {
        notifications: false,
      }),
    ]) {
      await el.updateComplete;
      expect(field(el, 'title')).to.exist;
      expect(emailWords(el)).to.deep.equal([]);
      const intent = await ask(el);
      expect(intent.detail.question.notify).to.equal(false);
      expect(intent.detail.question.email).to.equal(undefined);
    }
  });
});
