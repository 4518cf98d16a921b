import {expect, fixtureSync, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/define.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {answer, thread} from '../../support/builders.js';
import {$, $$} from '../../support/dom.js';
import {emulateFocus} from '../../support/media.js';
import {ScriptedClient, ok} from '../../support/scripted-client.js';

/** Keyboard only: Tab to each control, operate it with keys, and see where focus lands. */
describe('keyboard', () => {
  before(() => emulateFocus());

  let client: ScriptedClient;
  let el: QuandaThread;

  const focused = () => el.shadowRoot!.activeElement;

  beforeEach(async () => {
    // A question with 10 answers: a first page of two, then each page brings a new one.
    const page = (answers: number, nextCursor: string) => {
      const data = thread({answers: Array.from({length: answers}, () => answer()), nextCursor});
      data.question.answerCount = 10;
      return data;
    };
    client = new ScriptedClient()
      .reply(ok(page(2, 'c1')))
      .always(() => Promise.resolve(page(1, 'c2')));
    const container = fixtureSync<HTMLDivElement>(
      html`<div>
        <button id="before">Before the thread</button>
        <quanda-thread
          .client=${client}
          .databaseName=${`quanda-test-keyboard-${Date.now()}`}
          question-id="q1"
        ></quanda-thread>
      </div>`,
    );
    el = container.querySelector('quanda-thread')!;
    await waitUntil(() => $(el, 'quanda-answer'), 'the thread did not load');
    await el.updateComplete;
    container.querySelector<HTMLButtonElement>('#before')!.focus();
  });

  it('reaches the sort control with Tab and changes the order with the arrow keys', async () => {
    await sendKeys({press: 'Tab'});
    const select = $(el, '[part~="sort"]') as HTMLSelectElement;
    expect(focused()).to.equal(select);
    expect(getComputedStyle(select).outlineStyle).to.equal('solid');

    await sendKeys({press: 'ArrowDown'});
    await waitUntil(() => client.calls.length === 2, 'no reload after ArrowDown');
    expect(client.calls[1].sort).to.equal('oldest');
    await waitUntil(() => $(el, 'quanda-answer') && !$(el, '[part~="status"]'), 'no reload');
    // The control stayed in place while the answers reloaded, and so did focus.
    expect(focused()).to.equal($(el, '[part~="sort"]'));

    await sendKeys({press: 'ArrowDown'});
    await waitUntil(() => client.calls.length === 3, 'no reload after the second ArrowDown');
    expect(client.calls[2].sort).to.equal('newest');
    await sendKeys({press: 'ArrowUp'});
    await waitUntil(() => client.calls.length === 4, 'no reload after ArrowUp');
    expect(client.calls[3].sort).to.equal('oldest');
  });

  it('opens the sort list with Space or Enter and picks with the arrows and Enter', async () => {
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Space'});
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => client.calls.length === 2, 'no reload after Space, ArrowDown, Enter');
    expect(client.calls[1].sort).to.equal('oldest');
    await waitUntil(() => !$(el, '[part~="status"]'), 'no reload');
    await sendKeys({press: 'Enter'});
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => client.calls.length === 3, 'no reload after Enter, ArrowDown, Enter');
    expect(client.calls[2].sort).to.equal('newest');
    expect(focused()).to.equal($(el, '[part~="sort"]'));
  });

  it('shows more answers with Enter and with Space, moving focus to the first new one', async () => {
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal($(el, '[part~="more-button"]'));

    await sendKeys({press: 'Enter'});
    await waitUntil(() => $$(el, 'quanda-answer').length === 3, 'Enter loaded nothing');
    await el.updateComplete;
    expect(focused()).to.equal($$(el, 'quanda-answer')[2]);
    expect(client.calls[1].cursor).to.equal('c1');

    // From the new answer, Tab goes on to the button again: nothing to skip back over.
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal($(el, '[part~="more-button"]'));
    await sendKeys({press: 'Space'});
    await waitUntil(() => $$(el, 'quanda-answer').length === 4, 'Space loaded nothing');
    await el.updateComplete;
    expect(focused()).to.equal($$(el, 'quanda-answer')[3]);
    expect(client.calls[2].cursor).to.equal('c2');
  });
});
