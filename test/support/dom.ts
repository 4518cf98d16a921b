import {waitUntil} from '@open-wc/testing';

/** First match inside an element's shadow root. */
export const $ = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);

/** Every match inside an element's shadow root. */
export const $$ = (el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];

/** Visible words of a node, whitespace collapsed. */
export const text = (node: Node | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until a match appears inside the element's shadow root, and returns it. */
export async function waitFor(el: Element, selector: string, timeout = 5000): Promise<HTMLElement> {
  await waitUntil(() => $(el, selector), `nothing matched ${selector}`, {timeout});
  return $(el, selector)!;
}
