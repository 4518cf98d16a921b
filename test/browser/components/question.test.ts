import {expect, fixture, html} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaQuestion} from '../../../src/components/question/question.js';
import {NOW, question} from '../../support/builders.js';

describe('<quanda-question>', () => {
  const now = new Date(NOW);
  const render = (q = question()) =>
    fixture<QuandaQuestion>(html`<quanda-question .question=${q} .now=${now}></quanda-question>`);
  const part = (el: QuandaQuestion, name: string) =>
    el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  const text = (node: Element | null) => node!.textContent.replace(/\s+/g, ' ').trim();

  it('is defined', () => {
    expect(customElements.get('quanda-question')).to.exist;
  });

  it('renders nothing without a question', async () => {
    const el = await fixture<QuandaQuestion>(html`<quanda-question></quanda-question>`);
    expect(el.shadowRoot!.children).to.have.length(0);
  });

  it('shows the title as a heading at the level asked for', async () => {
    const el = await render();
    const title = part(el, 'title')!;
    expect(title.getAttribute('role')).to.equal('heading');
    expect(title.getAttribute('aria-level')).to.equal('2');
    expect(text(title)).to.equal('Why are therapists so secretive?');
    el.headingLevel = 3;
    await el.updateComplete;
    expect(title.getAttribute('aria-level')).to.equal('3');
  });

  it('keeps paragraphs and line breaks of plain text', async () => {
    const el = await render();
    const paragraphs = part(el, 'body')!.querySelectorAll('p');
    expect(paragraphs).to.have.length(2);
    expect(paragraphs[0].textContent).to.equal('First paragraph.');
    expect(paragraphs[1].querySelectorAll('br')).to.have.length(1);
  });

  it('never turns text into markup', async () => {
    const el = await render(
      question({body: {format: 'text', text: '<img src=x onerror=alert(1)> <b>bold</b>'}}),
    );
    const body = part(el, 'body')!;
    expect(body.querySelector('img, b')).to.be.null;
    expect(body.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('says who asked, when, where, and their points, from the server’s clock', async () => {
    const el = await render();
    expect(text(part(el, 'meta'))).to.equal(
      'asked 3 days ago in Psychotherapy by Maya R. (6.5K points)',
    );
    expect(text(part(el, 'edited'))).to.equal('edited 2 days ago by Maya R. (6.5K points)');
    const time = part(el, 'meta')!.querySelector('time')!;
    expect(time.dateTime).to.equal(question().createdAt);
    expect(time.title).to.match(/2026/);
  });

  it('leaves out the category, the points and the edit when there are none', async () => {
    const el = await render(
      question({
        category: null,
        lastEdit: null,
        author: {displayName: null, points: null, isViewer: false},
      }),
    );
    expect(text(part(el, 'meta'))).to.equal('asked 3 days ago by anonymous');
    expect(part(el, 'edited')).to.be.null;
  });

  it('lists the tags', async () => {
    const el = await render();
    const tags = [...el.shadowRoot!.querySelectorAll('[part~="tag"]')].map(
      (tag) => tag.textContent,
    );
    expect(tags).to.deep.equal(['therapy', 'ethics']);
    expect(part(el, 'tags')!.getAttribute('aria-label')).to.equal('Tags');
  });

  it('shows the score', async () => {
    const el = await render();
    expect(
      text(el.shadowRoot!.querySelector('quanda-vote')!.shadowRoot!.querySelector('p')),
    ).to.equal('+11 votes');
  });

  it('is accessible, with and without optional parts', async () => {
    await expect(await render()).to.be.accessible();
    await expect(
      await render(question({tags: [], category: null, lastEdit: null})),
    ).to.be.accessible();
  });
});
