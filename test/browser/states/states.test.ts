import {expect, fixtureCleanup} from '@open-wc/testing';
import {stateNamed, threadStates} from '../../support/states/index.js';

/**
 * The states the accessibility, pseudo-locale, theming and manifest tests look at are the
 * states they name: each one's `reached` holds once it has rendered, and is no trivial
 * check (it is false on a thread still loading, which is none of the others).
 */
describe('UI states', () => {
  it('have names of their own', () => {
    const names = threadStates.map((state) => state.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).to.deep.equal([]);
  });

  it('each check something a thread still loading does not show', async () => {
    const loading = await stateNamed(threadStates, 'loading').render('en');
    const others = threadStates.filter((state) => state.name !== 'loading');
    expect(
      others.filter((state) => state.reached(loading)).map((state) => state.name),
    ).to.deep.equal([]);
  });

  for (const state of threadStates) {
    it(`reaches what it names: ${state.name}`, async () => {
      const el = await state.render('en');
      expect(state.reached(el), state.name).to.be.true;
      fixtureCleanup();
    });
  }
});
