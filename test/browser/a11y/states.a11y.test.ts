import {expect, fixtureCleanup, waitUntil} from '@open-wc/testing';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {supportedLocales} from '../../../src/i18n/load.js';
import {PSEUDO} from '../../support/pseudo-locale.js';
import {composedElements, deep, threadStates} from '../../support/states/index.js';

/** Whatever a reader can point at or press. */
const TARGETS = 'button, select, input, textarea, a[href], [role="button"], [tabindex="0"]';

/**
 * Links inside what people wrote (a post, a comment, the preview of one) sit in sentences:
 * WCAG 2.5.8 exempts inline targets, whose size the line of text decides.
 */
const WRITTEN = '[part~="body"], [part~="comment-body"], [part~="preview"]';

/** The targets in the thread smaller than WCAG 2.2 allows (2.5.8), with their size. */
function smallTargets(el: QuandaThread): string[] {
  return (
    composedElements(el)
      .filter((node) => node.matches(TARGETS))
      .filter((node) => !(node.localName === 'a' && node.closest(WRITTEN)))
      .map((node) => ({node, box: node.getBoundingClientRect()}))
      // Not rendered (a hidden field, a closed list): nothing to hit.
      .filter(({box}) => box.width > 0 && box.height > 0)
      .filter(({box}) => box.width < 24 || box.height < 24)
      .map(({node, box}) => {
        const name = node.getAttribute('part') ?? node.id ?? node.localName;
        const size = `${box.width.toFixed(1)}×${box.height.toFixed(1)}`;
        return `<${node.localName}> ${name} "${node.textContent?.trim() ?? ''}": ${size}`;
      })
  );
}

/** Each visible heading's level and words, in reading order, through shadow roots. */
function outline(el: QuandaThread) {
  return composedElements(el)
    .filter((node) => node.matches('h1, h2, h3, h4, h5, h6, [role="heading"]'))
    .filter((node) => node.getBoundingClientRect().height > 0)
    .map((node) => {
      const level = Number(node.getAttribute('aria-level') ?? node.localName.slice(1));
      return {level, text: node.textContent.replace(/\s+/g, ' ').trim()};
    });
}

/**
 * axe, WCAG 2.2 target size (2.5.8) and the heading outline, in every state of
 * test/support/states/ (each render checks it reached its state).
 */
describe('accessibility in every state', () => {
  for (const state of threadStates) {
    it(`axe: ${state.name}`, async () => {
      const el = await state.render('en');
      expect(state.reached(el), 'axe looks at the state named').to.be.true;
      await expect(el).to.be.accessible();
    });
  }

  for (const state of threadStates) {
    it(`every target is at least 24×24 px: ${state.name}`, async () => {
      expect(smallTargets(await state.render('en'))).to.deep.equal([]);
    });
  }

  // Words change a button's width: "حذف" or "編集" is narrower than "Remove" or "Edit".
  for (const locale of supportedLocales().filter((locale) => !['en', PSEUDO].includes(locale))) {
    it(`every target is at least 24×24 px in every state, in ${locale}`, async function () {
      this.timeout(120_000); // every state, one after another
      const small: string[] = [];
      for (const state of threadStates) {
        small.push(
          ...smallTargets(await state.render(locale)).map((what) => `${state.name}: ${what}`),
        );
        fixtureCleanup(); // an open modal dialog would leave the next state's page inert
      }
      expect(small).to.deep.equal([]);
    });
  }

  for (const state of threadStates) {
    it(`headings make one outline, from the thread's level down: ${state.name}`, async () => {
      const levels = outline(await state.render('en')).map((heading) => heading.level);
      levels.forEach((level, i) => {
        expect(level, `heading ${i + 1} of ${levels.join(', ')}`).to.be.within(
          2,
          i ? levels[i - 1] + 1 : 2,
        );
      });
    });
  }

  it('puts the answer form’s heading beside the answer count, at any heading level', async () => {
    const state = threadStates.find((candidate) => candidate.name.startsWith('write: a reader'))!;
    const el = await state.render('en');
    expect(outline(el)).to.deep.equal([
      {level: 2, text: '⸨Why are therapists so secretive?⸩'},
      {level: 3, text: '2 answers'},
      {level: 3, text: 'Your answer'},
    ]);
    el.headingLevel = 4;
    await waitUntil(() => deep(el, 'quanda-answer-form', '[aria-level="5"]'), 'no new level');
    expect(outline(el).map((heading) => heading.level)).to.deep.equal([4, 5, 5]);
  });
});
