/**
 * The writing forms' preview: the reader's Markdown rendered by the parser the reference
 * server renders with (markdown.ts), then sanitized exactly as the thread sanitizes a
 * post, so the preview shows what other readers will see. Loaded on the first preview.
 */
import {sanitize, sanitizerReady} from '../sanitize/sanitize.js';
import {escape, markdownToHtml, tooComplex} from './markdown.js';

export async function renderPreview(source: string): Promise<DocumentFragment> {
  await sanitizerReady();
  // What the server would refuse as too complex shows as plain text, quickly: the form
  // says why once the server has answered.
  const html = tooComplex(source) ? `<p>${escape(source)}</p>` : markdownToHtml(source);
  return sanitize(html)!;
}
