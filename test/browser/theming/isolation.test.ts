import {expect, fixtureSync, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import {$, rendered} from '../../support/dom.js';
import {pageStyle} from '../../support/page-style.js';
import {ScriptedClient, ok} from '../../support/scripted-client.js';
import {
  composedElements,
  deep,
  markedThread,
  stateNamed,
  threadStates,
} from '../../support/states/index.js';

/**
 * What a careless or heavy-handed site stylesheet does: a reset, global element rules,
 * a tiny root size, and inherited text properties set on everything, the widget's host
 * included. The widget's font family, size and colour come from the page by design; the
 * container fixes those, so any difference below is a leak.
 */
const HOSTILE = `
  html { font-size: 10px; }
  *, *::before, *::after {
    margin: 0; padding: 0; border: 0; box-sizing: content-box;
    line-height: 3; letter-spacing: 3px; word-spacing: 9px; text-transform: uppercase;
    text-align: justify; text-indent: 20px; font-weight: 900; font-style: italic;
    font-variant: small-caps; white-space: pre; list-style: square inside; cursor: crosshair;
    text-shadow: 2px 2px red; word-break: break-all;
  }
  button { all: unset; display: block; padding: 40px; background: hotpink; font-size: 40px; }
  select { appearance: none; font-size: 30px; padding: 20px; }
  p { margin: 3em 0; font-size: 2em; }
  ul, ol { padding-left: 100px; list-style: disc; }
  li { display: inline; margin: 10px; }
  a { color: red; text-decoration: line-through; }
  div, section, article { padding: 12px; }
  strong { font-size: 3em; }
  time { display: block; }
  h1, h2, h3, [role='heading'] { font-size: 50px; }
  form, fieldset { margin: 40px; padding: 30px; border: 4px dashed red; }
  label, legend { display: block; font-size: 30px; margin: 10px; }
  input, textarea, select { border: 5px solid red; padding: 20px; font-size: 30px; width: 50%; }
  input[type='checkbox'], input[type='radio'] { width: 60px; height: 60px; }
  dialog { padding: 60px; width: 90vw; border: 8px solid red; }
  dialog::backdrop { background: red; }
`;

/** Every box inside `root` (the thread, a dialog), relative to it, rounded to half pixels. */
function boxes(root: Element) {
  const origin = root.getBoundingClientRect();
  const round = (n: number) => Math.round(n * 2) / 2;
  return (
    composedElements(root)
      // Zero-size boxes (a closed <select>'s options) have no place to keep.
      .filter((node) => node !== root && node.getBoundingClientRect().width > 0)
      .map((node) => {
        const r = node.getBoundingClientRect();
        const name = `${node.localName}${node.getAttribute('part') ? `[${node.getAttribute('part')}]` : ''}`;
        return `${name} ${round(r.x - origin.x)},${round(r.y - origin.y)} ${round(r.width)}×${round(r.height)}`;
      })
  );
}

/**
 * The boxes `measure` finds, on a clean page and then on a hostile one: what moved.
 * `whileHostile` runs with the hostile sheet applied, to look at the page as it is then.
 */
function movedOnHostilePage(measure: () => string[], whileHostile = () => {}) {
  const clean = measure();
  const removeHostile = pageStyle(HOSTILE);
  try {
    whileHostile();
    const hostile = measure();
    expect(hostile.length).to.equal(clean.length);
    return hostile
      .map((line, i) => (line === clean[i] ? '' : `${clean[i]}  →  ${line}`))
      .filter(Boolean);
  } finally {
    removeHostile();
  }
}

/** A thread from test/support/states/, in the same box as the clean-page test's. */
async function inState(name: string) {
  const el = await stateNamed(threadStates, name).render('en');
  el.parentElement!.style.cssText = 'width: 640px; font: 16px/1.2 Arial, sans-serif; color: #222';
  return el;
}

describe('isolation from the host page', () => {
  for (const name of [
    'write: a reader who can vote, flag, comment and answer (empty form)',
    'write: the answer form, errors in the text, the name and the email',
    'write: comments, a comment too short, notify ticked without an email',
    'write: own answer, an edit too short',
    'write: own answer, asking to confirm the removal',
  ]) {
    it(`keeps the write UI where it is on a hostile page: ${name.replace('write: ', '')}`, async () => {
      const thread = await inState(name);
      expect(movedOnHostilePage(() => boxes(thread))).to.deep.equal([]);
    });
  }

  it('keeps the flag dialog as it is on a hostile page, its note error included', async () => {
    const thread = await inState('write: the flag dialog, "something else" without a note');
    const dialog = deep(thread, 'quanda-answer[data-id="a2"]', 'quanda-flag-dialog', 'dialog')!;
    const size = () => {
      const box = dialog.getBoundingClientRect();
      return [`dialog ${Math.round(box.width)}×${Math.round(box.height)}`, ...boxes(dialog)];
    };
    expect(movedOnHostilePage(size)).to.deep.equal([]);
    // The backdrop is ours too.
    const removeHostile = pageStyle(HOSTILE);
    try {
      expect(getComputedStyle(dialog, '::backdrop').backgroundColor).to.equal('rgba(0, 0, 0, 0.4)');
    } finally {
      removeHostile();
    }
  });

  it('keeps every box of the thread where it is on a hostile page', async () => {
    const box = fixtureSync<HTMLElement>(
      html`<section style="width: 640px; font: 16px/1.2 Arial, sans-serif; color: #222">
        <quanda-thread
          .client=${new ScriptedClient().always(ok(markedThread({nextCursor: 'c1'})))}
          question-id="q1"
        ></quanda-thread>
      </section>`,
    );
    const thread = box.querySelector('quanda-thread')!;
    await waitUntil(() => $(thread, 'quanda-answer'), 'the thread did not load');
    await rendered(thread);
    const moved = movedOnHostilePage(
      () => boxes(thread),
      () => {
        // The attack reached the host…
        expect(getComputedStyle(thread).letterSpacing).to.equal('3px');
        expect(getComputedStyle(thread).lineHeight).to.equal('48px');
      },
    );
    // …and stopped there.
    expect(moved).to.deep.equal([]);
  });
});
