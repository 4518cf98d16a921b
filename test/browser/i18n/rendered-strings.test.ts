import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import type {Author} from '../../../src/api/schemas.js';
import type {QuandaAnswerForm} from '../../../src/components/answer-form/answer-form.js';
import type {QuandaAnswer} from '../../../src/components/answer/answer.js';
import {loadElement} from '../../../src/lazy.js';
import {NOW, answer, question} from '../../support/builders.js';
import {$, text} from '../../support/dom.js';

/**
 * What readers of each language see, rendered, not what the catalogue says: bylines with
 * the relative times Intl really gives, plural forms as they follow a compact number, and
 * the direction of an element used alone. These are the strings a reviewer reads.
 */

const now = new Date(NOW);
const ago = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
/** "now", "yesterday" and "3 days ago", in that order. */
const TIMES = [ago(0), ago(1), ago(3)];
const jonas: Author = {displayName: 'Jonas', points: null, isViewer: false};
const nobody: Author = {displayName: '', points: null, isViewer: false};

/** Collapsed, with no-break spaces read as spaces (Intl puts them in numbers and times). */
const words = (node: Node | null | undefined) => text(node).replace(/\s/g, ' ');

async function lone(lang: string, overrides: Parameters<typeof answer>[0]) {
  const el = await fixture<QuandaAnswer>(
    html`<quanda-answer lang=${lang} .answer=${answer(overrides)} .now=${now}></quanda-answer>`,
  );
  await waitUntil(() => $(el, '[part~="meta"]'), `the ${lang} answer did not render`);
  return el;
}

/** Each language's answer byline, "edited" line and anonymous "edited" line, per time. */
const BYLINES: Record<string, {answered: string[]; edited: string[]; editedAnon: string[]}> = {
  en: {
    answered: [
      'answered now by Jonas',
      'answered yesterday by Jonas',
      'answered 3 days ago by Jonas',
    ],
    edited: ['edited now by Jonas', 'edited yesterday by Jonas', 'edited 3 days ago by Jonas'],
    editedAnon: ['edited now', 'edited yesterday', 'edited 3 days ago'],
  },
  de: {
    answered: [
      'jetzt von Jonas geschrieben',
      'gestern von Jonas geschrieben',
      'vor 3 Tagen von Jonas geschrieben',
    ],
    edited: [
      'jetzt von Jonas bearbeitet',
      'gestern von Jonas bearbeitet',
      'vor 3 Tagen von Jonas bearbeitet',
    ],
    editedAnon: ['jetzt bearbeitet', 'gestern bearbeitet', 'vor 3 Tagen bearbeitet'],
  },
  fr: {
    answered: [
      'publiée maintenant par Jonas',
      'publiée hier par Jonas',
      'publiée il y a 3 jours par Jonas',
    ],
    edited: [
      'dernière modification maintenant par Jonas',
      'dernière modification hier par Jonas',
      'dernière modification il y a 3 jours par Jonas',
    ],
    editedAnon: [
      'dernière modification maintenant',
      'dernière modification hier',
      'dernière modification il y a 3 jours',
    ],
  },
  es: {
    answered: [
      'publicada ahora por Jonas',
      'publicada ayer por Jonas',
      'publicada hace 3 días por Jonas',
    ],
    edited: [
      'última edición ahora por Jonas',
      'última edición ayer por Jonas',
      'última edición hace 3 días por Jonas',
    ],
    editedAnon: ['última edición ahora', 'última edición ayer', 'última edición hace 3 días'],
  },
  // Not "今に" ("sooner or later"): the time goes last, after a middle dot.
  ja: {
    answered: ['Jonas が回答・今', 'Jonas が回答・昨日', 'Jonas が回答・3 日前'],
    edited: ['Jonas が編集・今', 'Jonas が編集・昨日', 'Jonas が編集・3 日前'],
    editedAnon: ['編集済み・今', '編集済み・昨日', '編集済み・3 日前'],
  },
  // Noun phrases, which agree with any author and any post.
  ar: {
    answered: ['إجابة من Jonas، الآن', 'إجابة من Jonas، أمس', 'إجابة من Jonas، قبل 3 أيام'],
    edited: [
      'آخر تعديل من Jonas، الآن',
      'آخر تعديل من Jonas، أمس',
      'آخر تعديل من Jonas، قبل 3 أيام',
    ],
    editedAnon: ['آخر تعديل الآن', 'آخر تعديل أمس', 'آخر تعديل قبل 3 أيام'],
  },
};

/** The author's points as shown beside the name, at the compact notation's boundaries. */
const POINTS: [number, Record<string, string>][] = [
  [
    1,
    {
      en: '1 point',
      de: '1 Punkt',
      fr: '1 point',
      es: '1 punto',
      ja: '1 ポイント',
      ar: 'نقطة واحدة',
    },
  ],
  // Shown as a thousand: the form is a thousand's, not 3's (Arabic's "few").
  [
    1003,
    {
      en: '1K points',
      de: '1003 Punkte',
      fr: '1 k points',
      es: '1 mil puntos',
      ja: '1003 ポイント',
      ar: '1 ألف نقطة',
    },
  ],
  [
    2003,
    {
      en: '2K points',
      de: '2003 Punkte',
      fr: '2 k points',
      es: '2 mil puntos',
      ja: '2003 ポイント',
      ar: '2 ألف نقطة',
    },
  ],
  // Shown in millions: French and Spanish say "de" before the noun.
  [
    1_500_000,
    {
      en: '1.5M points',
      de: '1,5 Mio. Punkte',
      fr: '1,5 M de points',
      es: '1,5 M de puntos',
      ja: '150万 ポイント',
      ar: '1.5 مليون نقطة',
    },
  ],
];

describe('rendered strings', () => {
  for (const [lang, expected] of Object.entries(BYLINES)) {
    it(`${lang}: bylines read naturally for now, yesterday and 3 days ago`, async () => {
      const seen = {answered: [] as string[], edited: [] as string[], editedAnon: [] as string[]};
      for (const at of TIMES) {
        const el = await lone(lang, {
          author: jonas,
          createdAt: at,
          lastEdit: {at, by: jonas},
        });
        seen.answered.push(words($(el, '[part~="meta"]')));
        seen.edited.push(words($(el, '[part~="edited"]')));
        el.answer = answer({author: jonas, createdAt: at, lastEdit: {at, by: nobody}});
        await el.updateComplete;
        seen.editedAnon.push(words($(el, '[part~="edited"]')));
      }
      expect(seen).to.deep.equal(expected);
    });
  }

  it('ja and ar: a question’s byline with its category keeps the time last', async () => {
    const bylines: string[] = [];
    for (const lang of ['ja', 'ar']) {
      const el = await fixture(
        html`<quanda-question
          lang=${lang}
          .question=${question({author: jonas, createdAt: ago(1), category: 'Sleep'})}
          .now=${now}
        ></quanda-question>`,
      );
      await waitUntil(() => $(el, '[part~="meta"]'), `the ${lang} question did not render`);
      bylines.push(words($(el, '[part~="meta"]')));
    }
    expect(bylines).to.deep.equal(['Jonas が「Sleep」で質問・昨日', 'سؤال من Jonas في Sleep، أمس']);
  });

  it('names an author without a name as a name, not an adjective', async () => {
    const names: string[] = [];
    for (const lang of ['de', 'fr', 'es', 'ar']) {
      const el = await lone(lang, {author: nobody});
      names.push(words($(el, '[part~="author"]')));
    }
    expect(names).to.deep.equal(['Anonym', 'Anonyme', 'Anónimo', 'مجهول الهوية']);
  });

  for (const lang of Object.keys(BYLINES)) {
    it(`${lang}: picks the plural form from the number as shown`, async () => {
      const shown: string[] = [];
      for (const [points] of POINTS) {
        const el = await lone(lang, {author: {displayName: 'Jonas', points, isViewer: false}});
        shown.push(words($(el, '[part~="meta"]')));
      }
      POINTS.forEach(([points, phrases], i) => {
        expect(shown[i], `${points} in ${lang}`).to.contain(phrases[lang]);
      });
    });
  }

  it('reads the number as shown in a region’s own digits too', async () => {
    const el = await lone('ar-EG', {author: {displayName: 'Jonas', points: 1003, isViewer: false}});
    expect(words($(el, '[part~="meta"]'))).to.contain('١ ألف نقطة');
  });
});

describe('direction of an element used alone', () => {
  before(() => loadElement('quanda-answer-form'));

  const direction = (node: Element | null) => getComputedStyle(node!).direction;

  it('sets right to left on a lone Arabic answer, its byline and its votes', async () => {
    const el = await lone('ar', {author: jonas});
    expect(el.dir).to.equal('rtl');
    expect(direction($(el, '[part~="meta"]'))).to.equal('rtl');
    expect(direction($(el, 'quanda-vote'))).to.equal('rtl');
  });

  it('sets right to left on a lone Arabic form, and follows a change of language', async () => {
    const el = await fixture<QuandaAnswerForm>(
      html`<quanda-answer-form lang="ar"></quanda-answer-form>`,
    );
    await waitUntil(() => text($(el, '[part~="heading"]')) === 'إجابتك', 'Arabic heading');
    expect(direction($(el, '[part~="heading"]'))).to.equal('rtl');
    el.lang = 'de';
    await waitUntil(() => text($(el, '[part~="heading"]')) === 'Deine Antwort', 'German heading');
    expect(direction($(el, '[part~="heading"]'))).to.equal('ltr');
  });

  it('takes its language, and so its direction, from the page around it', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="ar">
        <quanda-question .question=${question()} .now=${now}></quanda-question>
      </div>`,
    );
    const el = wrapper.firstElementChild!;
    await waitUntil(() => words($(el, '[part~="meta"]')).startsWith('سؤال من'), 'Arabic byline');
    expect(direction($(el, '[part~="meta"]'))).to.equal('rtl');
  });

  it('leaves a direction the page set on the element alone', async () => {
    const el = await fixture<QuandaAnswer>(
      html`<quanda-answer lang="ar" dir="ltr" .answer=${answer()} .now=${now}></quanda-answer>`,
    );
    await waitUntil(() => words($(el, '[part~="meta"]')).startsWith('إجابة من'), 'Arabic byline');
    expect(el.dir).to.equal('ltr');
    expect(direction($(el, '[part~="meta"]'))).to.equal('ltr');
  });
});
