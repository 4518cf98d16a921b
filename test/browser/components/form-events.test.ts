import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaEditForm} from '../../../src/components/edit-form/edit-form.js';
import {loadElement} from '../../../src/lazy.js';
import {QuandaFormCancelEvent, QuandaFormDoneEvent} from '../../../src/write/write-events.js';
import {$} from '../../support/dom.js';

/**
 * The writing forms' own events: `quanda-form-done` and `quanda-form-cancel`, which bubble
 * and cross shadow roots like every Quanda event, and their deprecated names of Quanda 0.1
 * (`done`, `cancel`), still fired right after them and as they were: on the form only.
 */
describe('the writing forms’ events', () => {
  before(() => loadElement('quanda-edit-form'));

  const mount = async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <quanda-edit-form
          post-id="a1"
          kind="answer"
          value="The text as it stands."
        ></quanda-edit-form>
      </div>`,
    );
    const form = wrapper.querySelector<QuandaEditForm>('quanda-edit-form')!;
    await form.updateComplete; // drawn, in its language
    return {wrapper, form};
  };

  it('fires quanda-form-cancel, then the deprecated cancel, when Cancel is pressed', async () => {
    const {wrapper, form} = await mount();
    const order: string[] = [];
    form.addEventListener('quanda-form-cancel', () => order.push('quanda-form-cancel'));
    form.addEventListener('cancel', () => order.push('cancel'));
    let oldNameBubbled = false;
    wrapper.addEventListener('cancel', () => (oldNameBubbled = true));
    const cancelled = oneEvent(wrapper, 'quanda-form-cancel');
    $(form, '[part~="cancel-button"]')!.click();
    const event = await cancelled;
    expect(event).to.be.instanceOf(QuandaFormCancelEvent);
    expect(event.composed).to.be.true;
    expect(order).to.deep.equal(['quanda-form-cancel', 'cancel']);
    expect(oldNameBubbled).to.be.false;
  });

  it('fires quanda-form-done, then the deprecated done, once the change is saved', async () => {
    const {wrapper, form} = await mount();
    // The data owner's part: take the intent and say it was saved.
    form.addEventListener('quanda-edit', (event) => event.respondWith(Promise.resolve({})));
    const order: string[] = [];
    form.addEventListener('done', () => order.push('done'));
    // Typed through the event map: the listener gets the event's own class.
    const done = new Promise<QuandaFormDoneEvent>((resolve) =>
      wrapper.addEventListener('quanda-form-done', (event) => {
        order.push(event.type);
        resolve(event);
      }),
    );
    const textarea = $(form, 'textarea') as HTMLTextAreaElement;
    textarea.value = 'The text as it stands, with a change of mind.';
    $(form, '[part~="submit-button"]')!.click();
    const event = await done;
    expect(event).to.be.instanceOf(QuandaFormDoneEvent);
    expect(event.bubbles && event.composed).to.be.true;
    await form.updateComplete;
    expect(order).to.deep.equal(['quanda-form-done', 'done']);
  });
});
