import {expect, waitUntil} from '@open-wc/testing';
import {loadCatalog, supportedLocales} from '../../../src/i18n/load.js';
import type {Catalog} from '../../../src/i18n/localizer.js';
import {PSEUDO} from '../../support/pseudo-locale.js';
import {composedText, threadStates} from '../../support/states.js';

/** axe on the thread in every language, in the states where most of its text shows. */
describe('accessibility in each language', () => {
  const states = threadStates.filter((state) =>
    [
      'answers: best, anonymous, edited, every plural',
      'more answers failed',
      'failed: network',
      'draft restored',
      'waiting to post',
      'offline, showing the copy from…',
    ].includes(state.name),
  );

  // The real languages; the pseudo-locale's brackets are no language for axe to judge.
  for (const locale of supportedLocales().filter((locale) => locale !== PSEUDO)) {
    for (const state of states) {
      it(`${locale}: ${state.name}`, async () => {
        const catalog = (await loadCatalog(locale)) as Catalog;
        const el = await state.render(locale);
        const marks = [
          catalog['thread.sortLabel'],
          catalog['error.load'],
          catalog['form.answer.label'],
        ];
        await waitUntil(
          () => marks.some((mark) => composedText(el).includes(mark)),
          `the thread never spoke ${locale}`,
        );
        await expect(el).to.be.accessible();
      });
    }
  }
});
