/**
 * Rich text on the reference server: a post's Markdown becomes the HTML the server
 * stores and sends, rendered by the same parser with the same options as the browser's
 * preview (src/markdown/), then held to the same allow-list as the widget.
 *
 * Every render is bounded. A source the parser would spend long on (nesting deeper than
 * 16, or too many emphasis delimiters in one run of text) is refused by `tooComplex`,
 * which reads the source once; what remains renders in a few milliseconds on 12,000
 * characters of the worst inputs found (npm run bench), well inside a request, so it runs
 * on the event loop, before the write's transaction opens, with no worker pool.
 *
 * The allow-list pass here is linear, one scan over the tags. It used to be DOMPurify on
 * jsdom, and that was quadratic: jsdom rebuilds the array behind a live `childNodes` list
 * and behind `document.body` after each change to the tree, and DOMPurify reads them for
 * every node it visits, so n sibling blocks cost n² (3,000 paragraphs: 16 s, during which
 * no other request was answered). It no longer needs a DOM, because what it reads is the
 * parser's output, never a reader's HTML: the parser escapes every `<`, `>` and `"` the
 * reader typed (raw HTML is text), so each `<` starts a tag the parser wrote and each
 * attribute value is quoted and escaped. Each tag is kept if the allow-list has it (with
 * only its allowed attributes and a safe link target) and dropped otherwise, and anything
 * that does not read as a plain tag is escaped. No element that changes how HTML parses
 * (script, style, template, svg, math, comments) can come out of it.
 *
 * The widget sanitizes again before anything touches the page: this is the second wall,
 * and what lets a backend's stored HTML be trusted by other readers of the API.
 */
import {markdownToHtml, tooComplex} from '../markdown/markdown.js';
import type {Complexity} from '../markdown/markdown.js';
import {allowedElements, linkRel, safeHref} from '../sanitize/allow-list.js';

/** A post the server will not render, and why (the API answers 400 with the message). */
export class TooComplexError extends Error {
  override readonly name = 'TooComplexError';
  readonly reason: TooComplex;
  constructor(reason: TooComplex) {
    super(reasons[reason]);
    this.reason = reason;
  }
}

export type TooComplex = Complexity | 'time';

const reasons: Record<TooComplex, string> = {
  nesting: 'This text nests quotes or lists too deeply to show: use at most 16 levels',
  emphasis:
    'This text has too many * and _ in one paragraph to show: split it into paragraphs or use fewer',
  'list-item':
    'This text has a list item of more than 500 lines to show: separate its lines with blank lines',
  time: 'This text takes too long to show: make it simpler',
};

/** A tag as the parser writes one: a name, then `name="value"` attributes. */
const TAG = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<>]*")*)\s*\/?>$/;
const ATTRIBUTE = /([a-z][a-z-]*)="([^"]*)"/g;
const ENTITY: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'"};
const unescape = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITY[name]);
const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** One tag of the parser's output, held to the allow-list: the tag to keep, or ''. */
function allowedTag(tag: string): string {
  const match = TAG.exec(tag);
  if (!match) return tag.replace(/</g, '&lt;');
  const [, closing, name, attributes] = match as unknown as [string, string, string, string];
  const allowed = allowedElements[name];
  if (!allowed) return '';
  if (closing) return name === 'br' ? '' : `</${name}>`;
  let kept = '';
  for (const [, attribute, raw] of attributes.matchAll(ATTRIBUTE)) {
    if (!allowed.includes(attribute)) continue;
    const value = unescape(raw);
    if (attribute === 'href') {
      const href = safeHref(value);
      if (href !== null)
        kept += ` href="${escapeAttribute(href)}" rel="${linkRel}" target="_blank"`;
    } else if (/^\d{1,9}$/.test(value)) {
      kept += ` ${attribute}="${value}"`;
    }
  }
  return `<${name}${kept}>`;
}

/** The parser's HTML, held to the allow-list in one pass. */
export function allowListed(html: string): string {
  return html.replace(/<[^<>]*>?/g, allowedTag);
}

/** A post's Markdown source → the sanitized HTML stored and sent with it. */
export function renderMarkdown(source: string): string {
  const reason = tooComplex(source);
  if (reason) throw new TooComplexError(reason);
  return allowListed(markdownToHtml(source));
}
