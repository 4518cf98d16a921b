import {expect, fixtureSync, html, waitUntil as waitUntilSoon} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/define.js';
import type {Thread} from '../../../src/api/schemas.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {loadElement} from '../../../src/lazy.js';
import {own} from '../../support/builders.js';
import {emulateFocus} from '../../support/media.js';
import {ScriptedWriteClient, ok} from '../../support/scripted-client.js';
import {
  announcement,
  deep,
  markedAnswer,
  markedComment,
  markedQuestion,
  writableThread,
} from '../../support/states/index.js';

/**
 * Every write, by keyboard alone: Tab to the control, operate it with Enter or Space, and
 * see where focus lands, that the focus is visible, and what the live region says.
 */
describe('keyboard: writing', () => {
  before(() => emulateFocus());

  let client: ScriptedWriteClient;
  let el: QuandaThread;

  /** The element with focus, however deep in shadow roots. */
  function focused(): Element | null {
    let node = document.activeElement;
    while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
    return node;
  }

  /** Patient: two shared cores, and other test files running beside this one. */
  const waitUntil = (condition: () => unknown, message = 'never happened') =>
    waitUntilSoon(condition, message, {timeout: 5000});

  const answer = (id: string) => `quanda-answer[data-id="${id}"]`;
  const press = (key: string) => sendKeys({press: key});
  const type = (text: string) => sendKeys({type: text});
  /** Puppeteer's `press` takes no chords: hold Shift around the Tab. */
  async function shiftTab() {
    await sendKeys({down: 'Shift'});
    await press('Tab');
    await sendKeys({up: 'Shift'});
  }

  /** Tabs until `target` has focus (at most `limit` presses); fails if it never does. */
  async function tabTo(target: () => Element | null, limit = 30) {
    for (let i = 0; i < limit && focused() !== target(); i++) await press('Tab');
    expect(focused(), 'Tab never reached the control').to.equal(target());
    expectVisibleFocus();
  }

  /** The focused control shows a focus ring a reader can see. */
  function expectVisibleFocus() {
    const node = focused()!;
    const style = getComputedStyle(node);
    expect(node.matches(':focus-visible'), `${node.localName} is not :focus-visible`).to.be.true;
    expect(style.outlineStyle, `${node.localName} has no outline`).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  }

  async function mount(data: Thread) {
    await loadElement('quanda-answer-form');
    client = new ScriptedWriteClient().always(ok(data));
    const container = fixtureSync<HTMLDivElement>(
      html`<div>
        <button id="before">Before the thread</button>
        <quanda-thread .client=${client} question-id="q1"></quanda-thread>
      </div>`,
    );
    el = container.querySelector('quanda-thread')!;
    await waitUntil(() => deep(el, 'quanda-answer-form', 'textarea'), 'the thread did not load');
    await el.updateComplete;
    container.querySelector<HTMLButtonElement>('#before')!.focus();
  }

  it('votes with Space and Enter on toggle buttons named for what they vote on', async () => {
    await mount(writableThread());
    client.handlers.vote = (_id, value) =>
      Promise.resolve({score: 1 + (value as number), viewerVote: value as number});
    const up = () => deep(el, answer('a2'), 'quanda-vote', '[part~="up-button"]');
    const down = () => deep(el, answer('a2'), 'quanda-vote', '[part~="down-button"]');
    await tabTo(up);
    expect(up()!.getAttribute('aria-label')).to.equal('Upvote answer by ⸨Ana⸩');
    expect(up()!.getAttribute('aria-pressed')).to.equal('false');

    await press('Space');
    await waitUntil(() => announcement(el) === 'Vote saved. The score is now 2.');
    expect(client.writes.at(-1)).to.deep.equal({method: 'vote', args: ['a2', 1]});
    expect(up()!.getAttribute('aria-pressed')).to.equal('true');
    expect(focused()).to.equal(up());

    await press('Tab');
    expect(focused()).to.equal(down());
    expect(down()!.getAttribute('aria-label')).to.equal('Downvote answer by ⸨Ana⸩');
    await press('Enter');
    await waitUntil(() => announcement(el) === 'Vote saved. The score is now 0.');
    expect(client.writes.at(-1)!.args).to.deep.equal(['a2', -1]);
    expect(down()!.getAttribute('aria-pressed')).to.equal('true');
    expect(up()!.getAttribute('aria-pressed')).to.equal('false');
    expectVisibleFocus();

    await press('Enter'); // pressed again: the vote is taken back
    await waitUntil(() => announcement(el) === 'Vote removed. The score is now 1.');
    expect(down()!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('says why a vote is not possible, on the button and when pressed', async () => {
    await mount(
      writableThread({
        answers: [
          markedAnswer({
            id: 'mine',
            author: {displayName: 'Kim', points: 1, isViewer: true},
            viewerCan: own,
          }),
        ],
      }),
    );
    const up = () => deep(el, answer('mine'), 'quanda-vote', '[part~="up-button"]');
    await tabTo(up);
    expect(up()!.getAttribute('aria-disabled')).to.equal('true');
    await press('Enter');
    const note = deep(el, answer('mine'), 'quanda-vote', '[part~="note"]')!;
    expect(note.className).to.equal('');
    expect(up()!.getAttribute('aria-describedby')).to.equal(note.id);
    expect(client.writes).to.have.length(0);
  });

  it('answers: Tab through the form, Space ticks the box and shows the email field, Enter sends', async () => {
    await mount(writableThread());
    client.handlers.postAnswer = () =>
      Promise.resolve(
        markedAnswer({
          id: 'posted',
          author: {displayName: 'Kim', points: 0, isViewer: true},
          viewerCan: own,
        }),
      );
    const form = deep(el, 'quanda-answer-form')!;
    const field = (id: string) => () => form.shadowRoot!.getElementById(id);
    // The box shows once the thread knows its backend sends mail.
    await waitUntil(field('notify'), 'no email box');
    await tabTo(field('body'), 60);
    await type('Writing it down first helped me.');
    await press('Tab');
    expect(focused()).to.equal(field('name')());
    expectVisibleFocus();
    await type('Kim');
    await press('Tab');
    expect(focused()).to.equal(field('notify')());
    expectVisibleFocus();
    // Unticked, the email field is not in the way: next is the button.
    await press('Tab');
    expect(focused()).to.equal(deep(form, '[part~="submit-button"]'));
    await shiftTab();
    expect(focused()).to.equal(field('notify')());
    await press('Space');
    await waitUntil(() => field('email')()!.getBoundingClientRect().height > 0, 'no email field');
    expect((field('notify')() as HTMLInputElement).checked).to.be.true;
    await press('Tab');
    expect(focused()).to.equal(field('email')());
    expectVisibleFocus();
    await type('kim@example.org');
    await press('Enter');
    await waitUntil(() => announcement(el) === 'Your answer was posted.', 'not announced');
    expect(client.writes.at(-1)!.args[1]).to.deep.equal({
      body: 'Writing it down first helped me.',
      displayName: 'Kim',
      notify: true,
      email: 'kim@example.org',
      page: location.href,
      locale: 'en',
    });
    // The email field is gone with the reset; focus must not be lost with it.
    await waitUntil(() => focused() && focused() !== document.body, 'focus was lost');
    expect(form.shadowRoot!.contains(focused()) || focused() === deep(el, answer('posted'))).to.be
      .true;
  });

  it('answers: an error is read with its field, which gets focus', async () => {
    await mount(writableThread());
    const form = deep(el, 'quanda-answer-form')!;
    await tabTo(() => form.shadowRoot!.getElementById('body'), 60);
    await type('Too short');
    await press('Tab');
    await press('Tab');
    await press('Tab');
    expect(focused()).to.equal(deep(form, '[part~="submit-button"]'));
    await press('Enter');
    await waitUntil(() => focused() === form.shadowRoot!.getElementById('body'), 'no focus');
    expect(focused()!.getAttribute('aria-invalid')).to.equal('true');
    expect(focused()!.getAttribute('aria-describedby')).to.contain('body-error');
    expect(client.writes).to.have.length(0);
  });

  it('comments: opens the form with Enter, sends it, and returns to "Add a comment"', async () => {
    await mount(writableThread());
    client.handlers.postComment = () =>
      Promise.resolve(
        markedComment({author: {displayName: null, points: 0, isViewer: true}, viewerCan: own}),
      );
    const add = () =>
      deep(el, 'quanda-question', 'quanda-comments', '[part~="add-comment-button"]');
    await tabTo(add);
    await press('Enter');
    const form = () => deep(el, 'quanda-question', 'quanda-comments', 'quanda-comment-form');
    await waitUntil(() => focused() === form()?.shadowRoot?.getElementById('body'), 'no focus');
    expectVisibleFocus();
    await type('Thank you for asking.');
    await waitUntil(() => form()!.shadowRoot!.getElementById('notify'), 'no email box');
    await press('Tab'); // name
    await press('Tab'); // notify
    await press('Tab');
    expect(focused()).to.equal(deep(form()!, '[part~="cancel-button"]'));
    await press('Tab');
    expect(focused()).to.equal(deep(form()!, '[part~="submit-button"]'));
    await press('Enter');
    await waitUntil(() => announcement(el) === 'Your comment was posted.', 'not announced');
    await waitUntil(() => focused() === add(), 'focus did not return to "Add a comment"');
    expectVisibleFocus();
    expect(client.writes.at(-1)!.args[1]).to.deep.include({body: 'Thank you for asking.'});
  });

  it('comments: Cancel with the keyboard closes the form and returns focus', async () => {
    await mount(writableThread());
    const add = () =>
      deep(el, 'quanda-question', 'quanda-comments', '[part~="add-comment-button"]');
    await tabTo(add);
    await press('Space');
    const form = () => deep(el, 'quanda-question', 'quanda-comments', 'quanda-comment-form');
    await waitUntil(() => focused() === form()?.shadowRoot?.getElementById('body'), 'no focus');
    await tabTo(() => deep(form()!, '[part~="cancel-button"]'), 5);
    await press('Enter');
    await waitUntil(() => focused() === add(), 'focus did not return to "Add a comment"');
    expect(form()).to.be.null;
  });

  it('shows earlier comments with Enter and moves focus to the first of them', async () => {
    await mount(
      writableThread({
        question: markedQuestion({
          answerCount: 2,
          comments: {items: [markedComment({id: 'c3'})], count: 3},
        }),
      }),
    );
    client.handlers.getComments = () =>
      Promise.resolve({
        comments: [markedComment({id: 'c1'}), markedComment({id: 'c2'}), markedComment({id: 'c3'})],
        nextCursor: null,
      });
    const comments = () => deep(el, 'quanda-question', 'quanda-comments')!;
    await tabTo(() => deep(comments(), '[part~="earlier-button"]'));
    await press('Enter');
    await waitUntil(() => focused() === deep(comments(), '[part~="comment"]'), 'no focus');
    expect(focused()!.getAttribute('data-id')).to.equal('c1');
  });

  it('accepts an answer with Enter; focus stays on the button as the answer moves up', async () => {
    const asker = {...writableThread().answers[0].viewerCan, accept: {allowed: true}};
    await mount(
      writableThread({
        answers: [
          markedAnswer({id: 'a1', score: 5, viewerCan: asker}),
          markedAnswer({id: 'a2', score: 1, viewerCan: asker}),
        ],
        viewer: {isAsker: true, canAnswer: {allowed: true}},
      }),
    );
    client.handlers.setAcceptedAnswer = (_q: unknown, id: unknown) =>
      Promise.resolve({acceptedAnswerId: id});
    const accept = () => deep(el, answer('a2'), '[part~="accept-button"]');
    await tabTo(accept);
    expect(accept()!.getAttribute('aria-pressed')).to.equal('false');
    await press('Enter');
    await waitUntil(() => announcement(el) === 'Marked as the best answer.', 'not announced');
    await waitUntil(() => deep(el, 'quanda-answer')?.dataset['id'] === 'a2', 'not moved up');
    await waitUntil(() => focused() === accept(), 'focus left the button');
    expect(accept()!.getAttribute('aria-pressed')).to.equal('true');
    expectVisibleFocus();
    await press('Space');
    await waitUntil(() => announcement(el) === 'Best answer selection removed.', 'not announced');
    await waitUntil(() => focused() === accept(), 'focus left the button');
  });

  const withMine = () =>
    writableThread({
      answers: [
        markedAnswer({
          id: 'mine',
          author: {displayName: 'Kim', points: 1, isViewer: true},
          viewerCan: own,
          body: {format: 'text', text: 'My first version of this.'},
        }),
        markedAnswer({id: 'next'}),
      ],
    });

  it('edits: Enter opens the form with the text, Enter on Save saves, focus returns to Edit', async () => {
    await mount(withMine());
    client.handlers.editPost = (_id, edit) =>
      Promise.resolve({
        ...withMine().answers[0],
        body: {format: 'text', text: (edit as {body: string}).body},
      });
    const edit = () => deep(el, answer('mine'), '[part~="edit-button"]');
    await tabTo(edit);
    expect(edit()!.getAttribute('aria-label')).to.equal('Edit answer by Kim');
    await press('Enter');
    const form = () => deep(el, answer('mine'), 'quanda-edit-form');
    await waitUntil(() => focused() === form()?.shadowRoot?.getElementById('body'), 'no focus');
    expect((focused() as HTMLTextAreaElement).value).to.equal('My first version of this.');
    await sendKeys({press: 'End'});
    await type(' And a second thought.');
    await press('Tab');
    expect(focused()).to.equal(deep(form()!, '[part~="cancel-button"]'));
    await press('Tab');
    expect(focused()).to.equal(deep(form()!, '[part~="submit-button"]'));
    await press('Enter');
    await waitUntil(() => announcement(el) === 'Your changes were saved.', 'not announced');
    await waitUntil(() => focused() === edit(), 'focus did not return to Edit');
    expectVisibleFocus();
    expect(client.writes.at(-1)!.args[1]).to.deep.equal({
      body: 'My first version of this. And a second thought.',
    });
  });

  it('removes: asks first, "Keep it" returns to Remove, "Yes, remove" moves focus on', async () => {
    await mount(withMine());
    client.handlers.removePost = (id: unknown) => Promise.resolve({id, removed: true});
    const remove = () => deep(el, answer('mine'), '[part~="remove-button"]');
    await tabTo(remove);
    await press('Enter');
    const yes = () => deep(el, answer('mine'), '[part~="confirm-remove-button"]');
    await waitUntil(() => focused() === yes(), 'focus did not move to "Yes, remove"');
    expectVisibleFocus();
    await press('Tab');
    expect(focused()).to.equal(deep(el, answer('mine'), '[part~="keep-button"]'));
    await press('Enter');
    await waitUntil(() => focused() === remove(), 'focus did not return to Remove');
    expect(client.writes).to.have.length(0);

    await press('Enter');
    await waitUntil(() => focused() === yes());
    await press('Enter');
    await waitUntil(() => announcement(el) === 'Removed.', 'not announced');
    await waitUntil(() => focused() === deep(el, answer('next'), 'article'), 'focus stayed');
    expectVisibleFocus();
  });

  it('flags: the dialog keeps focus, Escape closes it, focus returns to Flag', async () => {
    await mount(writableThread());
    client.handlers.flag = () => Promise.resolve({flagged: true});
    const flag = () => deep(el, answer('a2'), '[part~="flag-button"]');
    await tabTo(flag);
    expect(flag()!.getAttribute('aria-label')).to.equal('Flag answer by ⸨Ana⸩');
    await press('Enter');
    const dialog = () => deep(el, answer('a2'), 'quanda-flag-dialog');
    const box = () => dialog()?.shadowRoot?.querySelector('dialog');
    await waitUntil(() => box()?.open && box()!.contains(focused()), 'focus did not enter');
    expectVisibleFocus();
    expect(focused()!.id).to.equal('spam');

    // Round and round: Tab never leaves the dialog for the page behind it.
    const seen = new Set<Element>();
    for (let i = 0; i < 12; i++) {
      await press('Tab');
      const now = focused();
      expect(now && box()!.contains(now), `Tab ${i + 1} left the dialog for ${now?.localName}`).to
        .be.true;
      seen.add(now!);
    }
    // One stop for the radio group, the note, Cancel and Send.
    expect(seen.size).to.equal(4);
    for (let i = 0; i < 12; i++) {
      await shiftTab();
      expect(box()!.contains(focused()), `Shift+Tab ${i + 1} left the dialog`).to.be.true;
    }

    await press('Escape');
    await waitUntil(() => !dialog(), 'Escape did not close the dialog');
    await waitUntil(() => focused() === flag(), 'focus did not return to Flag');
    expectVisibleFocus();
    expect(client.writes).to.have.length(0);
  });

  it('flags: arrows pick a reason, Enter sends, focus returns to the now "Flagged" button', async () => {
    await mount(writableThread());
    client.handlers.flag = () => Promise.resolve({flagged: true});
    const flag = () => deep(el, answer('a2'), '[part~="flag-button"]');
    await tabTo(flag);
    await press('Space');
    const dialog = () => deep(el, answer('a2'), 'quanda-flag-dialog');
    await waitUntil(() => dialog()?.shadowRoot?.activeElement, 'focus did not enter');
    await press('ArrowDown');
    expect(focused()!.id).to.equal('abusive');
    await press('Tab'); // the note
    await type('Unkind to the asker.');
    await press('Tab');
    await press('Tab');
    expect(focused()).to.equal(deep(dialog()!, '[part~="submit-button"]'));
    await press('Enter');
    await waitUntil(() => announcement(el) === 'Thank you. A moderator will look at it.');
    expect(client.writes.at(-1)!.args.slice(0, 2)).to.deep.equal([
      'a2',
      {reason: 'abusive', note: 'Unkind to the asker.'},
    ]);
    await waitUntil(() => focused() === flag(), 'focus did not return to Flag');
    expect(flag()!.textContent.trim()).to.equal('Flagged');
    expect(flag()!.getAttribute('aria-disabled')).to.equal('true');
  });
});
