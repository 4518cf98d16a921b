import {expect} from '@open-wc/testing';
import {$} from '../../support/dom.js';
import {
  LIVE_REGION,
  announcement,
  deep,
  stateNamed,
  threadStates,
} from '../../support/states/index.js';

const OFFLINE = 'Quanda could not reach its server. Check your connection.';
const WAITING = 'Waiting to post — the server can’t be reached. Trying again shortly.';

/** What the thread's live region says after each write, in the states that end on one. */
const SAID: Record<string, string> = {
  'write: a vote saved (announced)': 'Vote saved. The score is now 2.',
  'write: a vote waits, the server unreachable (announced)': WAITING,
  'write: the answer form, the server unreachable: waiting to post (announced)': WAITING,
  'write: a vote failed, rate limited by the server (announced)':
    'Your vote could not be saved. You have done this a lot in the last hour. Please try again later.',
  'write: the asker selected a best answer (announced)': 'Marked as the best answer.',
  'write: the asker could not change the best answer (announced)': `The best answer could not be changed. ${OFFLINE}`,
  'write: own answer removed (announced)': 'Removed.',
  'write: own answer, an edit saved (announced)': 'Your changes were saved.',
  'write: a post flagged (announced)': 'Thank you. A moderator will look at it.',
  'write: comments, a comment posted (announced)': 'Your comment was posted.',
  'write: the answer form, an answer posted (announced)': 'Your answer was posted.',
  'write: the answer form, an answer awaiting moderation (announced)':
    'Your answer was sent. It will appear once a moderator has looked at it.',
};

/** Status changes reach screen readers through the thread's one polite live region. */
describe('announcements', () => {
  it('names a state for every announcement, and an announcement for every such state', () => {
    const announcing = threadStates.filter((state) => state.name.endsWith('(announced)'));
    expect(announcing.map((state) => state.name)).to.have.members(Object.keys(SAID));
  });

  for (const [name, words] of Object.entries(SAID)) {
    it(name.replace(/^write: /, ''), async () => {
      const el = await stateNamed(threadStates, name).render('en');
      expect(announcement(el)).to.equal(words);
      const region = $(el, LIVE_REGION)!;
      // Polite, and out of sight: it speaks, it does not show.
      expect(region.getAttribute('aria-live') ?? 'polite').to.equal('polite');
      expect(region.getBoundingClientRect().height).to.be.at.most(1);
    });
  }

  it('is in place from the first paint, so the first thing said is heard', async () => {
    const el = await stateNamed(threadStates, 'loading').render('en');
    expect($(el, LIVE_REGION)).to.exist;
  });

  it('leaves a failed send to the form, which says it where the reader is', async () => {
    const name = 'write: the answer form, refused';
    const el = await stateNamed(threadStates, name).render('en');
    const alert = deep(el, 'quanda-answer-form', '[part~="form-error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent.trim()).to.equal(
      'Not sent: Something went wrong. Your text is still here.',
    );
    expect(announcement(el)).to.equal(''); // said once, not twice
  });
});
