import {expect, fixture, html} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaVote} from '../../../src/components/vote/vote.js';

describe('<quanda-vote>', () => {
  const text = (el: QuandaVote) => el.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();

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

describe('<quanda-vote> voting', () => {
  const allowed = {allowed: true};
  const mount = (
    myVote: -1 | 0 | 1 = 0,
    permission: {allowed: boolean; reason?: string} = allowed,
  ) =>
    fixture<QuandaVote>(
      html`<quanda-vote
        post-id="a1"
        label="answer by Jonas"
        score="5"
        .myVote=${myVote}
        .permission=${permission}
      ></quanda-vote>`,
    );
  const button = (el: QuandaVote, which: 'up' | 'down') =>
    el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${which}-button"]`)!;
  const votes = (el: QuandaVote) => {
    const seen: number[] = [];
    el.addEventListener('quanda-vote', (event) => seen.push(event.detail.value));
    return seen;
  };

  it('names each button after what it votes on, as a toggle', async () => {
    const el = await mount();
    expect(button(el, 'up').getAttribute('aria-label')).to.equal('Upvote answer by Jonas');
    expect(button(el, 'down').getAttribute('aria-label')).to.equal('Downvote answer by Jonas');
    expect(button(el, 'up').getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('casts, switches and takes back a vote, one click each, updating at once', async () => {
    const el = await mount();
    const seen = votes(el);
    button(el, 'up').click();
    await el.updateComplete;
    expect(el.score).to.equal(6);
    expect(button(el, 'up').getAttribute('aria-pressed')).to.equal('true');
    button(el, 'down').click();
    await el.updateComplete;
    expect(el.score).to.equal(4);
    expect(el.myVote).to.equal(-1);
    expect(button(el, 'down').getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, 'up').getAttribute('aria-pressed')).to.equal('false');
    button(el, 'down').click();
    await el.updateComplete;
    expect(el.score).to.equal(5);
    expect(el.myVote).to.equal(0);
    expect(seen).to.deep.equal([1, -1, 0]);
  });

  it('fires a cancelable, bubbling, composed intent before anything changes', async () => {
    const el = await mount();
    let event: Event | undefined;
    el.addEventListener('quanda-vote', (e) => {
      event = e;
      e.preventDefault();
    });
    button(el, 'up').click();
    await el.updateComplete;
    expect(event?.cancelable && event.bubbles && event.composed).to.be.true;
    expect(el.score).to.equal(5);
    expect(el.myVote).to.equal(0);
  });

  it('works with the keyboard: Space and Enter on the focused buttons', async () => {
    const {sendKeys} = await import('@web/test-runner-commands');
    const el = await mount();
    const seen = votes(el);
    button(el, 'up').focus();
    await sendKeys({press: 'Space'});
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(seen).to.deep.equal([1, -1]);
  });

  it('says why voting is not possible, instead of voting', async () => {
    const el = await mount(0, {allowed: false, reason: 'own-post'});
    const seen = votes(el);
    const up = button(el, 'up');
    expect(up.getAttribute('aria-disabled')).to.equal('true');
    const reason = el.shadowRoot!.getElementById(up.getAttribute('aria-describedby')!)!;
    expect(reason.textContent.trim()).to.equal('This is your own post.');
    up.click();
    await el.updateComplete;
    expect(seen).to.deep.equal([]);
    expect(reason.classList.contains('visually-hidden')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('shows only the score for a site that cannot take votes', async () => {
    const el = await mount(0, {allowed: false, reason: 'read-only'});
    expect(el.shadowRoot!.querySelector('button')).to.be.null;
  });

  it('exposes a pending state while the vote is saved', async () => {
    const el = await mount();
    el.pending = true;
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.be.true;
  });
});
