import {expect, waitUntil} from '@open-wc/testing';
import {loadCatalog, supportedLocales} from '../../../src/i18n/load.js';
import type {Catalog} from '../../../src/i18n/localizer.js';
import {PSEUDO} from '../../support/pseudo-locale.js';
import {composedText, threadStates} from '../../support/states/index.js';

/** axe on the thread in every language, in the states where most of its text shows. */
describe('accessibility in each language', () => {
  const states = threadStates.filter((state) =>
    [
      'answers: best, anonymous, edited, every plural',
      'more answers failed',
      'failed: network',
      // Writing: the controls, the forms and their errors, the dialog, the comments.
      'write: a reader who can vote, flag, comment and answer (empty form)',
      'write: the asker, with "Select as best answer" (one selected)',
      'write: a vote refused, own post (reason shown)',
      'write: own answer, an edit too short',
      'write: own answer, asking to confirm the removal',
      'write: the flag dialog, "something else" without a note',
      'write: comments, a comment too short, notify ticked without an email',
      'write: comments, own comment with Edit and Remove',
      'write: the answer form, errors in the text, the name and the email',
      'write: the answer form, failed: rate limited',
      'write: own posts awaiting moderation and hidden after reports',
      'draft restored',
      'waiting to post',
      'offline, showing the copy from…',
    ].includes(state.name),
  );
  it('finds every state it names', () => expect(states).to.have.length(17));

  // The real languages; the pseudo-locale's brackets are no language for axe to judge.
  for (const locale of supportedLocales().filter((locale) => locale !== PSEUDO)) {
    for (const state of states) {
      it(`${locale}: ${state.name}`, async () => {
        const catalog = (await loadCatalog(locale)) as Catalog;
        const el = await state.render(locale);
        const marks = [
          catalog['thread.sortLabel'],
          catalog['error.load'],
          catalog['comments.add'],
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
