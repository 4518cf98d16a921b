import {expect, fixture, fixtureCleanup, html, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import '../../../src/define.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {loadElement} from '../../../src/lazy.js';
import {answer, thread} from '../../support/builders.js';
import {$, $$, rendered} from '../../support/dom.js';
import {emulateFocus, emulateMediaFeatures} from '../../support/media.js';
import {pageStyle} from '../../support/page-style.js';
import {ScriptedClient, ok} from '../../support/scripted-client.js';
import {composedElements, deep, stateNamed, threadStates} from '../../support/states/index.js';

const data = () =>
  thread({
    answers: [
      answer({isAccepted: true, viewerVote: 1}),
      answer(),
      answer({
        lastEdit: {
          at: '2026-11-27T11:00:00.000Z',
          by: {displayName: 'Jonas', points: null, isViewer: false},
        },
      }),
    ],
    nextCursor: 'c1',
  });

async function mount(attributes: {theme?: string; lang?: string} = {}) {
  const el = await fixture<QuandaThread>(
    html`<quanda-thread
      .client=${new ScriptedClient().always(ok(data()))}
      question-id="q1"
      theme=${attributes.theme ?? ''}
      lang=${attributes.lang ?? 'en'}
    ></quanda-thread>`,
  );
  if (!attributes.theme) el.removeAttribute('theme');
  await waitUntil(() => $(el, 'quanda-answer'), 'the thread did not load');
  await rendered(el);
  return el;
}

/** Inner nodes, reached the way a test (not a page) can: through the shadow roots. */
const question = (el: QuandaThread) => $(el, 'quanda-question')!;
const answers = (el: QuandaThread) => $$(el, 'quanda-answer');
const inQuestion = (el: QuandaThread, selector: string) => $(question(el), selector)!;
const inAnswer = (el: QuandaThread, selector: string, i = 0) => $(answers(el)[i], selector)!;
const vote = (host: HTMLElement) => $(host, 'quanda-vote')!;
const myScore = (el: QuandaThread) => $(vote(answers(el)[0]), '[part~="score"]')!;
const style = (node: Element) => getComputedStyle(node);

const LIGHT_ACCENT = 'rgb(26, 95, 209)';
const DARK_ACCENT = 'rgb(138, 180, 248)';

/** A thread in one of the states of test/support/states/, optionally themed. */
async function inState(name: string, theme?: 'light' | 'dark') {
  const el = await stateNamed(threadStates, name).render('en');
  if (theme) {
    el.theme = theme;
    await el.updateComplete;
  }
  return el;
}
const A1 = 'quanda-answer[data-id="a1"]';
const A2 = 'quanda-answer[data-id="a2"]';
const pressedUp = (el: QuandaThread) => deep(el, A1, 'quanda-vote', '[part~="up-button"]')!;
const unpressedUp = (el: QuandaThread) => deep(el, A2, 'quanda-vote', '[part~="up-button"]')!;
const dialogOf = (el: QuandaThread) => deep(el, A2, 'quanda-flag-dialog', 'dialog')!;
const inForm = (el: QuandaThread, selector: string) => deep(el, 'quanda-answer-form', selector)!;

/** WCAG contrast ratio of two opaque `rgb()` colours. */
function contrast(a: string, b: string) {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('theming', () => {
  before(() => emulateFocus());

  let cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });
  const withPageStyle = (cssText: string) => cleanups.push(pageStyle(cssText));

  it('inherits the page’s font and colour when no token is set', async () => {
    withPageStyle(`.page { font: 17px/1 Georgia, serif; color: rgb(10, 20, 30); }`);
    const page = document.createElement('div');
    page.className = 'page';
    document.body.append(page);
    cleanups.push(() => page.remove());
    const el = await mount();
    page.append(el);
    const body = inAnswer(el, '[part~="body"]');
    expect(style(body).fontFamily).to.equal('Georgia, serif');
    expect(style(body).fontSize).to.equal('17px');
    expect(style(body).color).to.equal('rgb(10, 20, 30)');
    expect(style(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('lets page tokens and element knobs reach every inner element', async () => {
    withPageStyle(`quanda-thread {
      --quanda-color-text: rgb(1, 2, 3);
      --quanda-color-muted: rgb(4, 5, 6);
      --quanda-color-surface: rgb(250, 250, 240);
      --quanda-color-raised: rgb(7, 8, 9);
      --quanda-color-border: rgb(10, 11, 12);
      --quanda-color-accent: rgb(13, 14, 15);
      --quanda-color-success: rgb(16, 17, 18);
      --quanda-color-focus: rgb(19, 20, 21);
      --quanda-font-family: 'Courier New';
      --quanda-font-size: 20px;
      --quanda-font-size-small: 10px;
      --quanda-font-line-height: 2;
      --quanda-space-xs: 3px;
      --quanda-space-s: 5px;
      --quanda-space-m: 21px;
      --quanda-radius: 11px;
      --quanda-question-title-size: 30px;
      --quanda-question-title-font-family: Georgia;
      --quanda-answer-best-text: rgb(22, 23, 24);
      --quanda-vote-score-size: 25px;
      --quanda-vote-width: 60px;
      --quanda-thread-gap: 31px;
    }`);
    const el = await mount();
    const title = inQuestion(el, '[part~="title"]');
    const body = inAnswer(el, '[part~="body"]');
    const meta = inAnswer(el, '[part~="meta"]');
    const tag = inQuestion(el, '[part~="tag"]');
    const badge = inAnswer(el, '[part~="badge"]');
    const sort = $(el, '[part~="sort"]')!;
    expect(style(el).backgroundColor).to.equal('rgb(250, 250, 240)');
    expect(style(body).color).to.equal('rgb(1, 2, 3)');
    expect(style(body).fontFamily).to.equal('"Courier New"');
    expect(style(body).fontSize).to.equal('20px');
    expect(style(body).lineHeight).to.equal('40px');
    expect(style(meta).color).to.equal('rgb(4, 5, 6)');
    expect(style(meta).fontSize).to.equal('10px');
    expect(style(tag).backgroundColor).to.equal('rgb(7, 8, 9)');
    expect(style(tag).borderTopColor).to.equal('rgb(10, 11, 12)');
    expect(style(tag).borderTopLeftRadius).to.equal('11px');
    expect(style(tag).paddingInlineStart).to.equal('5px');
    expect(style(inQuestion(el, '[part~="tags"]')).columnGap).to.equal('3px');
    expect(style(answers(el)[1]).paddingTop).to.equal('21px');
    expect(style(badge).backgroundColor).to.equal('rgb(16, 17, 18)');
    expect(style(badge).color).to.equal('rgb(22, 23, 24)');
    expect(style(myScore(el)).color).to.equal('rgb(13, 14, 15)');
    expect(style(myScore(el)).fontSize).to.equal('25px');
    expect(style(vote(answers(el)[0])).minInlineSize).to.equal('60px');
    expect(style(title).fontSize).to.equal('30px');
    expect(style(title).fontFamily).to.equal('Georgia');
    expect(style($(el, '[part~="thread"]')!).rowGap).to.equal('31px');
    sort.focus();
    expect(style(sort).outlineColor).to.equal('rgb(19, 20, 21)');
  });

  it('applies an em base size once, not again in each nested element', async () => {
    withPageStyle(`.box { font-size: 20px; --quanda-font-size: 0.8em; }`);
    const box = document.createElement('div');
    box.className = 'box';
    document.body.append(box);
    cleanups.push(() => box.remove());
    const el = await mount();
    box.append(el);
    expect(style(inAnswer(el, '[part~="body"]')).fontSize).to.equal('16px');
    expect(style(inQuestion(el, '[part~="body"]')).fontSize).to.equal('16px');
  });

  it('lets tokens win over the page’s own font and colour on the element, everywhere alike', async () => {
    withPageStyle(`quanda-thread {
      font-family: Georgia; color: rgb(200, 0, 0);
      --quanda-font-family: 'Courier New'; --quanda-color-text: rgb(1, 2, 3);
    }`);
    const el = await mount();
    for (const node of [$(el, '[part~="answers-heading"]')!, inAnswer(el, '[part~="body"]')]) {
      expect(style(node).fontFamily).to.equal('"Courier New"');
      expect(style(node).color).to.equal('rgb(1, 2, 3)');
    }
  });

  it('lets page tokens and knobs reach the write UI: votes, forms, errors, the dialog', async () => {
    withPageStyle(`quanda-thread {
      --quanda-color-accent: rgb(13, 14, 15);
      --quanda-color-on-accent: rgb(240, 241, 242);
      --quanda-color-border: rgb(10, 11, 12);
      --quanda-color-danger: rgb(150, 1, 2);
      --quanda-radius: 11px;
      --quanda-vote-accent: rgb(30, 31, 32);
      --quanda-vote-button-size: 40px;
      --quanda-flag-dialog-background: rgb(250, 249, 248);
      --quanda-flag-dialog-color: rgb(20, 21, 22);
    }`);
    let el = await inState('write: votes pressed up and down');
    expect(style(pressedUp(el)).backgroundColor).to.equal('rgb(30, 31, 32)');
    expect(pressedUp(el).getBoundingClientRect().width).to.equal(40);
    fixtureCleanup();

    el = await inState('write: the answer form, errors in the text, the name and the email');
    const submit = inForm(el, '[part~="submit-button"]');
    expect(style(submit).backgroundColor).to.equal('rgb(13, 14, 15)');
    expect(style(submit).color).to.equal('rgb(240, 241, 242)');
    expect(style(submit).borderTopLeftRadius).to.equal('11px');
    const textarea = inForm(el, 'textarea');
    expect(style(textarea).borderTopLeftRadius).to.equal('11px');
    expect(style(textarea).borderTopColor).to.equal('rgb(150, 1, 2)'); // invalid
    expect(style(inForm(el, '#name')).borderTopColor).to.equal('rgb(150, 1, 2)');
    expect(style(inForm(el, '#body-error')).color).to.equal('rgb(150, 1, 2)');
    fixtureCleanup();

    el = await inState('write: the flag dialog open');
    expect(style(dialogOf(el)).backgroundColor).to.equal('rgb(250, 249, 248)');
    expect(style(dialogOf(el)).color).to.equal('rgb(20, 21, 22)');
    expect(style(dialogOf(el).querySelector('label')!).color).to.equal('rgb(20, 21, 22)');
    fixtureCleanup();
  });

  /** Every part name the thread exposes now: its own, and what it forwards with exportparts. */
  function exposed(el: QuandaThread): Set<string> {
    const names = new Set<string>();
    for (const node of el.shadowRoot!.querySelectorAll('[part]')) {
      node
        .getAttribute('part')!
        .split(/\s+/)
        .forEach((name) => names.add(name));
    }
    for (const node of el.shadowRoot!.querySelectorAll('[exportparts]')) {
      for (const mapping of node.getAttribute('exportparts')!.split(',')) {
        names.add(mapping.split(':').at(-1)!.trim());
      }
    }
    return names;
  }

  it('lets ::part rules on the page reach every part, the forwarded ones included', async function () {
    this.timeout(180_000); // every state, one after another
    // A forwarded name must reach a rendered element in some state: a button that shows
    // only to an author, an error only after a failure, the dialog only once opened.
    const names = new Set<string>();
    const reached = new Set<string>();
    for (const state of threadStates) {
      const thread = await state.render('en');
      const nodes = composedElements(thread).filter((node) => node !== thread);
      for (const name of exposed(thread)) {
        names.add(name);
        if (reached.has(name)) continue;
        const remove = pageStyle(
          `quanda-thread::part(${name}) { outline: 3px dotted rgb(9, 9, 9); }`,
        );
        if (nodes.some((node) => style(node).outlineStyle === 'dotted')) reached.add(name);
        remove();
      }
      fixtureCleanup(); // an open modal dialog would leave the next state's page inert
    }
    expect(names.size).to.be.greaterThan(60);
    expect([...names].filter((name) => !reached.has(name))).to.deep.equal([]);

    const el = await mount();
    // And a real override, the way a blog would use it.
    withPageStyle(`quanda-thread::part(badge) { background: rgb(200, 0, 0); }
      quanda-thread::part(answer-body) { font-style: italic; }
      quanda-thread::part(more-button) { border-radius: 0; }`);
    expect(style(inAnswer(el, '[part~="badge"]')).backgroundColor).to.equal('rgb(200, 0, 0)');
    expect(style(inAnswer(el, '[part~="body"]')).fontStyle).to.equal('italic');
    expect(style($(el, '[part~="more-button"]')!).borderTopLeftRadius).to.equal('0px');
  });

  it('lets ::part rules reach the toolbar and draft line of every open form, not only the first', async () => {
    for (const name of [
      'write: comments, the comment form open',
      'write: own answer, the edit form open',
    ]) {
      const thread = await inState(name);
      const remove = pageStyle(
        'quanda-thread::part(toolbar), quanda-thread::part(draft-status) { outline: 3px dotted rgb(9, 9, 9); }',
      );
      const inner = composedElements(thread).filter((node) =>
        /(^|\s)(toolbar|draft-status)(\s|$)/.test(node.getAttribute('part') ?? ''),
      );
      expect(inner.length, name).to.be.at.least(4); // the answer form's and the open form's
      expect(
        inner.filter((node) => style(node).outlineStyle !== 'dotted').map((n) => n.localName),
        name,
      ).to.deep.equal([]);
      remove();
      fixtureCleanup();
    }
  });

  describe('light and dark', () => {
    afterEach(async () => {
      await emulateMediaFeatures([]);
      await emulateMedia({colorScheme: 'no-preference'});
    });

    it('follows a page that declares both schemes, as the reader’s preference changes', async () => {
      withPageStyle(`:root { color-scheme: light dark; }`);
      const el = await mount();
      await emulateMedia({colorScheme: 'dark'});
      expect(style(myScore(el)).color).to.equal(DARK_ACCENT);
      await emulateMedia({colorScheme: 'light'});
      expect(style(myScore(el)).color).to.equal(LIGHT_ACCENT);
    });

    it('stays light on a light-only page, whatever the reader prefers', async () => {
      const el = await mount();
      await emulateMedia({colorScheme: 'dark'});
      expect(style(myScore(el)).color).to.equal(LIGHT_ACCENT);
    });

    it('takes theme="dark" or "light" over the page, with a surface and text of its own', async () => {
      withPageStyle(`:root { color-scheme: light dark; }`);
      await emulateMedia({colorScheme: 'light'});
      const el = await mount({theme: 'dark'});
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(style(el).backgroundColor).to.equal('rgb(22, 25, 29)');
      expect(style(inAnswer(el, '[part~="body"]')).color).to.equal('rgb(230, 232, 235)');
      expect(style(myScore(el)).color).to.equal(DARK_ACCENT);
      expect(style($(el, '[part~="sort"]')!).colorScheme).to.equal('dark');

      await emulateMedia({colorScheme: 'dark'});
      el.theme = 'light';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('light');
      expect(style(el).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(style(inAnswer(el, '[part~="body"]')).color).to.equal('rgb(31, 35, 40)');
      expect(style(myScore(el)).color).to.equal(LIGHT_ACCENT);
    });

    it('paints the write UI dark too: pressed votes, the form, the dialog', async () => {
      let el = await inState('write: votes pressed up and down', 'dark');
      expect(style(pressedUp(el)).backgroundColor).to.equal(DARK_ACCENT);
      expect(style(pressedUp(el)).color).to.equal('rgb(11, 29, 58)');
      const submit = inForm(el, '[part~="submit-button"]');
      expect(style(submit).backgroundColor).to.equal(DARK_ACCENT);
      expect(style(inForm(el, 'textarea')).color).to.equal('rgb(230, 232, 235)');
      expect(style(inForm(el, 'label')).color).to.equal('rgb(230, 232, 235)');
      expect(style(inForm(el, 'textarea')).colorScheme).to.equal('dark');
      fixtureCleanup();

      el = await inState('write: the flag dialog, "something else" without a note', 'dark');
      const dialog = style(dialogOf(el));
      expect(contrast(dialog.color, dialog.backgroundColor)).to.be.at.least(7);
      expect(contrast(dialog.backgroundColor, 'rgb(0, 0, 0)')).to.be.below(1.5); // dark
      const error = dialogOf(el).querySelector('#note-error')!;
      expect(contrast(style(error).color, dialog.backgroundColor)).to.be.at.least(4.5);
      await expect(el).to.be.accessible();
    });

    it('keeps the dialog readable on a dark page that declares no colour scheme', async () => {
      withPageStyle(`body { background: rgb(17, 17, 17); color: rgb(238, 238, 238); }`);
      const el = await inState('write: the flag dialog open');
      const dialog = style(dialogOf(el));
      // Its own surface, so its own text: not the page's light text on a light Canvas.
      expect(contrast(dialog.color, dialog.backgroundColor)).to.be.at.least(7);
      for (const node of dialogOf(el).querySelectorAll('label, legend, button')) {
        const own = style(node).backgroundColor;
        const behind = own.endsWith(', 0)') ? dialog.backgroundColor : own;
        expect(contrast(style(node).color, behind), node.textContent).to.be.at.least(4.5);
      }
    });

    it('keeps a pressed vote visible in forced-colors mode', async () => {
      const el = await inState('write: votes pressed up and down');
      await emulateMediaFeatures([{name: 'forced-colors', value: 'active'}]);
      expect(matchMedia('(forced-colors: active)').matches).to.be.true;
      const pressed = style(pressedUp(el));
      const unpressed = style(unpressedUp(el));
      expect(pressed.backgroundColor).to.not.equal(unpressed.backgroundColor);
      expect(pressed.backgroundColor).to.not.match(/, 0\)$|transparent/);
      const arrow = (button: HTMLElement) => style(button.querySelector('svg')!).fill;
      expect(arrow(pressedUp(el))).to.not.equal(arrow(unpressedUp(el)));
      expect(
        contrast(arrow(pressedUp(el)), pressed.backgroundColor.replace(/, [\d.]+\)$/, ')')),
      ).to.be.at.least(3);
      // And the pressed button still shows its focus.
      pressedUp(el).focus();
      expect(style(pressedUp(el)).outlineStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    });

    it('stays usable in forced-colors mode: the badge keeps a border, focus a ring', async () => {
      const el = await mount();
      await emulateMediaFeatures([{name: 'forced-colors', value: 'active'}]);
      expect(matchMedia('(forced-colors: active)').matches).to.be.true;
      const badge = inAnswer(el, '[part~="badge"]');
      expect(style(badge).borderTopStyle).to.equal('solid');
      expect(style(badge).borderTopWidth).to.equal('1px');
      const more = $(el, '[part~="more-button"]')!;
      more.focus();
      expect(style(more).outlineStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    });
  });

  it('drops its transitions when the reader asks for reduced motion', async () => {
    const el = await mount();
    const more = $(el, '[part~="more-button"]')!;
    expect(style(more).transitionDuration).to.not.equal('0s');
    await emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'reduce'}]);
    try {
      expect(style(more).transitionDuration).to.equal('0s');
    } finally {
      await emulateMediaFeatures([]);
    }
  });

  it('has nothing that moves in the write UI when the reader asks for reduced motion', async () => {
    await emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'reduce'}]);
    try {
      for (const name of [
        'write: a vote being saved',
        'write: the flag dialog open',
        'write: comments, the comment form open',
        'write: the answer form, sending',
      ]) {
        const el = await inState(name);
        const moving = composedElements(el).filter((node) => {
          const {transitionDuration, animationName, animationDuration} = style(node);
          return (
            transitionDuration.split(', ').some((d) => d !== '0s') ||
            (animationName !== 'none' && animationDuration !== '0s')
          );
        });
        expect(
          moving.map((node) => node.localName),
          name,
        ).to.deep.equal([]);
        fixtureCleanup();
      }
    } finally {
      await emulateMediaFeatures([]);
    }
  });

  it('lays Arabic out right to left, the score column on the right', async () => {
    const el = await mount({lang: 'ar'});
    await waitUntil(() => $(el, '[part~="thread"]')!.dir === 'rtl', 'no rtl');
    await rendered(el);
    for (const post of [question(el), answers(el)[1]]) {
      expect(style(post).direction).to.equal('rtl');
      const score = vote(post).getBoundingClientRect();
      const body = $(post, '[part~="body"]')!.getBoundingClientRect();
      expect(score.left, 'the score sits right of the text').to.be.at.least(body.right);
    }
    // Logical properties follow: the sort control sits at the left end of the header.
    const header = $(el, '[part~="answers-header"]')!.getBoundingClientRect();
    const sort = $(el, '[part~="sort-label"]')!.getBoundingClientRect();
    expect(sort.left - header.left).to.be.below(header.right - sort.right);
  });
});

describe('the styles themselves', () => {
  const tags = [
    'quanda-thread',
    'quanda-question',
    'quanda-answer',
    'quanda-vote',
    'quanda-comments',
    'quanda-answer-form',
    'quanda-comment-form',
    'quanda-edit-form',
    'quanda-flag-dialog',
  ];
  before(() =>
    Promise.all(
      (
        [
          'quanda-answer-form',
          'quanda-comment-form',
          'quanda-edit-form',
          'quanda-flag-dialog',
        ] as const
      ).map((tag) => loadElement(tag)),
    ),
  );
  const sheets = (tag: string) =>
    (
      customElements.get(tag) as unknown as {elementStyles: {styleSheet?: CSSStyleSheet}[]}
    ).elementStyles.map((style) => style.styleSheet!);

  function* declarations(rules: CSSRuleList): Generator<[string, string]> {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) {
        for (const name of rule.style) yield [name, rule.style.getPropertyValue(name)];
      }
      if ('cssRules' in rule) yield* declarations((rule as CSSGroupingRule).cssRules);
    }
  }

  for (const tag of tags) {
    it(`<${tag}>: no rem, every public token has a fallback, rules read private names`, () => {
      const problems: string[] = [];
      for (const sheet of sheets(tag)) {
        for (const [name, value] of declarations(sheet.cssRules)) {
          if (/\d(\.\d+)?rem\b/.test(value)) problems.push(`${name}: ${value} uses rem`);
          for (const match of value.matchAll(/var\(\s*(--quanda-[\w-]+)\s*([,)])/g)) {
            if (match[2] !== ',') problems.push(`${name}: ${match[1]} has no fallback`);
          }
          if (!name.startsWith('--') && value.includes('--quanda-')) {
            problems.push(`${name}: ${value} reads a public token directly`);
          }
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }
});
