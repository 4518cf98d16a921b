/**
 * The one Markdown parser Quanda uses, with its options: the reference server renders
 * stored answers with it, and the writing forms' preview renders the reader's draft with
 * it, so the preview shows what the thread will show. Both sanitize the result with the
 * same allow-list (src/sanitize/) afterwards.
 *
 * The parser is marked, chosen for its size: the preview is what a reader on a phone
 * downloads on pressing Preview. Minified and gzipped, marked 18 measured 16.7 kB,
 * micromark 4 16.4 kB and markdown-it 15 41.9 kB. Of the two small ones, marked is
 * GFM-compatible with a renderer configured in this one module, which the server runs too.
 * Its two costly shapes, deep nesting (recursion) and many emphasis delimiters in one run
 * of text (each opener scans ahead for its closer), are refused before parsing by
 * `tooComplex` below, which is cheap and linear.
 *
 * Quanda's rules on top of it: raw HTML is text, never markup; a single line break is a
 * line break (readers type into a plain textarea); no images, rules, tables, strikethrough
 * or bare-URL links, as CommonMark has none of the last three and the thread shows none of
 * the first two; headings are shifted down by two; links to anything but http(s) and
 * mailto stay text.
 *
 * Loaded lazily in the browser (the preview), never in the first load.
 */
import {Marked} from 'marked';
import type {Tokens} from 'marked';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** Protocols a link may have; anything else with a scheme stays text. */
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;
const linkable = (href: string) => {
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto';
};

const none = () => undefined;

const markdown = new Marked({async: false, gfm: true, breaks: true});
markdown.use({
  tokenizer: {
    // Typed HTML is text: without these, marked would pass it through as markup.
    html: none,
    tag: none,
    // CommonMark as readers know it: no tables, strikethrough or bare-URL links.
    table: none,
    del: none,
    url: none,
  },
  renderer: {
    // An answer's "# Heading" sits under the page's h1 and the thread's h2: shift every
    // level by two (h1 → h3, h2 → h4, deeper → h5/h6), the range the allow-list keeps.
    heading({tokens, depth}: Tokens.Heading) {
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({href, tokens, raw}: Tokens.Link) {
      if (!linkable(href)) return escape(raw);
      return `<a href="${escape(href)}">${this.parser.parseInline(tokens)}</a>`;
    },
    // No images: the text stays, as a link to the picture.
    image({href, text}: Tokens.Image) {
      if (!linkable(href)) return escape(`![${text}](${href})`);
      return `!<a href="${escape(href)}">${escape(text)}</a>`;
    },
    hr: ({raw}: Tokens.Hr) => `<p>${escape(raw.trim())}</p>\n`,
    checkbox: ({checked}: Tokens.Checkbox) => (checked ? '[x] ' : '[ ] '),
  },
});

/** What makes a source too complex to render: see `tooComplex`. */
export type Complexity = 'nesting' | 'emphasis' | 'list-item';

/**
 * Why a source is too complex to render, or null. Linear in its length, and run before
 * the parser, on the three shapes that cost the parser more than linear time:
 * - nesting deeper than `MAX_NESTING` (quotes and lists on one line, or list items
 *   indented further and further): the parser recurses into each level;
 * - emphasis: for each run of text, its `*` and `_` characters times its length, summed,
 *   over `MAX_EMPHASIS_WORK` (each opener scans ahead for its closer);
 * - long list items: for each item, the square of its lines that follow without a blank
 *   line, summed, over `MAX_ITEM_WORK` (each such line re-reads the item).
 */
export function tooComplex(source: string): Complexity | null {
  const emphasis = emphasisWork();
  const items = itemWork();
  for (const line of source.split('\n')) {
    const start = CONTAINERS.exec(line)?.[0] ?? '';
    const markers = start.match(MARKER) ?? [];
    if (markers.length && markers.length + indent(start) / 2 > MAX_NESTING) return 'nesting';
    const blank = !line.trim();
    // A blank line or a new block ends a run of text; a continued paragraph does not.
    emphasis.add(line, blank || !!start);
    // A list marker starts an item, a blank line ends it, any other line continues it.
    items.add(
      blank,
      markers.some((marker) => marker !== '>'),
    );
  }
  if (emphasis.total() > MAX_EMPHASIS_WORK) return 'emphasis';
  return items.total() > MAX_ITEM_WORK ? 'list-item' : null;
}

/** Emphasis work: for each run of text, its `*` and `_` times its length, summed. */
function emphasisWork() {
  let work = 0;
  let length = 0;
  let count = 0;
  return {
    add(line: string, endsRun: boolean) {
      if (endsRun) {
        work += count * length;
        length = count = 0;
      }
      length += line.length + 1;
      count += delimiters(line);
    },
    total: () => work + count * length,
  };
}

/** List item work: for each item, the square of the lines that continue it, summed. */
function itemWork() {
  let work = 0;
  let lines = -1;
  return {
    add(blank: boolean, listItem: boolean) {
      if (blank || listItem) {
        work += Math.max(0, lines) ** 2;
        lines = listItem ? 0 : -1;
      } else if (lines >= 0) lines++;
    },
    total: () => work + Math.max(0, lines) ** 2,
  };
}

/** The `*` and `_` of a line. */
function delimiters(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line.charCodeAt(i);
    if (char === 42 || char === 95) count++;
  }
  return count;
}

/** Block quotes and list markers at the start of a line, with the space around them. */
const CONTAINERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+[ \t]*/;
const MARKER = />|[-+*](?=[ \t]|$)|\d{1,9}[.)]/g;
const indent = (start: string) => /^[ \t]*/.exec(start)![0].replace(/\t/g, '    ').length;

/** Quotes and lists inside each other, deeper than any answer needs. */
export const MAX_NESTING = 16;
/** About 30 ms of the parser's worst emphasis on this project's benchmark machine. */
export const MAX_EMPHASIS_WORK = 2_000_000;
/** 500 lines in one list item without a blank line: about 2 ms, far more than any answer. */
export const MAX_ITEM_WORK = 250_000;

/** Markdown source → HTML, not yet sanitized. */
export function markdownToHtml(source: string): string {
  return markdown.parse(source) as string;
}
