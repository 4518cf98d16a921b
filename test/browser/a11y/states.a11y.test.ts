import {expect} from '@open-wc/testing';
import {composedElements, threadStates} from '../../support/states.js';

/** Whatever a reader can point at or press. */
const TARGETS = 'button, select, input, textarea, a[href], [role="button"], [tabindex="0"]';

/** axe, and WCAG 2.2 target size (2.5.8), in every state of test/support/states.ts. */
describe('accessibility in every state', () => {
  for (const state of threadStates) {
    it(`axe: ${state.name}`, async () => {
      const el = await state.render('en');
      await expect(el).to.be.accessible();
    });
  }

  for (const state of threadStates) {
    it(`every target is at least 24×24 px: ${state.name}`, async () => {
      const el = await state.render('en');
      const small = composedElements(el)
        .filter((node) => node.matches(TARGETS))
        .map((node) => ({node, box: node.getBoundingClientRect()}))
        // Not rendered (a hidden field, a closed list): nothing to hit.
        .filter(({box}) => box.width > 0 && box.height > 0)
        .filter(({box}) => box.width < 24 || box.height < 24)
        .map(({node, box}) => {
          const name = node.getAttribute('part') ?? node.id ?? node.localName;
          return `<${node.localName}> ${name} "${node.textContent?.trim() ?? ''}": ${box.width.toFixed(1)}×${box.height.toFixed(1)}`;
        });
      expect(small).to.deep.equal([]);
    });
  }
});
