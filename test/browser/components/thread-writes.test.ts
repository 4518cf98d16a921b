/**
 * How <quanda-thread> answers the intents of its elements: optimistic votes and their
 * rollback, the best answer, answers, comments, edits, removals and flags. A scripted
 * client stands in for the backend here; test/browser/e2e covers the same paths against
 * the real reference server.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import {QuandaError} from '../../../src/api/api-error.js';
import type {QuandaAnswer} from '../../../src/components/answer/answer.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import type {QuandaEvent} from '../../../src/events/quanda-event.js';
import {answer, comment, own, thread} from '../../support/builders.js';
import {$, $$, text, waitFor} from '../../support/dom.js';
import {nextError} from '../../support/events.js';
import {ScriptedClient, ScriptedWriteClient, deferred, ok} from '../../support/scripted-client.js';

const asker = {
  ...own,
  accept: {allowed: true},
  vote: {allowed: true},
  flag: {allowed: true},
  edit: {allowed: false, reason: 'not-author'},
};

let mounted = 0;

async function mount(client: ScriptedClient) {
  // A database of its own: a draft left by one test is never restored into the next.
  const database = `quanda-test-thread-writes-${Date.now()}-${++mounted}`;
  const el = await fixture<QuandaThread>(
    html`<quanda-thread
      .client=${client}
      .databaseName=${database}
      question-id="q1"
    ></quanda-thread>`,
  );
  await waitFor(el, 'quanda-question');
  await el.updateComplete;
  return el;
}

const answers = (el: QuandaThread) => $$(el, 'quanda-answer') as QuandaAnswer[];
const inAnswer = (el: QuandaThread, index: number, selector: string) =>
  $(answers(el)[index], selector);
const voteOf = (el: QuandaThread, index: number) => inAnswer(el, index, 'quanda-vote')!;
const upButton = (el: QuandaThread, index: number) => $(voteOf(el, index), '[part~="up-button"]')!;
const downButton = (el: QuandaThread, index: number) =>
  $(voteOf(el, index), '[part~="down-button"]')!;
const announced = (el: QuandaThread) => text($(el, '[part~="thread"] > [role="status"]'));

describe('<quanda-thread> writes', () => {
  it('shows a vote at once, then the server’s score, and announces it', async () => {
    const client = new ScriptedWriteClient().reply(
      ok(thread({answers: [answer({id: 'a1', score: 4})]})),
    );
    const reply = deferred<unknown>();
    client.handlers.vote = () => reply.promise;
    const el = await mount(client);
    const voted = oneEvent(el, 'quanda-voted');
    upButton(el, 0).click();
    await waitUntil(() => client.writes.length === 1);
    expect(client.writes[0]).to.deep.equal({method: 'vote', args: ['a1', 1]});
    await el.updateComplete;
    expect(answers(el)[0].answer!.score).to.equal(5);
    expect(answers(el)[0].votePending).to.be.true;
    reply.resolve({score: 7, viewerVote: 1});
    const event = (await voted) as unknown as QuandaEvent<{postId: string; score: number}>;
    expect(event.detail).to.deep.include({postId: 'a1', score: 7});
    await waitUntil(() => announced(el) === 'Vote saved. The score is now 7.');
    expect(answers(el)[0].answer!.score).to.equal(7);
    expect(answers(el)[0].votePending).to.be.false;
  });

  it('rolls a refused vote back, says why, and reports it', async () => {
    const client = new ScriptedWriteClient().reply(ok(thread({answers: [answer({score: 4})]})));
    client.handlers.vote = () =>
      Promise.reject(new QuandaError('http', 'rate limited', {status: 429, retryAfter: 60}));
    const el = await mount(client);
    const errored = nextError(el);
    upButton(el, 0).click();
    expect((await errored).operation).to.equal('vote');
    await waitUntil(() => announced(el).startsWith('Your vote could not be saved.'));
    expect(announced(el)).to.equal(
      'Your vote could not be saved. You have done this a lot in the last hour. Please try again later.',
    );
    expect(answers(el)[0].answer!.score).to.equal(4);
    expect(answers(el)[0].answer!.viewerVote).to.equal(0);
    expect(upButton(el, 0).getAttribute('aria-pressed')).to.equal('false');
  });

  it('sends one vote at a time per post, and the reader’s latest choice last', async () => {
    const client = new ScriptedWriteClient().reply(
      ok(thread({answers: [answer({id: 'a1', score: 0})]})),
    );
    const first = deferred<unknown>();
    const replies = [first.promise, Promise.resolve({score: -1, viewerVote: -1})];
    client.handlers.vote = () => replies.shift()!;
    const el = await mount(client);
    upButton(el, 0).click();
    await el.updateComplete;
    downButton(el, 0).click();
    // The second choice is shown at once: by then the thread has decided not to send it yet.
    await waitUntil(() => answers(el)[0].answer!.viewerVote === -1);
    expect(client.writes).to.have.length(1); // the second waits for the first
    first.resolve({score: 1, viewerVote: 1});
    await waitUntil(() => client.writes.length === 2);
    expect(client.writes[1].args).to.deep.equal(['a1', -1]);
    await waitUntil(() => answers(el)[0].answer!.viewerVote === -1 && !answers(el)[0].votePending);
    expect(answers(el)[0].answer!.score).to.equal(-1);
  });

  it('lets the page veto a vote before anything is sent', async () => {
    const client = new ScriptedWriteClient().reply(ok(thread()));
    client.handlers.vote = () => Promise.resolve({score: 1, viewerVote: 1});
    const el = await mount(client);
    let vetoed = 0;
    const veto = (event: Event) => {
      vetoed++;
      event.preventDefault();
    };
    document.addEventListener('quanda-vote', veto);
    try {
      upButton(el, 0).click();
    } finally {
      document.removeEventListener('quanda-vote', veto);
    }
    expect(vetoed).to.equal(1);
    // The same vote again, allowed this time: votes on a post go out one at a time, so a
    // vetoed one that had been sent would be the first write here, before this one.
    const voted = oneEvent(el, 'quanda-voted');
    upButton(el, 0).click();
    await voted;
    expect(client.writes.map((write) => write.args[1])).to.deep.equal([1]);
  });

  it('lets the asker choose the best answer, which then leads the list', async () => {
    const data = thread({
      answers: [
        answer({id: 'a1', score: 9, viewerCan: asker}),
        answer({id: 'a2', score: 1, viewerCan: asker}),
      ],
    });
    data.viewer.isAsker = true;
    const client = new ScriptedWriteClient().reply(ok(data));
    client.handlers.setAcceptedAnswer = (_q: unknown, answerId: unknown) =>
      Promise.resolve({acceptedAnswerId: answerId});
    const el = await mount(client);
    const button = inAnswer(el, 1, '[part~="accept-button"]')!;
    expect(text(button)).to.equal('Select as best answer');
    const accepted = oneEvent(el, 'quanda-accepted');
    button.click();
    await accepted;
    await waitUntil(() => answers(el)[0].answer!.id === 'a2');
    expect(client.writes[0].args).to.deep.equal(['q1', 'a2']);
    expect(text(inAnswer(el, 0, '[part~="badge"]'))).to.equal('Best answer');
    expect(text(inAnswer(el, 0, '[part~="accept-button"]'))).to.equal('Remove selection');
    await waitUntil(() => announced(el) === 'Marked as the best answer.');
    inAnswer(el, 0, '[part~="accept-button"]')!.click();
    await waitUntil(() => !answers(el).some((a) => a.answer!.isAccepted));
    expect(client.writes[1].args).to.deep.equal(['q1', null]);
    expect(answers(el).map((a) => a.answer!.id)).to.deep.equal(['a1', 'a2']);
  });

  it('shows no best-answer button to readers who did not ask', async () => {
    const el = await mount(new ScriptedWriteClient().reply(ok(thread())));
    expect(inAnswer(el, 1, '[part~="accept-button"]')).to.be.null;
  });

  it('adds a posted answer to the thread, announces it, and says so to the page', async () => {
    const client = new ScriptedWriteClient().reply(ok(thread({answers: [answer()]})));
    const posted = answer({
      id: 'mine',
      author: {displayName: 'Kim', points: 1, isViewer: true},
      viewerCan: own,
    });
    client.handlers.postAnswer = () => Promise.resolve(posted);
    const el = await mount(client);
    const form = await waitFor(el, 'quanda-answer-form');
    await waitUntil(() => form.shadowRoot?.querySelector('textarea'), 'the form loaded');
    (form.shadowRoot!.querySelector('textarea') as HTMLTextAreaElement).value =
      'What helped me was writing it down first.';
    const submitted = oneEvent(el, 'quanda-answer-submitted');
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await submitted;
    expect(client.writes[0].args.slice(0, 2)).to.deep.equal([
      'q1',
      {
        body: 'What helped me was writing it down first.',
        displayName: undefined,
        notify: false,
        email: undefined,
        // For the links in mails, and their language.
        page: location.href,
        locale: 'en',
      },
    ]);
    await waitUntil(() => answers(el).length === 2);
    expect(answers(el)[1].answer!.id).to.equal('mine');
    expect(text($(el, '[part~="answers-heading"]'))).to.equal('2 answers');
    await waitUntil(() => announced(el) === 'Your answer was posted.');
    // Own post: edit and remove, no votes on it.
    expect(inAnswer(el, 1, '[part~="edit-button"]')).to.exist;
    expect($(voteOf(el, 1), '[part~="up-button"]')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('loads the earlier comments of a post on request', async () => {
    const latest = [comment(), comment(), comment()];
    const all = [comment(), comment(), ...latest];
    const client = new ScriptedWriteClient().reply(
      ok(thread({answers: [answer({id: 'a1', comments: {items: latest, count: 5}})]})),
    );
    client.handlers.getComments = () => Promise.resolve({comments: all, nextCursor: null});
    const el = await mount(client);
    const comments = inAnswer(el, 0, 'quanda-comments')!;
    const earlier = $(comments, '[part~="earlier-button"]')!;
    expect(text(earlier)).to.equal('Show 2 earlier comments');
    earlier.click();
    await waitUntil(() => $$(comments, '[part~="comment"]').length === 5);
    expect(client.writes[0].args[0]).to.equal('a1');
    expect($(comments, '[part~="earlier-button"]')).to.be.null;
    expect(comments.shadowRoot!.activeElement).to.equal($$(comments, '[part~="comment"]')[0]);
  });

  it('adds a comment through the comment form', async () => {
    const client = new ScriptedWriteClient().reply(ok(thread({answers: [answer({id: 'a1'})]})));
    client.handlers.postComment = (postId) =>
      Promise.resolve(
        comment({parentId: postId as string, body: {format: 'text', text: 'Thank you.'}}),
      );
    const el = await mount(client);
    const comments = inAnswer(el, 0, 'quanda-comments')!;
    $(comments, '[part~="add-comment-button"]')!.click();
    const form = await waitFor(comments, 'quanda-comment-form');
    await waitUntil(() => form.shadowRoot?.querySelector('textarea'));
    (form.shadowRoot!.querySelector('textarea') as HTMLTextAreaElement).value = 'Thank you.';
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => $$(comments, '[part~="comment"]').length === 1);
    expect(text($(comments, '[part~="comment-body"]'))).to.equal('Thank you.');
    await waitUntil(() => $(comments, '[part~="add-comment-button"]'));
    expect(comments.shadowRoot!.activeElement).to.equal(
      $(comments, '[part~="add-comment-button"]'),
    );
    await waitUntil(() => announced(el) === 'Your comment was posted.');
  });

  it('lets an author edit their answer in place', async () => {
    const mine = answer({
      id: 'mine',
      viewerCan: own,
      body: {format: 'text', text: 'First version of my answer.'},
    });
    const client = new ScriptedWriteClient().reply(ok(thread({answers: [mine]})));
    client.handlers.editPost = (_id, edit) =>
      Promise.resolve({
        ...mine,
        body: {format: 'text', text: (edit as {body: string}).body},
        lastEdit: {at: '2026-11-27T11:59:00.000Z', by: mine.author},
      });
    const el = await mount(client);
    inAnswer(el, 0, '[part~="edit-button"]')!.click();
    const form = await waitFor(answers(el)[0], 'quanda-edit-form');
    await waitUntil(() => form.shadowRoot?.querySelector('textarea'));
    const textarea = form.shadowRoot!.querySelector('textarea') as HTMLTextAreaElement;
    expect(textarea.value).to.equal('First version of my answer.');
    textarea.value = 'Second, better version of my answer.';
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(
      () => text(inAnswer(el, 0, '[part~="body"]')) === 'Second, better version of my answer.',
    );
    expect(text(inAnswer(el, 0, '[part~="edited"]'))).to.match(/^edited 1 minute ago/);
    expect(answers(el)[0].shadowRoot!.activeElement).to.equal(
      inAnswer(el, 0, '[part~="edit-button"]'),
    );
  });

  it('removes an author’s answer after they confirm, and moves focus on', async () => {
    const client = new ScriptedWriteClient().reply(
      ok(thread({answers: [answer({id: 'mine', viewerCan: own}), answer({id: 'next'})]})),
    );
    client.handlers.removePost = (id: unknown) => Promise.resolve({id, removed: true});
    const el = await mount(client);
    inAnswer(el, 0, '[part~="remove-button"]')!.click();
    await waitUntil(() => inAnswer(el, 0, '[part~="confirm-remove-button"]'), 'never confirmed');
    expect(text(inAnswer(el, 0, '[part~="actions"]'))).to.contain('Remove this for good?');
    const removed = oneEvent(el, 'quanda-removed');
    inAnswer(el, 0, '[part~="confirm-remove-button"]')!.click();
    await removed;
    await waitUntil(() => answers(el).length === 1);
    expect(answers(el)[0].answer!.id).to.equal('next');
    expect(text($(el, '[part~="answers-heading"]'))).to.equal('1 answer');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(answers(el)[0]);
  });

  it('flags a post with a reason, then shows it as flagged', async () => {
    const client = new ScriptedWriteClient().reply(ok(thread({answers: [answer({id: 'a1'})]})));
    client.handlers.flag = () => Promise.resolve({flagged: true});
    const el = await mount(client);
    inAnswer(el, 0, '[part~="flag-button"]')!.click();
    const dialog = await waitFor(answers(el)[0], 'quanda-flag-dialog');
    await waitUntil(() => dialog.shadowRoot?.querySelector('dialog')?.open, 'the dialog opens');
    await expect(dialog).to.be.accessible();
    dialog.shadowRoot!.querySelector<HTMLInputElement>('#abusive')!.click();
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => client.writes.length === 1);
    expect(client.writes[0].args.slice(0, 2)).to.deep.equal(['a1', {reason: 'abusive'}]);
    await waitUntil(() => text(inAnswer(el, 0, '[part~="flag-button"]')) === 'Flagged');
    expect(inAnswer(el, 0, '[part~="flag-button"]')!.getAttribute('aria-disabled')).to.equal(
      'true',
    );
    await waitUntil(() => announced(el) === 'Thank you. A moderator will look at it.');
  });

  it('asks for a note when the reason is "something else"', async () => {
    const client = new ScriptedWriteClient().reply(ok(thread({answers: [answer()]})));
    client.handlers.flag = () => Promise.resolve({flagged: true});
    const el = await mount(client);
    inAnswer(el, 0, '[part~="flag-button"]')!.click();
    const dialog = await waitFor(answers(el)[0], 'quanda-flag-dialog');
    await waitUntil(() => dialog.shadowRoot?.querySelector('dialog')?.open);
    dialog.shadowRoot!.querySelector<HTMLInputElement>('#other')!.click();
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => dialog.shadowRoot!.querySelector('#note-error'));
    expect(text(dialog.shadowRoot!.querySelector('#note-error'))).to.equal(
      'Please say what is wrong.',
    );
    expect(client.writes).to.have.length(0);
    await expect(dialog).to.be.accessible();
  });

  it('offers no writes at all with a site’s read-only client', async () => {
    const el = await mount(new ScriptedClient().reply(ok(thread())));
    // Whether writes are offered is decided as the loaded thread renders: wait for its posts.
    const vote = $($(el, 'quanda-question')!, 'quanda-vote') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await Promise.all([vote.updateComplete, ...answers(el).map((post) => post.updateComplete)]);
    expect($(el, 'quanda-answer-form')).to.be.null;
    expect($($(el, 'quanda-question')!, 'quanda-vote')!.shadowRoot!.querySelector('button')).to.be
      .null;
    expect(inAnswer(el, 0, '[part~="flag-button"]')).to.be.null;
    expect($(inAnswer(el, 0, 'quanda-comments')!, '[part~="add-comment-button"]')).to.be.null;
  });
});
