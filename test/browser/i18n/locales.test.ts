import {expect, fixture, fixtureSync, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaAnswer} from '../../../src/components/answer/answer.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {english} from '../../../src/i18n/localizer.js';
import {
  loadLocalizer,
  registerLocale,
  resolveLocale,
  supportedLocales,
} from '../../../src/i18n/load.js';
import {NOW, answer, thread} from '../../support/builders.js';
import {$, rendered, text} from '../../support/dom.js';
import {ScriptedClient, ok} from '../../support/scripted-client.js';

const heading = (el: QuandaThread) => text($(el, '[part~="answers-heading"]'));

async function loaded(el: QuandaThread) {
  await waitUntil(() => $(el, 'quanda-question'), 'the thread did not load');
  await el.updateComplete;
  return el;
}

const client = () => new ScriptedClient().always(ok(thread()));

/** The heading "2 answers" in each language, as the thread shows it. */
const TWO_ANSWERS: Record<string, string> = {
  en: '2 answers',
  es: '2 respuestas',
  de: '2 Antworten',
  fr: '2 réponses',
  ja: '回答 2 件',
  ar: 'إجابتان',
};

describe('languages', () => {
  it('resolves a page’s tag to a catalogue: exact, then language, then English', () => {
    expect(resolveLocale('es-MX')).to.equal('es');
    expect(resolveLocale('DE')).to.equal('de');
    expect(resolveLocale('ar-EG')).to.equal('ar');
    expect(resolveLocale('pt-BR')).to.equal('en');
    expect(resolveLocale('')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
  });

  it('formats numbers in the page’s region when it speaks the catalogue’s language', async () => {
    expect((await loadLocalizer('de-CH')).number(12500)).to.equal("12'500");
    expect((await loadLocalizer('de')).number(12500)).to.equal('12.500');
    expect((await loadLocalizer('ar-EG')).number(12)).to.equal('١٢');
    // An English fallback keeps English numbers, not Portuguese ones in English words.
    const portuguese = await loadLocalizer('pt-BR');
    expect(portuguese.t('vote.score', {count: 1500, score: 1500})).to.equal('1,500 votes');
    expect((await loadLocalizer('not a tag!')).locale).to.equal('en');
  });

  it('picks each of Arabic’s six plural forms through Intl', async () => {
    const ar = await loadLocalizer('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => ar.t('thread.answersHeading', {count}));
    expect(forms).to.deep.equal([
      'لا توجد إجابات',
      'إجابة واحدة',
      'إجابتان',
      '3 إجابات',
      '11 إجابة',
      '100 إجابة',
    ]);
  });

  it('formats relative times and compact numbers through Intl', async () => {
    const now = new Date(NOW);
    const threeDaysAgo = new Date(Date.parse(NOW) - 3 * 86_400_000);
    const cases: [string, string, string][] = [
      ['es', 'hace 3 días', '6,5 mil'],
      ['de', 'vor 3 Tagen', '6505'],
      ['fr', 'il y a 3 jours', '6,5 k'],
      ['ja', '3 日前', '6505'],
    ];
    for (const [tag, ago, compact] of cases) {
      const localizer = await loadLocalizer(tag);
      expect(localizer.relativeTime(threeDaysAgo, now).replace(/\s/g, ' ')).to.equal(ago);
      expect(localizer.compact(6505).replace(/\s/g, ' ')).to.equal(compact);
    }
  });

  it('falls back to English when a catalogue cannot be loaded, and tries again later', async () => {
    let attempts = 0;
    registerLocale('xx', () => {
      attempts++;
      return Promise.reject(new Error('chunk missing'));
    });
    expect(await loadLocalizer('xx')).to.equal(english);
    expect(await loadLocalizer('xx')).to.equal(english);
    expect(attempts).to.equal(2);
  });

  for (const locale of supportedLocales()) {
    it(`shows a thread in ${locale}, from lang on the element`, async () => {
      const el = await fixture<QuandaThread>(
        html`<quanda-thread lang=${locale} .client=${client()} question-id="q1"></quanda-thread>`,
      );
      await loaded(el);
      await waitUntil(() => heading(el) === TWO_ANSWERS[locale], `heading in ${locale}`);
      expect($(el, '[part~="thread"]')!.dir).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
    });
  }

  it('follows the nearest lang up the page, and switches live when any of them changes', async () => {
    const wrapper = fixtureSync<HTMLDivElement>(
      html`<div lang="es">
        <quanda-thread .client=${client()} question-id="q1"></quanda-thread>
      </div>`,
    );
    const el = await loaded(wrapper.querySelector('quanda-thread')!);
    await waitUntil(() => heading(el) === '2 respuestas', 'Spanish from the wrapper');
    el.setAttribute('lang', 'de');
    await waitUntil(() => heading(el) === '2 Antworten', 'German from the element');
    el.removeAttribute('lang');
    await waitUntil(() => heading(el) === '2 respuestas', 'back to the wrapper');
    wrapper.removeAttribute('lang');
    const pageLang = document.documentElement.lang;
    try {
      document.documentElement.lang = 'fr';
      await waitUntil(() => heading(el) === '2 réponses', 'French from <html>');
    } finally {
      document.documentElement.lang = pageLang;
    }
    await waitUntil(() => heading(el) === '2 answers', 'English again');
  });

  it('lets two threads on one page speak two languages', async () => {
    const page = fixtureSync<HTMLDivElement>(
      html`<div>
        <quanda-thread lang="ja" .client=${client()} question-id="q1"></quanda-thread>
        <quanda-thread lang="ar" .client=${client()} question-id="q1"></quanda-thread>
      </div>`,
    );
    const [ja, ar] = [...page.querySelectorAll('quanda-thread')];
    await Promise.all([loaded(ja), loaded(ar)]);
    await waitUntil(() => heading(ja) === '回答 2 件' && heading(ar) === 'إجابتان');
    // Nested elements follow their own thread, not the other one.
    const meta = (el: QuandaThread) => text($($(el, 'quanda-question')!, '[part~="meta"]'));
    expect(meta(ja)).to.match(/^.* が「.*」で質問・3 日前$/);
    expect(meta(ar)).to.match(/^سؤال من /);
  });

  it('localizes an element used on its own from its lang', async () => {
    const el = await fixture<QuandaAnswer>(
      html`<quanda-answer
        lang="de"
        .answer=${answer({author: {displayName: 'Jonas', points: null, isViewer: false}})}
        .now=${new Date(NOW)}
      ></quanda-answer>`,
    );
    await waitUntil(
      () => text($(el, '[part~="meta"]')) === 'vorgestern von Jonas geschrieben',
      'German meta line',
    );
    await rendered(el);
    expect($(el, '[part~="answer"]')!.getAttribute('aria-label')).to.equal('Antwort von Jonas');
  });
});
