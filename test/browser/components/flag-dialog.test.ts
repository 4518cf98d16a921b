import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaFlagEvent} from '../../../src/actions/action-events.js';
import type {QuandaFlagDialog} from '../../../src/components/flag-dialog/flag-dialog.js';
import {loadElement} from '../../../src/lazy.js';
import {$, busyThenDone} from '../../support/dom.js';

/**
 * The flag dialog on its own, outside a thread: the reader's reason and note are kept
 * until a flag is known to be sent. (Flagging through a thread is in thread-writes.test.ts.)
 */
describe('<quanda-flag-dialog>', () => {
  before(() => loadElement('quanda-flag-dialog'));

  it('keeps the reason and the note, and stays open, when nobody answers the intent', async () => {
    const el = await fixture<QuandaFlagDialog>(
      html`<quanda-flag-dialog .postId=${'a1'} .label=${'answer by Jonas'}></quanda-flag-dialog>`,
    );
    await el.show();
    const seen: QuandaFlagEvent[] = [];
    el.addEventListener('quanda-flag', (event) => seen.push(event));
    let done = false;
    el.addEventListener('quanda-form-done', () => (done = true));
    $(el, '#other')!.click();
    const note = $(el, '#note') as HTMLTextAreaElement;
    note.value = 'It copies another answer word for word.';
    const button = $(el, '[part~="submit-button"]')!;
    // Disabled while it tries, then not: "false" alone is also the state before sending.
    const attempt = busyThenDone(button, 'aria-disabled');
    button.click();
    await waitUntil(() => seen.length === 1, 'the intent was never fired');
    expect(seen[0].detail).to.deep.equal({
      postId: 'a1',
      flag: {reason: 'other', note: 'It copies another answer word for word.'},
    });
    await attempt;
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect(($(el, 'dialog') as HTMLDialogElement).open).to.be.true;
    expect(($(el, '#other') as HTMLInputElement).checked).to.be.true;
    expect(note.value).to.equal('It copies another answer word for word.');
    expect($(el, '[part~="form-error"]')).to.be.null;
    expect(done).to.be.false;
    await expect(el).to.be.accessible();
  });
});
