import {expect, fixture, html} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaAnswer} from '../../../src/components/answer/answer.js';
import {NOW, answer, comment} from '../../support/builders.js';

describe('<quanda-answer>', () => {
  const now = new Date(NOW);
  const render = (a = answer()) =>
    fixture<QuandaAnswer>(html`<quanda-answer .answer=${a} .now=${now}></quanda-answer>`);
  const part = (el: QuandaAnswer, name: string) =>
    el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  const text = (node: Element | null) => node!.textContent.replace(/\s+/g, ' ').trim();

  it('is defined', () => {
    expect(customElements.get('quanda-answer')).to.exist;
  });

  it('is labelled by its author', async () => {
    const el = await render(
      answer({author: {displayName: 'Jonas', points: 1275, isViewer: false}}),
    );
    expect(part(el, 'answer')!.getAttribute('aria-label')).to.equal('Answer by Jonas');
    expect(text(part(el, 'meta'))).to.equal('answered 2 days ago by Jonas (1.3K points)');
  });

  it('styles "Awaiting moderation" alike on the answer and on a comment under it', async () => {
    const mine = {displayName: 'Sam', points: 1, isViewer: true};
    const el = await render(
      answer({
        status: 'pending',
        author: mine,
        comments: {items: [comment({status: 'pending', author: mine})], count: 1},
      }),
    );
    const comments = part(el, 'comments')!;
    await (comments as unknown as {updateComplete: Promise<unknown>}).updateComplete;
    const notes = [
      part(el, 'status-note')!,
      comments.shadowRoot!.querySelector<HTMLElement>('[part~="status-note"]')!,
    ];
    const look = notes.map((note) => {
      const style = getComputedStyle(note);
      return `${style.borderInlineStartWidth} ${style.borderInlineStartStyle} ${style.paddingInlineStart}`;
    });
    expect(look[0]).to.equal('3px solid 8px');
    expect(look[1]).to.equal(look[0]);
  });

  it('labels an anonymous answer as such', async () => {
    const el = await render(answer({author: {displayName: null, points: null, isViewer: false}}));
    expect(part(el, 'answer')!.getAttribute('aria-label')).to.equal('Answer by anonymous');
  });

  it('marks the best answer with a badge and a custom state', async () => {
    const el = await render(answer({isAccepted: true}));
    expect(text(part(el, 'badge'))).to.equal('Best answer');
    expect(el.matches(':state(accepted)')).to.be.true;
    el.answer = answer({isAccepted: false});
    await el.updateComplete;
    expect(part(el, 'badge')).to.be.null;
    expect(el.matches(':state(accepted)')).to.be.false;
  });

  it('shows when and by whom it was edited', async () => {
    const el = await render(
      answer({
        lastEdit: {
          at: '2026-11-27T11:00:00.000Z',
          by: {displayName: 'Jonas', points: null, isViewer: false},
        },
      }),
    );
    expect(text(part(el, 'edited'))).to.equal('edited 1 hour ago by Jonas');
  });

  it('is accessible, plain and as the best answer', async () => {
    await expect(await render()).to.be.accessible();
    await expect(await render(answer({isAccepted: true}))).to.be.accessible();
  });
});
