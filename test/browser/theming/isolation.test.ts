import {aTimeout, expect, fixtureSync, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {$} from '../../support/dom.js';
import {pageStyle} from '../../support/page-style.js';
import {ScriptedClient, ok} from '../../support/scripted-client.js';
import {composedElements, markedThread} from '../../support/states.js';

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
`;

/** Every box inside the thread, relative to the thread, rounded to half pixels. */
function boxes(thread: QuandaThread) {
  const origin = thread.getBoundingClientRect();
  const round = (n: number) => Math.round(n * 2) / 2;
  return (
    composedElements(thread)
      // Zero-size boxes (a closed <select>'s options) have no place to keep.
      .filter((node) => node !== thread && node.getBoundingClientRect().width > 0)
      .map((node) => {
        const r = node.getBoundingClientRect();
        const name = `${node.localName}${node.getAttribute('part') ? `[${node.getAttribute('part')}]` : ''}`;
        return `${name} ${round(r.x - origin.x)},${round(r.y - origin.y)} ${round(r.width)}×${round(r.height)}`;
      })
  );
}

describe('isolation from the host page', () => {
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
    await aTimeout(0);
    const clean = boxes(thread);
    const removeHostile = pageStyle(HOSTILE);
    try {
      // The attack reached the host…
      expect(getComputedStyle(thread).letterSpacing).to.equal('3px');
      expect(getComputedStyle(thread).lineHeight).to.equal('48px');
      // …and stopped there.
      const hostile = boxes(thread);
      const moved = hostile
        .filter((line, i) => line !== clean[i])
        .map((line) => {
          const i = hostile.indexOf(line);
          return `${clean[i]}  →  ${line}`;
        });
      expect(moved).to.deep.equal([]);
      expect(hostile.length).to.equal(clean.length);
    } finally {
      removeHostile();
    }
  });
});
