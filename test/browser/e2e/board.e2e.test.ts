/**
 * <quanda-board> as a new user meets it: an article page on another origin than the
 * Quanda server, with only the drop-in file and `<quanda-board endpoint>`, in a real tab
 * of its own (so it can be reloaded and go Back), against the real reference server on a
 * fresh database.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {buildDropIn, startQuandaServer, stopQuandaServers} from '../../support/servers.js';
import type {QuandaServer} from '../../support/servers.js';
import {Tab, deep} from '../../support/tabs.js';

const BOARD = ['quanda-board'];
const inBoard = (...path: string[]) => [...BOARD, ...path];

describe('<quanda-board> on an article page, against the reference server', () => {
  let server: QuandaServer;

  before(async function () {
    this.timeout(180_000);
    [server] = await Promise.all([startQuandaServer(), buildDropIn()]);
  });
  after(() => stopQuandaServers());

  async function article(path: string): Promise<Tab> {
    const query = new URLSearchParams({quanda: server.url, article: path});
    const url = `${location.origin}/test/support/article.html?${query}`;
    const {id} = await executeServerCommand<{id: string}, {url: string}>('quanda-tab-open', {url});
    return new Tab(id, url);
  }

  const shows = (tab: Tab, path: string[], what: string) =>
    tab.until(`${deep(path)} !== null`, what);

  it('is empty, takes a question, lists it, opens it by link, reload and Back', async function () {
    this.timeout(90_000);
    const tab = await article('/posts/sleep-better');
    await shows(tab, inBoard('[part~="empty"]'), 'the empty state');
    expect(await tab.text(inBoard('[part~="empty"]'))).to.equal(
      'No questions about this article yet. Ask the first one.',
    );

    await tab.click(inBoard('[part~="ask-button"]'));
    const form = inBoard('quanda-ask-form');
    await shows(tab, [...form, '#title'], 'the ask form');
    await tab.type('How long should an afternoon nap be?', 0, [...form, '#title']);
    await tab.type('Mine run past an hour.', 0, [...form, 'textarea']);
    await tab.click([...form, '[part~="submit-button"]']);
    await shows(tab, inBoard('[part~="item"] a'), 'the new question in the list');
    expect(await tab.text(inBoard('[part~="item-title"]'))).to.equal(
      'How long should an afternoon nap be?',
    );

    await tab.reload();
    await shows(tab, inBoard('[part~="item"] a'), 'the question after a reload');
    const id = await tab.eval<string>(`${deep(inBoard('[part~="item"]'))}.dataset.id`);

    // Someone answers, so the question's structured data has an answer to name.
    const {token} = (await (await fetch(`${server.api}/viewer`, {method: 'POST'})).json()) as {
      token: string;
    };
    const answered = await fetch(`${server.api}/questions/${id}/answers`, {
      method: 'POST',
      headers: {'content-type': 'application/json', authorization: `Bearer ${token}`},
      body: JSON.stringify({body: 'Twenty minutes, before three in the afternoon.'}),
    });
    expect(answered.status).to.equal(201);

    await tab.click(inBoard('[part~="item"] a'));
    await tab.until(`location.hash === '#quanda=${id}'`, 'the fragment');
    const title = inBoard('quanda-thread', 'quanda-question', '[part~="title"]');
    await shows(tab, title, 'the thread in the board');
    expect(await tab.text(title)).to.equal('How long should an afternoon nap be?');

    const jsonLd = `document.querySelector('script[type="application/ld+json"]')?.textContent`;
    await tab.until(`${jsonLd}?.includes('Twenty minutes')`, 'the QAPage structured data');
    const qaPage = JSON.parse(await tab.eval<string>(jsonLd)) as {
      '@type': string;
      mainEntity: {name: string; answerCount: number; suggestedAnswer: {text: string}[]};
    };
    expect(qaPage['@type']).to.equal('QAPage');
    expect(qaPage.mainEntity.name).to.equal('How long should an afternoon nap be?');
    expect(qaPage.mainEntity.answerCount).to.equal(1);
    expect(qaPage.mainEntity.suggestedAnswer.map((answer) => answer.text)).to.deep.equal([
      'Twenty minutes, before three in the afternoon.',
    ]);

    await tab.reload();
    await shows(tab, title, 'the thread straight from the link');

    await tab.eval('history.back()');
    await shows(tab, inBoard('[part~="item"] a'), 'the list after Back');
    expect(await tab.eval('location.hash')).to.equal('');
    await tab.until(`!${jsonLd}`, 'the structured data gone with the question');
    expect(await tab.eval('pageErrors')).to.deep.equal([]);

    const other = await article('/posts/eating-well');
    await shows(other, inBoard('[part~="empty"]'), 'another article’s empty board');
    expect(await other.eval('pageErrors')).to.deep.equal([]);
  });
});

describe('<quanda-board> on a server that sends mail (a real SMTP server on loopback)', () => {
  let server: QuandaServer;

  before(async function () {
    this.timeout(180_000);
    const sink = await executeServerCommand<{url: string}, undefined>('mail-sink-start');
    [server] = await Promise.all([
      startQuandaServer({env: {QUANDA_SMTP_URL: sink.url}}),
      buildDropIn(),
    ]);
  });
  after(() => stopQuandaServers());

  it('offers mail on the ask form, and the asker gets the confirmation', async function () {
    this.timeout(90_000);
    const query = new URLSearchParams({quanda: server.url, article: '/posts/naps'});
    const url = `${location.origin}/test/support/article.html?${query}`;
    const {id} = await executeServerCommand<{id: string}, {url: string}>('quanda-tab-open', {url});
    const tab = new Tab(id, url);
    await tab.until(`${deep(inBoard('[part~="empty"]'))} !== null`, 'the empty state');
    await tab.click(inBoard('[part~="ask-button"]'));
    const form = inBoard('quanda-ask-form');
    // The box shows once the board has asked its backend whether it sends mail.
    await tab.until(`${deep([...form, '#notify'])} !== null`, 'the email box');
    expect(await tab.text([...form, 'label[for="notify"]'])).to.equal(
      'Email me when someone answers my question',
    );
    await tab.type('Is a nap after lunch a good idea?', 0, [...form, '#title']);
    await tab.click([...form, '#notify']);
    await tab.type('asker@example.org', 0, [...form, '#email']);
    await tab.click([...form, '[part~="submit-button"]']);
    await tab.until(`${deep(inBoard('[part~="mail-note"]'))} !== null`, 'the note to confirm');
    expect(await tab.text(inBoard('[part~="mail-note"]'))).to.contain('open it and confirm');

    type Mail = {to: string[]; subject: string; text: string};
    const mails = () => executeServerCommand<Mail[], undefined>('mail-sink-mails');
    await waitUntil(async () => (await mails()).length > 0, 'no mail arrived', {timeout: 30_000});
    const [confirmation] = await mails();
    expect(confirmation.to).to.deep.equal(['asker@example.org']);
    expect(confirmation.subject).to.match(/^Please confirm your email address/);
    expect(await tab.eval('pageErrors')).to.deep.equal([]);
  });
});
