/**
 * The one Markdown parser Quanda uses, with its options: the reference server renders
 * stored answers with it, and the writing forms' preview renders the reader's draft with
 * it, so the preview shows what the thread will show. Both sanitize the result with the
 * same allow-list (src/sanitize/) afterwards.
 *
 * markdown-it is safe by default where it matters here: raw HTML is text, not markup
 * (`html: false`), and links to `javascript:`, `vbscript:`, `file:` and `data:` are not
 * made into links. On top of CommonMark: a single line break is a line break (readers
 * type into a plain textarea), and no images or rules, which the thread does not show.
 *
 * Loaded lazily in the browser (the preview), never in the first load.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt('commonmark', {
  html: false,
  breaks: true,
  linkify: false,
  typographer: false,
});
markdown.disable(['image', 'hr']);

// An answer's "# Heading" sits under the page's h1 and the thread's h2: shift every level
// by two (h1 → h3, h2 → h4, deeper → h5/h6), the range the allow-list keeps.
markdown.core.ruler.push('quanda_heading_levels', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 2)}`;
    }
  }
  return true;
});

/** Markdown source → HTML, not yet sanitized. */
export function markdownToHtml(source: string): string {
  return markdown.render(source);
}
