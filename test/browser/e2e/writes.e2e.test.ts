/**
 * The write path end to end: real Chromium, the real reference server on a fresh
 * database, cross-origin as embedding usually is. Each reader is a viewer token of
 * their own (minted by the server), kept in an IndexedDB database of its own.
 */
import {expect, fixture, html, oneEvent, waitUntil as waitUntilSoon} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/define.js';
import {RestClient} from '../../../src/api/client.js';
import type {Thread} from '../../../src/api/schemas.js';
import type {QuandaAnswer} from '../../../src/components/answer/answer.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {IndexedDbViewerTokens} from '../../../src/storage/viewer-tokens.js';
import {$, $$, text, waitFor} from '../../support/dom.js';
import {PATIENT} from '../../support/states/state.js';
import {
  SERVER_START_TIMEOUT,
  dropNextResponse,
  startDropProxy,
  startQuandaServer,
  stopQuandaServers,
} from '../../support/servers.js';
import type {QuandaServer} from '../../support/servers.js';
import {shownText} from '../../support/bodies.js';

/**
 * Waits on an outcome as long as a busy two-core machine may need: the first write in a
 * file loads the answer form's chunk, which has taken more than a second there.
 */
const waitUntil: typeof waitUntilSoon = (predicate, message, options) =>
  waitUntilSoon(predicate, message, {...PATIENT, ...options});

let server: QuandaServer;
let readers = 0;

before(async function () {
  this.timeout(SERVER_START_TIMEOUT);
  server = await startQuandaServer({
    fixture: {
      questions: [
        {id: 'answers', answers: ['An answer that was here first, long enough.'], scores: [2]},
        {id: 'votes', answers: ['Somebody else wrote this answer.'], scores: [3]},
        {id: 'best', answers: ['First answer to choose from.', 'Second answer to choose from.']},
        {id: 'comments', answers: ['An answer with comments under it.'], answerComments: [5]},
        {id: 'flags', answers: ['A post some readers will flag.']},
        {id: 'once', answers: []},
        {id: 'keys', answers: ['Reachable by the keyboard alone.'], scores: [1]},
      ],
    },
  });
});
after(() => stopQuandaServers());

/**
 * A reader on their own device: a RestClient whose token lives in its own IndexedDB, or
 * the token a site (or the asker) already has.
 */
function reader(viewerToken?: string) {
  readers++;
  const database = `quanda-e2e-writes-${Date.now()}-${readers}`;
  const client = new RestClient({
    endpoint: server.api,
    viewerToken,
    tokens: new IndexedDbViewerTokens(database),
  });
  devices.set(client, database);
  return client;
}

/** Each reader's device: the IndexedDB database of their token, drafts and cached threads. */
const devices = new WeakMap<RestClient, string>();

/** The thread as the server has it now: a copy the device kept has been refreshed. */
async function open(questionId: string, client: RestClient) {
  const el = await fixture<QuandaThread>(
    html`<quanda-thread
      .client=${client}
      .databaseName=${devices.get(client)!}
      question-id=${questionId}
    ></quanda-thread>`,
  );
  await waitFor(el, 'quanda-question');
  await waitFor(el, '[part~="thread"][aria-busy="false"]');
  await el.updateComplete;
  return el;
}

const answers = (el: QuandaThread) => $$(el, 'quanda-answer') as QuandaAnswer[];
const answerText = (answer: QuandaAnswer) => text($(answer, '[part~="body"]'));
const score = (answer: QuandaAnswer) => answer.answer!.score;

async function fetchThread(questionId: string, token?: string): Promise<Thread> {
  const headers: Record<string, string> = token ? {authorization: `Bearer ${token}`} : {};
  const response = await fetch(`${server.api}/questions/${questionId}`, {headers});
  return (await response.json()) as Thread;
}

async function mintToken(): Promise<string> {
  const response = await fetch(`${server.api}/viewer`, {method: 'POST'});
  return ((await response.json()) as {token: string}).token;
}

/** Writes an answer through the thread's own form, as a reader would. */
async function answerThrough(el: QuandaThread, body: string, name = '') {
  const form = await waitFor(el, 'quanda-answer-form');
  await waitUntil(() => form.shadowRoot?.querySelector('textarea'), 'the answer form loaded');
  const root = form.shadowRoot!;
  root.querySelector<HTMLTextAreaElement>('textarea')!.value = body;
  root.querySelector<HTMLInputElement>('#name')!.value = name;
  const submitted = oneEvent(el, 'quanda-answer-submitted');
  root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
  return submitted;
}

describe('answering', () => {
  it('posts an answer that appears at once and is still there after a reload', async () => {
    const client = reader();
    const el = await open('answers', client);
    await answerThrough(el, 'Writing it down before the session helped me say it.', 'Robin');
    await waitUntil(() => answers(el).length === 2);
    const mine = answers(el)[1];
    expect(answerText(mine)).to.equal('Writing it down before the session helped me say it.');
    expect(mine.answer!.author).to.deep.equal({displayName: 'Robin', points: 0, isViewer: true});
    expect(text($(el, '[part~="answers-heading"]'))).to.equal('2 answers');

    // A reload: the same reader (the same stored token) sees it, and it is theirs to edit.
    const again = await open('answers', client);
    const reloaded = answers(again).find((answer) => answer.answer!.author.isViewer)!;
    expect(answerText(reloaded)).to.equal('Writing it down before the session helped me say it.');
    expect($(reloaded, '[part~="edit-button"]')).to.exist;
    await expect(again).to.be.accessible();
  });

  it('refuses a duplicate, next to the text, keeping every word', async () => {
    const el = await open('answers', reader());
    const form = await waitFor(el, 'quanda-answer-form');
    await waitUntil(() => form.shadowRoot?.querySelector('textarea'));
    const textarea = form.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'An answer that was here first, long enough.';
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => textarea.getAttribute('aria-invalid') === 'true');
    expect(text(form.shadowRoot!.querySelector('#body-error'))).to.equal(
      'This says the same as something already here.',
    );
    expect(textarea.value).to.equal('An answer that was here first, long enough.');
  });

  it('says why a body too complex to show was refused, next to the text, keeping every word', async () => {
    const el = await open('answers', reader());
    const form = await waitFor(el, 'quanda-answer-form');
    await waitUntil(() => form.shadowRoot?.querySelector('textarea'));
    const textarea = form.shadowRoot!.querySelector('textarea')!;
    const body = `${'>'.repeat(40)} a quote forty levels deep`;
    textarea.value = body;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(() => textarea.getAttribute('aria-invalid') === 'true');
    expect(text(form.shadowRoot!.querySelector('#body-error'))).to.equal('Too complex to show.');
    expect(textarea.value).to.equal(body);
  });
});

describe('voting', () => {
  it('votes, takes the vote back, and switches, with the server’s scores', async () => {
    const el = await open('votes', reader());
    const vote = $(answers(el)[0], 'quanda-vote')!;
    const up = $(vote, '[part~="up-button"]')!;
    const down = $(vote, '[part~="down-button"]')!;
    const settle = async (expected: number) => {
      await waitUntil(() => score(answers(el)[0]) === expected && !answers(el)[0].votePending);
      const thread = await fetchThread('votes');
      expect(thread.answers[0].score).to.equal(expected);
    };
    expect(score(answers(el)[0])).to.equal(3);
    up.click();
    await settle(4);
    expect(up.getAttribute('aria-pressed')).to.equal('true');
    up.click();
    await settle(3);
    expect(up.getAttribute('aria-pressed')).to.equal('false');
    down.click();
    await settle(2);
    up.click();
    await settle(4);
    expect(down.getAttribute('aria-pressed')).to.equal('false');
  });

  it('does not let readers vote on their own posts, and says why', async () => {
    const client = reader();
    const el = await open('votes', client);
    await answerThrough(el, 'My own answer, which I may not vote on.');
    await waitUntil(() => answers(el).length === 2);
    const vote = $(answers(el)[1], 'quanda-vote')!;
    const up = $(vote, '[part~="up-button"]')!;
    expect(up.getAttribute('aria-disabled')).to.equal('true');
    expect(text(vote.shadowRoot!.getElementById(up.getAttribute('aria-describedby')!))).to.equal(
      'This is your own post.',
    );
    const intents: Event[] = [];
    el.addEventListener('quanda-vote', (event) => intents.push(event));
    up.click();
    await (vote as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    expect(intents, 'a vote was asked for').to.have.length(0);
    expect(score(answers(el)[1])).to.equal(0);
    // And the server agrees: the thread as it has it now.
    const fresh = await open('votes', client);
    expect(score(answers(fresh)[1])).to.equal(0);
  });
});

describe('the best answer', () => {
  it('can be chosen only by the asker, and then leads the thread', async () => {
    const asker = server.fixture!['best'].askerToken;
    const someone = await open('best', reader());
    expect(answers(someone).some((answer) => $(answer, '[part~="accept-button"]'))).to.be.false;

    // The documented way for a site that knows its reader: endpoint plus viewerToken.
    const el = await fixture<QuandaThread>(
      html`<quanda-thread
        endpoint=${server.api}
        .viewerToken=${asker}
        question-id="best"
      ></quanda-thread>`,
    );
    await waitFor(el, 'quanda-answer');
    const second = answers(el)[1];
    expect(text($(second, '[part~="accept-button"]'))).to.equal('Select as best answer');
    const accepted = oneEvent(el, 'quanda-accepted');
    $(second, '[part~="accept-button"]')!.click();
    await accepted;
    await waitUntil(() => answerText(answers(el)[0]) === 'Second answer to choose from.');

    const reloaded = await open('best', reader());
    expect(answerText(answers(reloaded)[0])).to.equal('Second answer to choose from.');
    expect(text($(answers(reloaded)[0], '[part~="badge"]'))).to.equal('Best answer');
  });
});

describe('comments', () => {
  it('shows the latest three, loads the earlier ones, and adds one that stays', async () => {
    const el = await open('comments', reader());
    const comments = $(answers(el)[0], 'quanda-comments')!;
    expect($$(comments, '[part~="comment"]')).to.have.length(3);
    $(comments, '[part~="earlier-button"]')!.click();
    await waitUntil(() => $$(comments, '[part~="comment"]').length === 5);

    $(comments, '[part~="add-comment-button"]')!.click();
    const form = await waitFor(comments, 'quanda-comment-form');
    await waitUntil(() => form.shadowRoot?.querySelector('textarea'));
    form.shadowRoot!.querySelector('textarea')!.value = 'Thank you for writing this.';
    const commented = oneEvent(el, 'quanda-commented');
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await commented;
    await waitUntil(() => $$(comments, '[part~="comment"]').length === 6);

    const reloaded = await open('comments', reader());
    const after = $(answers(reloaded)[0], 'quanda-comments')!;
    expect(text($$(after, '[part~="comment-body"]').at(-1))).to.equal(
      'Thank you for writing this.',
    );
    expect(text($(after, '[part~="earlier-button"]'))).to.equal('Show 3 earlier comments');
  });
});

describe('flags and moderation', () => {
  it('hides a post flagged by three readers until a moderator restores it', async () => {
    const el = await open('flags', reader());
    const target = answers(el)[0];
    const postId = target.answer!.id;
    $(target, '[part~="flag-button"]')!.click();
    const dialog = await waitFor(target, 'quanda-flag-dialog');
    await waitUntil(() => dialog.shadowRoot?.querySelector('dialog')?.open);
    dialog.shadowRoot!.querySelector<HTMLInputElement>('#spam')!.click();
    const flagged = oneEvent(el, 'quanda-flagged');
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await flagged;
    expect((await fetchThread('flags')).answers).to.have.length(1);

    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${server.api}/posts/${postId}/flags`, {
        method: 'POST',
        headers: {authorization: `Bearer ${await mintToken()}`, 'content-type': 'application/json'},
        body: JSON.stringify({reason: 'abusive'}),
      });
      expect(response.status).to.equal(201);
    }
    expect((await fetchThread('flags')).answers).to.have.length(0);
    const hidden = await open('flags', reader());
    expect(text($(hidden, '[part~="empty"]'))).to.equal('No answers yet.');

    const restored = await fetch(`${server.api}/moderation/posts/${postId}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.moderatorToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({action: 'restore'}),
    });
    expect(restored.status).to.equal(200);
    const back = await open('flags', reader());
    expect(answers(back).map(answerText)).to.deep.equal(['A post some readers will flag.']);
  });
});

describe('exactly once', () => {
  it('retries with the same key when the answer’s response is lost, and posts it once', async () => {
    const proxy = await startDropProxy(server.url);
    const client = new RestClient({
      endpoint: `${proxy.url}/api`,
      retryDelay: 50,
      tokens: new IndexedDbViewerTokens(`quanda-e2e-once-${Date.now()}`),
    });
    const el = await open('once', client);
    // The first write mints the viewer; make sure that is not the response lost.
    await client.vote(el.questionId, 1);
    await dropNextResponse();
    await answerThrough(el, 'Sent once, even though its answer was lost on the way.');
    expect((await dropNextResponse()).dropped).to.equal(1);
    const thread = await fetchThread('once');
    expect(thread.answers.map((answer) => shownText(answer.body))).to.deep.equal([
      'Sent once, even though its answer was lost on the way.',
    ]);
    await waitUntil(() => answers(el).length === 1);
  });
});

describe('with the keyboard alone', () => {
  it('votes, comments, edits, flags and removes', async () => {
    const el = await open('keys', reader());
    const press = (key: string) => sendKeys({press: key});
    const first = () => answers(el)[0];

    // Vote: Enter on the focused upvote button.
    $($(first(), 'quanda-vote')!, '[part~="up-button"]')!.focus();
    await press('Enter');
    await waitUntil(() => score(first()) === 2 && !first().votePending);

    // Comment: open the form, type, send with Enter on the submit button.
    $($(first(), 'quanda-comments')!, '[part~="add-comment-button"]')!.focus();
    await press('Enter');
    const comments = $(first(), 'quanda-comments')!;
    const form = await waitFor(comments, 'quanda-comment-form');
    await waitUntil(
      () =>
        form.shadowRoot?.querySelector('textarea') && comments.shadowRoot!.activeElement === form,
    );
    await sendKeys({type: 'Typed without a mouse.'});
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.focus();
    await press('Enter');
    await waitUntil(() => $$(comments, '[part~="comment"]').length === 1);

    // Edit that comment: Enter on Edit, new text, Enter on Save.
    $(comments, '[part~="edit-button"]')!.focus();
    await press('Enter');
    const edit = await waitFor(comments, 'quanda-edit-form');
    await waitUntil(() => edit.shadowRoot?.querySelector('textarea'));
    edit.focus();
    await sendKeys({press: 'End'});
    await sendKeys({type: ' Edited, too.'});
    edit.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.focus();
    await press('Enter');
    await waitUntil(
      () => text($(comments, '[part~="comment-body"]')) === 'Typed without a mouse. Edited, too.',
    );

    // Flag the answer: the dialog takes focus; arrows pick the reason; Enter sends.
    $(first(), '[part~="flag-button"]')!.focus();
    await press('Enter');
    const dialog = await waitFor(first(), 'quanda-flag-dialog');
    await waitUntil(() => dialog.shadowRoot?.querySelector('dialog')?.open);
    dialog.shadowRoot!.querySelector<HTMLInputElement>('#spam')!.focus();
    await press('ArrowDown'); // abusive
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.focus();
    await press('Enter');
    await waitUntil(() => text($(first(), '[part~="flag-button"]')) === 'Flagged');

    // Remove the comment: Enter on Remove, Enter on "Yes, remove".
    $(comments, '[part~="remove-button"]')!.focus();
    await press('Enter');
    await waitUntil(() => $(comments, '[part~="confirm-remove-button"]'));
    $(comments, '[part~="confirm-remove-button"]')!.focus();
    await press('Enter');
    await waitUntil(() => $$(comments, '[part~="comment"]').length === 0);
  });
});
