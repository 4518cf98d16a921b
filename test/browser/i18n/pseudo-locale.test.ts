import {expect, fixtureSync, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import {NOW} from '../../support/builders.js';
import {PSEUDO, unlocalized} from '../../support/pseudo-locale.js';
import {
  composedElements,
  composedText,
  markedAnswer,
  markedQuestion,
  threadStates,
} from '../../support/states/index.js';

const ATTRIBUTES = ['aria-label', 'aria-description', 'title', 'placeholder', 'alt'];

/** Everything a reader could see or hear that skipped the i18n layer. */
function leaks(root: Element): string[] {
  const found: string[] = [];
  const words = composedText(root);
  const rest = unlocalized(words);
  if (rest) found.push(`text: ${JSON.stringify(rest.replace(/\s+/g, ' '))}`);
  for (const placeholder of words.match(/\{\w+\}/g) ?? []) {
    found.push(`unfilled placeholder ${placeholder}`);
  }
  for (const el of composedElements(root)) {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value && unlocalized(value)) {
        found.push(`<${el.localName} ${name}>: ${JSON.stringify(unlocalized(value))}`);
      }
    }
  }
  return found;
}

/** Waits for the catalogue to load and every element to re-render, then lists leaks. */
async function leaksOnceSettled(root: Element) {
  // Elements draw nothing until their language has loaded: wait for words first.
  await waitUntil(() => composedText(root).trim(), '', {timeout: 5000}).catch(() => undefined);
  await waitUntil(() => leaks(root).length === 0, '', {timeout: 5000}).catch(() => undefined);
  return leaks(root);
}

describe(`pseudo-locale ${PSEUDO}: every visible string comes from the catalogue`, () => {
  it('catches text that skipped the catalogue (the check checks)', () => {
    const el = fixtureSync(html`<div>⟦Ĥéļļö⟧ ⸨user⸩ ⟪3⟫ Hard-coded <b title="Hi">x</b></div>`);
    expect(leaks(el)).to.deep.equal(['text: "Hard-coded x"', '<b title>: "Hi"']);
  });

  for (const state of threadStates) {
    it(`<quanda-thread>, ${state.name}`, async () => {
      const el = await state.render(PSEUDO);
      expect(await leaksOnceSettled(el)).to.deep.equal([]);
    });
  }

  it('<quanda-question>, <quanda-answer> and <quanda-vote> on their own', async () => {
    const now = new Date(NOW);
    const page = fixtureSync<HTMLDivElement>(
      html`<div lang=${PSEUDO}>
        <quanda-question .question=${markedQuestion()} .now=${now}></quanda-question>
        <quanda-answer .answer=${markedAnswer({isAccepted: true})} .now=${now}></quanda-answer>
        <quanda-vote score="-1"></quanda-vote>
      </div>`,
    );
    expect(await leaksOnceSettled(page)).to.deep.equal([]);
    expect(composedText(page)).to.contain('⟦');
  });
});
