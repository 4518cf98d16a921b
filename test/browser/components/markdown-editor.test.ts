import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/define.js';
import type {QuandaAnswerForm} from '../../../src/components/answer-form/answer-form.js';
import type {QuandaEditForm} from '../../../src/components/edit-form/edit-form.js';
import {loadElement} from '../../../src/lazy.js';
import {loadEditor} from '../../../src/load-editor.js';
import {$, $$, text} from '../../support/dom.js';

/**
 * The writing forms' Markdown editor: the toolbar edits the Markdown text (and Undo takes
 * it back), Ctrl+B / I / K do the same from the keyboard, the toolbar is one tab stop with
 * arrow keys inside, and Preview shows the text rendered and sanitized as the thread will
 * show it, without losing a word of it.
 */
describe('the Markdown editor in the writing forms', () => {
  // The toolbar loads beside each form; once loaded, a new form has it from its first render.
  before(() =>
    Promise.all([
      loadEditor(),
      ...['quanda-answer-form', 'quanda-comment-form', 'quanda-edit-form'].map((tag) =>
        loadElement(tag as 'quanda-answer-form'),
      ),
    ]),
  );

  const mount = () => fixture<QuandaAnswerForm>(html`<quanda-answer-form></quanda-answer-form>`);
  const area = (el: Element) => $(el, 'textarea') as HTMLTextAreaElement;
  const tool = (el: Element, name: string) => $(el, `[data-tool="${name}"]`)!;
  /** Types `value` and selects [start, end) of it, as a reader would before using a tool. */
  const write = (el: Element, value: string, start = value.length, end = start) => {
    const textarea = area(el);
    textarea.focus();
    textarea.value = value;
    textarea.setSelectionRange(start, end);
  };
  const ctrl = async (key: string) => {
    await sendKeys({down: 'Control'});
    await sendKeys({press: key});
    await sendKeys({up: 'Control'});
  };
  const selected = (el: Element) => {
    const {value, selectionStart, selectionEnd} = area(el);
    return value.slice(selectionStart, selectionEnd);
  };

  it('offers the toolbar in the answer, comment and edit forms, named and accessible', async () => {
    for (const form of [
      html`<quanda-answer-form></quanda-answer-form>`,
      html`<quanda-comment-form post-id="a1"></quanda-comment-form>`,
      html`<quanda-edit-form post-id="a1" value="My answer, as it stands now."></quanda-edit-form>`,
    ]) {
      const el = await fixture(form);
      const toolbar = $(el, '[role="toolbar"]')!;
      expect(toolbar.getAttribute('aria-label')).to.equal('Formatting');
      expect(
        $$(el, '[part~="tool-button"]').map((b) => b.getAttribute('aria-label')),
      ).to.deep.equal(['Bold', 'Italic', 'Link', 'Bulleted list', 'Numbered list', 'Quote']);
      expect(text($(el, '[part~="write-button"]'))).to.equal('Write');
      expect(text($(el, '[part~="preview-button"]'))).to.equal('Preview');
      await expect(el).to.be.accessible();
    }
  });

  it('wraps the selection in bold, italics or a link, and unwraps it again', async () => {
    const el = await mount();
    write(el, 'Sleep helps a lot', 6, 11);
    tool(el, 'bold').click();
    expect(area(el).value).to.equal('Sleep **helps** a lot');
    expect(selected(el)).to.equal('helps');
    tool(el, 'bold').click();
    expect(area(el).value).to.equal('Sleep helps a lot');
    expect(selected(el)).to.equal('helps');
    tool(el, 'italic').click();
    expect(area(el).value).to.equal('Sleep _helps_ a lot');
    write(el, 'see the guide', 8, 13);
    tool(el, 'link').click();
    expect(area(el).value).to.equal('see the [guide](https://)');
    expect(selected(el)).to.equal('https://'); // ready to be typed over
  });

  it('turns lines into a bulleted or numbered list or a quote, and back', async () => {
    const el = await mount();
    write(el, 'Intro\nfirst\nsecond\nOutro', 6, 18);
    tool(el, 'bulleted').click();
    expect(area(el).value).to.equal('Intro\n- first\n- second\nOutro');
    tool(el, 'bulleted').click();
    expect(area(el).value).to.equal('Intro\nfirst\nsecond\nOutro');
    tool(el, 'numbered').click();
    expect(area(el).value).to.equal('Intro\n1. first\n2. second\nOutro');
    tool(el, 'numbered').click();
    tool(el, 'quote').click();
    expect(area(el).value).to.equal('Intro\n> first\n> second\nOutro');
    // With nothing selected, the line the caret is on; the caret stays at its end.
    write(el, 'one line');
    tool(el, 'bulleted').click();
    expect(area(el).value).to.equal('- one line');
    expect(area(el).selectionStart).to.equal('- one line'.length);
  });

  it('edits as typing does: Undo takes it back, and `input` fires (drafts save on it)', async () => {
    const el = await mount();
    write(el, 'keep this', 5, 9);
    const input = oneEvent(area(el), 'input');
    tool(el, 'bold').click();
    await input;
    expect(area(el).value).to.equal('keep **this**');
    await ctrl('z');
    expect(area(el).value).to.equal('keep this');
  });

  it('formats from the keyboard: Ctrl+B, Ctrl+I and Ctrl+K', async () => {
    const el = await mount();
    write(el, 'a word', 2, 6);
    await ctrl('b');
    expect(area(el).value).to.equal('a **word**');
    await ctrl('i');
    expect(area(el).value).to.equal('a **_word_**');
    write(el, 'here', 0, 4);
    await ctrl('k');
    expect(area(el).value).to.equal('[here](https://)');
  });

  it('is one tab stop; arrows, Home and End move along it, mirrored right to left', async () => {
    const el = await mount();
    const buttons = $$(el, '[role="toolbar"] button');
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1, -1, -1]);
    buttons[0].focus();
    await sendKeys({press: 'ArrowRight'});
    expect(el.shadowRoot!.activeElement).to.equal(buttons[1]);
    expect(buttons.map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1, -1, -1, -1]);
    await sendKeys({press: 'End'});
    expect(el.shadowRoot!.activeElement).to.equal(buttons[7]);
    await sendKeys({press: 'ArrowRight'});
    expect(el.shadowRoot!.activeElement).to.equal(buttons[0]); // wraps
    await sendKeys({press: 'ArrowLeft'});
    expect(el.shadowRoot!.activeElement).to.equal(buttons[7]);
    await sendKeys({press: 'Home'});
    expect(el.shadowRoot!.activeElement).to.equal(buttons[0]);
    // Tab leaves the toolbar for the text.
    await sendKeys({press: 'Tab'});
    expect(el.shadowRoot!.activeElement).to.equal(area(el));

    el.dir = 'rtl';
    buttons[0].focus();
    await sendKeys({press: 'ArrowLeft'});
    expect(el.shadowRoot!.activeElement).to.equal(buttons[1]);
  });

  it('focuses the text, not the toolbar, when the form is focused', async () => {
    const el = await mount();
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(area(el));
  });

  it('previews the text as the thread will show it, sanitized, and keeps every word', async () => {
    const el = await mount();
    const typed =
      'My **answer**:\n\n1. one\n2. [two](https://example.org/)\n\n<img src=x onerror="alert(1)">';
    write(el, typed);
    $(el, '[part~="preview-button"]')!.click();
    const preview = () => $(el, '[part~="preview"]');
    await waitUntil(() => preview()?.querySelector('ol'), 'no preview', {timeout: 5000});
    expect(area(el).hidden).to.be.true;
    expect($(el, '[part~="preview-button"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect($$(el, '[part~="tool-button"]').every((b) => b.ariaDisabled === 'true')).to.be.true;
    expect(preview()!.querySelector('strong')!.textContent).to.equal('answer');
    const link = preview()!.querySelector('a')!;
    expect(link.getAttribute('rel')).to.equal('nofollow ugc noopener noreferrer');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(preview()!.querySelector('img')).to.be.null;
    expect(preview()!.textContent).to.contain('<img src=x onerror="alert(1)">'); // as text
    await expect(el).to.be.accessible();

    $(el, '[part~="write-button"]')!.click();
    await el.updateComplete;
    expect(area(el).hidden).to.be.false;
    expect(area(el).value).to.equal(typed);
    expect(preview()).to.be.null;
    expect(el.shadowRoot!.activeElement).to.equal(area(el));
  });

  it('says when there is nothing to preview', async () => {
    const el = await mount();
    $(el, '[part~="preview-button"]')!.click();
    await el.updateComplete;
    expect(text($(el, '[part~="preview"]'))).to.equal('Nothing to preview yet.');
  });

  it('goes back to the text when sending from the preview finds it too short', async () => {
    const el = await mount();
    write(el, 'Too short');
    $(el, '[part~="preview-button"]')!.click();
    await waitUntil(() => $(el, '[part~="preview"] p:not(.hint)'));
    $(el, '[part~="submit-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === area(el), 'focus never came back');
    expect(area(el).hidden).to.be.false;
    expect(area(el).getAttribute('aria-invalid')).to.equal('true');
    expect(area(el).value).to.equal('Too short');
  });

  it('edits the Markdown source of a post', async () => {
    const el = await fixture<QuandaEditForm>(
      html`<quanda-edit-form post-id="a1" value="It helped **a lot**."></quanda-edit-form>`,
    );
    expect(area(el).value).to.equal('It helped **a lot**.');
  });
});
