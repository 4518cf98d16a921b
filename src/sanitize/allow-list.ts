/**
 * What rich text may contain, wherever it is sanitized: natively in the browser
 * (`Element.setHTML`), by DOMPurify where the browser has no Sanitizer API, and by the
 * reference server before it stores a post. One list, so the three agree.
 *
 * The list is what Markdown answers need and nothing else: paragraphs and line breaks,
 * emphasis, lists (an ordered list may start elsewhere than 1), links, quotes, code, and
 * headings h3–h6 (h1 and h2 belong to the page around the thread). No images, forms,
 * styles, frames, SVG or MathML, and no attributes but `href` and `start`.
 */

/** Element → the attributes it keeps. */
export const allowedElements: Record<string, string[]> = {
  p: [],
  br: [],
  strong: [],
  em: [],
  ol: ['start'],
  ul: [],
  li: [],
  a: ['href'],
  blockquote: [],
  code: [],
  pre: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
};

/**
 * Harmless wrappers another backend's HTML may use: they go, their text stays. Every
 * other element goes with its content (script, style, template, svg, math, form fields,
 * media, frames, and anything unknown).
 */
export const unwrappedElements = (
  'b i u s del ins span div font small sub sup mark abbr cite q kbd samp var h1 h2 ' +
  'section article header footer center dl dt dd table thead tbody tfoot tr td th caption'
).split(' ');

/** Links open in a new tab, pass no referrer and no opener, and vouch for nothing. */
export const linkRel = 'nofollow ugc noopener noreferrer';

/**
 * The absolute http(s) or mailto URL a link may keep, normalised by the URL parser the
 * browser navigates with (so `java\tscript:`, entity tricks and relative URLs that would
 * point into the host page all fail); null for any other.
 */
export function safeHref(href: string | null): string | null {
  try {
    const url = new URL(href!); // null reads as "null", which parses as no absolute URL
    return /^(https?|mailto):$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** The few DOM calls `finishLinks` makes on the browser's DOM. */
interface LinkRoot {
  querySelectorAll(selector: 'a'): Iterable<{
    getAttribute(name: string): string | null;
    setAttribute(name: string, value: string): void;
    removeAttribute(name: string): void;
  }>;
}

/** Keeps only safe link targets, and makes every remaining link open the safe way. */
export function finishLinks(root: LinkRoot): void {
  for (const link of root.querySelectorAll('a')) {
    const href = safeHref(link.getAttribute('href'));
    if (href === null) {
      link.removeAttribute('href');
      continue;
    }
    link.setAttribute('href', href);
    link.setAttribute('rel', linkRel);
    link.setAttribute('target', '_blank');
  }
}

/** The rules above, as one value for the DOMPurify setup (purify.ts). */
export interface AllowList {
  allowedElements: typeof allowedElements;
  unwrappedElements: typeof unwrappedElements;
  finishLinks: typeof finishLinks;
}
