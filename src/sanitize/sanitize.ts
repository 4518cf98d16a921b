/**
 * Every piece of HTML the widget shows passes here first, whoever sent it: a post's body
 * from any backend, and the writing forms' preview. Nothing is parsed into the page
 * unsanitized, and nothing goes through Lit's `unsafeHTML` (which Trusted Types do not
 * cover): the sanitized nodes are handed to Lit as nodes.
 *
 * Where the browser has the HTML Sanitizer API (`Element.setHTML`, Chromium and
 * Firefox), it does the work with Quanda's allow-list: no code to download, and no
 * Trusted Types policy needed, since `setHTML` is not an injection sink. Elsewhere
 * DOMPurify, with the same lists, loads on first use (see fallback.ts).
 */
import {allowedElements, finishLinks, unwrappedElements} from './allow-list.js';

/** The allow-list in the Sanitizer API's terms; no global attributes, no comments. */
const sanitizer = {
  elements: Object.entries(allowedElements).map(([name, attributes]) => ({name, attributes})),
  attributes: [],
  replaceWithChildrenElements: unwrappedElements,
  comments: false,
  dataAttributes: false,
};

type Sanitize = (html: string) => DocumentFragment;

declare global {
  interface Element {
    /** The HTML Sanitizer API; not in TypeScript's DOM types yet, and not in every browser. */
    setHTML?(html: string, options?: {sanitizer?: object}): void;
  }
}

let fallback: Sanitize | Promise<Sanitize> | undefined;

/**
 * Sanitized nodes for `html`, in a fragment ready to insert. Undefined while the fallback
 * sanitizer is still loading: `sanitizerReady()` says when to ask again.
 */
export function sanitize(html: string): DocumentFragment | undefined {
  // Asked each time, not once: a test (or a polyfill) may take the method away.
  if ('setHTML' in Element.prototype) {
    // On a template, setHTML fills its content: the fragment to hand back, inert until used.
    const template = document.createElement('template');
    template.setHTML!(html, {sanitizer});
    finishLinks(template.content);
    return template.content;
  }
  if (typeof fallback === 'function') return fallback(html);
  void sanitizerReady();
  return undefined;
}

/** Resolves once `sanitize` answers at once (at once where the browser sanitizes natively). */
export async function sanitizerReady(): Promise<void> {
  if ('setHTML' in Element.prototype) return;
  fallback ??= import('./fallback.js').then(
    (module) =>
      (fallback = module.fallbackSanitizer({allowedElements, unwrappedElements, finishLinks})),
    (error: unknown) => {
      fallback = undefined; // a flaky network: let the next post try again
      throw error;
    },
  );
  await fallback;
}
