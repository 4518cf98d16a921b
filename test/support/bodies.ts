import type {PostBody} from '../../src/api/schemas.js';

/**
 * The words a reader sees in a post body, for tests that check which post is which: the
 * text of a plain-text body, the text of a one-paragraph Markdown or HTML body.
 */
export function shownText(body: PostBody): string {
  if (body.format === 'text') return body.text;
  return body.html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}
