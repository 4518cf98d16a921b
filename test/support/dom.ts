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

/** Every element in an element's composed tree (itself included), through shadow roots. */
export function composedElements(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element) => {
    out.push(node);
    for (const child of node.shadowRoot ? node.shadowRoot.children : []) visit(child);
    for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}

/** The text a reader gets, in document order, through shadow roots. */
export function composedText(root: Node): string {
  let out = '';
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent;
    if (node instanceof Element && node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return out;
}

/** The first match of the last selector, each looked up in the shadow root of the one before. */
export function deep(root: Element, ...selectors: string[]): HTMLElement | null {
  let node: Element | null = root;
  for (const selector of selectors) node = node?.shadowRoot?.querySelector(selector) ?? null;
  return node as HTMLElement | null;
}

interface Updating {
  isUpdatePending?: boolean;
  updateComplete?: Promise<unknown>;
}

/**
 * Resolves once every Lit element in the composed tree has rendered what it was last
 * given: an element that renders a child which then updates is waited for too.
 */
export async function rendered(root: Element): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const elements = composedElements(root) as (Element & Updating)[];
    await Promise.all(elements.flatMap((el) => (el.updateComplete ? [el.updateComplete] : [])));
    if (!composedElements(root).some((el) => (el as Element & Updating).isUpdatePending)) return;
  }
  throw new Error(`<${root.localName}> kept updating`);
}

/**
 * Resolves once attribute `name` of `target` has been "true" and changed again: a form or
 * button that marks itself busy while it sends (`aria-busy`, `aria-disabled`) has finished
 * the attempt. Call it before the attempt starts.
 */
export function busyThenDone(target: Element, name: string): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      if (!records.some((record) => record.oldValue === 'true')) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(target, {attributeFilter: [name], attributeOldValue: true});
  });
}
