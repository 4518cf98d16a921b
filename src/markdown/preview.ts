/**
 * The writing forms' preview: the reader's Markdown rendered by the parser the reference
 * server renders with (markdown.ts), then sanitized exactly as the thread sanitizes a
 * post, so the preview shows what other readers will see. Loaded on the first preview.
 */
import {sanitize, sanitizerReady} from '../sanitize/sanitize.js';
import {markdownToHtml} from './markdown.js';

export async function renderPreview(source: string): Promise<DocumentFragment> {
  await sanitizerReady();
  return sanitize(markdownToHtml(source))!;
}
