import {expect} from '@open-wc/testing';
import {loadCatalog, supportedLocales} from '../../../src/i18n/load.js';
import {englishSource as en} from '../../support/english.js';
import {catalogProblems, copiedFromEnglish} from '../../support/catalog-check.js';

/**
 * Every catalogue against the English source. The type check already fails on a missing
 * key; this also catches extra keys, placeholders and plural forms, and reports them all
 * at once, by locale and key, for whoever adds strings to English.
 */
describe('message catalogues', () => {
  const locales = supportedLocales().filter((locale) => locale !== 'en');

  it('cover English plus at least es, de, fr, ja and ar, each loaded on demand', () => {
    expect(supportedLocales()).to.include.members(['en', 'es', 'de', 'fr', 'ja', 'ar']);
  });

  for (const locale of locales) {
    it(`${locale}: has every key, no other, the same placeholders and the plural forms Intl picks`, async () => {
      const catalog = await loadCatalog(locale);
      expect(catalogProblems(locale, catalog, en)).to.deep.equal([]);
    });

    it(`${locale}: is a translation, not a copy of the English`, async () => {
      const copied = copiedFromEnglish(await loadCatalog(locale), en);
      expect(copied.length, `copied: ${copied.join(', ')}`).to.be.below(
        Object.keys(en).length / 10,
      );
    });
  }

  describe('the check itself', () => {
    const good = {...en} as Record<string, unknown>;

    it('passes the English against itself', () => {
      expect(catalogProblems('en', en, en)).to.deep.equal([]);
    });

    it('fails on a missing key and on an extra key', () => {
      const {'thread.retry': _dropped, ...missing} = good;
      expect(catalogProblems('en', missing, en)).to.deep.equal(['en: missing key "thread.retry"']);
      expect(catalogProblems('en', {...good, 'thread.typo': 'x'}, en)).to.deep.equal([
        'en: extra key "thread.typo" (not in English)',
      ]);
    });

    it('fails on a placeholder dropped or invented', () => {
      expect(
        catalogProblems('en', {...good, 'answer.byLabel': 'Answer by someone'}, en),
      ).to.deep.equal(['en: "answer.byLabel" lacks {author}']);
      expect(
        catalogProblems('en', {...good, 'answer.byLabel': 'Answer by {autor}'}, en),
      ).to.deep.equal([
        'en: "answer.byLabel" lacks {author}',
        'en: "answer.byLabel" has {autor}, unknown in English',
      ]);
      expect(
        catalogProblems(
          'en',
          {...good, 'thread.answersHeading': {one: '{count} answer', other: 'some answers'}},
          en,
        ),
      ).to.deep.equal(['en: "thread.answersHeading".other lacks {count}']);
    });

    it('fails on plural forms the language needs, or never uses', () => {
      const arabic = {...good, 'vote.score': {one: '{score}', other: '{score}'}};
      const problems = catalogProblems('ar', arabic, en);
      expect(problems).to.include('ar: "vote.score" lacks plural forms zero, two, few, many');
      expect(
        catalogProblems('ja', {...good, 'vote.score': {one: '{score}', other: '{score}'}}, en),
      ).to.include('ja: "vote.score" has plural forms one, which ja never uses');
    });

    it('fails on a string where plural forms belong', () => {
      expect(catalogProblems('en', {...good, 'vote.score': '{score} votes'}, en)).to.deep.equal([
        'en: "vote.score" needs plural forms (one, other), not one string',
      ]);
    });
  });
});
