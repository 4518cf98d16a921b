/**
 * Rich text on the reference server: a post's Markdown becomes the HTML the server
 * stores and sends, rendered by the same parser with the same options as the browser's
 * preview (src/markdown/), then sanitized with the same allow-list as the widget.
 *
 * The sanitizer is DOMPurify on jsdom: the one DOMPurify the widget falls back to, with
 * the same configuration, on a DOM whose HTML parser (parse5) follows the HTML standard
 * as browsers do; DOMPurify's authors recommend jsdom for this and warn against lighter
 * DOMs whose parsers differ from a browser's (the gap mutation XSS lives in). jsdom is
 * heavy to load, so it loads with the first post written, not at start-up, and posts are
 * rendered once, when written, never when read.
 *
 * The widget sanitizes again before anything touches the page: this is the second wall,
 * and what lets a backend's stored HTML be trusted by other readers of the API.
 */
/// <reference path="./jsdom.d.ts" />
import createDOMPurify from 'dompurify';
import type {WindowLike} from 'dompurify';
import {markdownToHtml} from '../markdown/markdown.js';
import * as allowList from '../sanitize/allow-list.js';
import {purifier} from '../sanitize/purify.js';

let sanitizer: Promise<(html: string) => string> | undefined;

function loadSanitizer() {
  return (sanitizer ??= import('jsdom').then(({JSDOM}) => {
    const {window} = new JSDOM('<!doctype html><html><body></body></html>');
    const sanitize = purifier(createDOMPurify(window as unknown as WindowLike), allowList);
    const box = window.document.createElement('div');
    return (html: string) => {
      box.replaceChildren(sanitize(html));
      return box.innerHTML;
    };
  }));
}

/** HTML, sanitized as the widget sanitizes it. */
export async function sanitizeHtml(html: string): Promise<string> {
  return (await loadSanitizer())(html);
}

/** A post's Markdown source → the sanitized HTML stored and sent with it. */
export function renderMarkdown(source: string): Promise<string> {
  return sanitizeHtml(markdownToHtml(source));
}
