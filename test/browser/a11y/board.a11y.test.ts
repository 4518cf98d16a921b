/**
 * <quanda-board> for every reader, against the real reference server: axe finds nothing
 * in its states (empty, the list, search results, the ask form with errors, a question
 * open), the switch between the list and a question is announced, a reader with only a
 * keyboard can ask, open a question and come back, and in Arabic the board reads right to
 * left.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/define.js';
import type {QuandaBoard} from '../../../src/components/board/board.js';
import {emulateFocus} from '../../support/media.js';
import {SERVER_START_TIMEOUT, startQuandaServer, stopQuandaServers} from '../../support/servers.js';
import type {QuandaServer} from '../../support/servers.js';

const LIVE = '.visually-hidden[role="status"]';

/** Waits for `find` to give something, and gives it. */
async function until<T>(find: () => T | null | undefined, what: string, timeout = 10_000) {
  let found: T | null | undefined;
  await waitUntil(() => (found = find()), what, {timeout});
  return found as T;
}

describe('<quanda-board> accessibility', () => {
  let server: QuandaServer;
  let topics = 0;

  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    server = await startQuandaServer();
    await emulateFocus();
  });
  after(() => stopQuandaServers());
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
  });

  const mount = async (lang = 'en') => {
    const el = await fixture<QuandaBoard>(
      html`<quanda-board
        lang=${lang}
        endpoint=${server.api}
        topic=${`/a11y/${++topics}`}
        .databaseName=${`board-a11y-${topics}`}
      ></quanda-board>`,
    );
    await waitUntil(() => !el.shadowRoot?.querySelector('[part~="status"]'), 'board loaded', {
      timeout: 10_000,
    });
    return el;
  };
  const part = (el: QuandaBoard, name: string) =>
    el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

  async function ask(el: QuandaBoard, title: string) {
    part(el, 'ask-button')!.click();
    const form = await until(() => el.shadowRoot!.querySelector('quanda-ask-form'), 'form');
    await waitUntil(() => form.shadowRoot?.querySelector('#title'), 'title field');
    await customElements.whenDefined('quanda-ask-form');
    const input = form.shadowRoot!.querySelector<HTMLInputElement>('#title')!;
    input.value = title;
    input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    return form;
  }

  it('is accessible empty, with a list, with search results and with a question open', async function () {
    this.timeout(30_000);
    const el = await mount();
    expect(part(el, 'empty')).to.exist;
    await expect(el).to.be.accessible();

    await ask(el, 'How do I sleep through the night?');
    await waitUntil(() => part(el, 'item'), 'the question in the list', {timeout: 10_000});
    await ask(el, 'Is coffee after noon a bad idea?');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="item"]').length === 2, 'two');
    await expect(el).to.be.accessible();

    const search = part(el, 'search') as HTMLInputElement;
    search.value = 'coffee';
    search.dispatchEvent(new Event('input'));
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[part~="item"]').length === 1,
      'one result',
      {timeout: 5000},
    );
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="item"] a')!.click();
    await waitUntil(
      () =>
        el.shadowRoot
          ?.querySelector('quanda-thread')
          ?.shadowRoot?.querySelector('quanda-question')
          ?.shadowRoot?.querySelector('[part~="title"]'),
      'the open question',
      {timeout: 10_000},
    );
    expect(el.shadowRoot!.querySelector(LIVE)!.textContent).to.equal(
      'Showing one question and its answers.',
    );
    await expect(el).to.be.accessible();

    part(el, 'back-button')!.click();
    await waitUntil(() => part(el, 'list'), 'the list again');
    await waitUntil(
      () =>
        el.shadowRoot!.querySelector(LIVE)!.textContent ===
        'Showing all questions about this article.',
      'the way back announced',
    );
  });

  it('is accessible with the ask form showing its errors, and keeps what was typed', async function () {
    this.timeout(20_000);
    const el = await mount();
    const form = await ask(el, 'Short');
    await waitUntil(() => form.shadowRoot!.querySelector('[part~="field-error"]'), 'the error');
    expect(form.shadowRoot!.querySelector('#title')!.getAttribute('aria-invalid')).to.equal('true');
    expect(form.shadowRoot!.activeElement?.id).to.equal('title');
    expect((form.shadowRoot!.querySelector('#title') as HTMLInputElement).value).to.equal('Short');
    await expect(el).to.be.accessible();
  });

  it('works by keyboard alone: ask, open the question, and back to it in the list', async function () {
    this.timeout(40_000);
    const el = await mount();
    /** The element with focus, however deep in shadow roots. */
    const focused = () => {
      let node = document.activeElement;
      while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
      return node;
    };
    const press = (key: string) => sendKeys({press: key});
    /** Tabs until `target` has focus (at most 30 presses); fails if it never does. */
    const tabTo = async (target: () => Element | null | undefined, what: string) => {
      for (let i = 0; i < 30 && (!target() || focused() !== target()); i++) await press('Tab');
      expect(focused(), `Tab never reached ${what}`).to.equal(target());
    };

    await tabTo(() => part(el, 'ask-button'), 'Ask');
    await press('Enter');
    const form = await until(() => el.shadowRoot!.querySelector('quanda-ask-form'), 'form');
    const field = (id: string) => form.shadowRoot?.querySelector<HTMLElement>(id);
    await until(() => field('#title'), 'the title field');
    await tabTo(() => field('#title'), 'the title');
    await sendKeys({type: 'Can I nap without ruining the night?'});
    await tabTo(() => field('textarea'), 'the details');
    await sendKeys({type: 'I wake up at five.'});
    await tabTo(() => field('[part~="submit-button"]'), 'Post your question');
    await press('Enter');

    // Focus goes to the question just asked, in the list.
    const link = () => part(el, 'item')?.querySelector('a');
    await waitUntil(() => link() && focused() === link(), 'focus on the new question', {
      timeout: 10_000,
    });
    await press('Enter');
    const back = () => part(el, 'back-button');
    await waitUntil(() => back() && focused() === back(), 'focus on Back', {timeout: 10_000});
    await until(
      () =>
        el.shadowRoot
          ?.querySelector('quanda-thread')
          ?.shadowRoot?.querySelector('quanda-question')
          ?.shadowRoot?.querySelector('[part~="title"]'),
      'the open question',
    );
    // A draft answer, then back to the list by Shift+Tab: the draft stays on the device.
    const thread = () => el.shadowRoot?.querySelector('quanda-thread');
    const answerBox = () =>
      thread()
        ?.shadowRoot?.querySelector('quanda-answer-form')
        ?.shadowRoot?.querySelector('textarea');
    await until(answerBox, 'the answer form');
    await tabTo(answerBox, 'the answer form');
    await sendKeys({type: 'Twenty minutes before three.'});
    for (let i = 0; i < 40 && focused() !== back(); i++) {
      await sendKeys({down: 'Shift'});
      await press('Tab');
      await sendKeys({up: 'Shift'});
    }
    expect(focused(), 'Shift+Tab never reached Back').to.equal(back());
    await press('Enter');
    await waitUntil(() => link() && focused() === link(), 'focus back on the question', {
      timeout: 10_000,
    });
    expect(location.hash).to.equal('');
    // Open again: the draft answer is there.
    await press('Enter');
    await waitUntil(
      () => answerBox()?.value === 'Twenty minutes before three.',
      'the draft answer restored',
      {timeout: 10_000},
    );
  });

  it('reads right to left in Arabic', async function () {
    this.timeout(20_000);
    const el = await mount('ar');
    await waitUntil(() => part(el, 'board')?.getAttribute('dir') === 'rtl', 'right to left');
    expect(part(el, 'heading')!.textContent.trim()).to.equal('أسئلة حول هذه المقالة');
    await expect(el).to.be.accessible();
  });
});
