import {expect, fixture, html} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaVote} from '../../../src/components/vote/vote.js';

describe('<quanda-vote>', () => {
  const text = (el: QuandaVote) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

  it('is defined', () => {
    expect(customElements.get('quanda-vote')).to.exist;
    expect(document.createElement('quanda-vote').constructor.name).to.equal('QuandaVote');
  });

  it('shows the score with a sign and the right plural', async () => {
    const el = await fixture<QuandaVote>(html`<quanda-vote score="11"></quanda-vote>`);
    expect(text(el)).to.equal('+11 votes');
    el.score = 1;
    await el.updateComplete;
    expect(text(el)).to.equal('+1 vote');
    el.score = 0;
    await el.updateComplete;
    expect(text(el)).to.equal('0 votes');
    el.score = -2;
    await el.updateComplete;
    expect(text(el)).to.equal('-2 votes');
    el.score = 12500;
    await el.updateComplete;
    expect(text(el)).to.equal('+12,500 votes');
  });

  it('exposes the number as the score part', async () => {
    const el = await fixture<QuandaVote>(html`<quanda-vote score="3"></quanda-vote>`);
    expect(el.shadowRoot!.querySelector('[part~="score"]')!.textContent).to.equal('+3');
  });

  it('reflects the reader’s vote for styling', async () => {
    const el = await fixture<QuandaVote>(html`<quanda-vote></quanda-vote>`);
    el.myVote = -1;
    await el.updateComplete;
    expect(el.getAttribute('my-vote')).to.equal('-1');
  });

  it('is accessible', async () => {
    const el = await fixture<QuandaVote>(html`<quanda-vote score="11"></quanda-vote>`);
    await expect(el).to.be.accessible();
  });
});
