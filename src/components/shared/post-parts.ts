import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import type {Author, LastEdit, PostBody} from '../../api/schemas.js';
import type {Localizer} from '../../i18n/localizer.js';
import {sanitizedHtml} from './sanitized-html.js';
import type {Queued} from '../../data/thread-view.js';

/** Plain text as paragraphs (blank lines) and line breaks (single newlines). Never HTML. */
export function plainText(text: string): TemplateResult[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => {
      const lines = paragraph.split('\n');
      return html`<p>${lines.map((line, i) => (i === 0 ? line : html`<br />${line}`))}</p>`;
    });
}

/** A post's text: plain text as paragraphs, anything else as sanitized HTML. */
export function postBody(body: PostBody): unknown {
  return body.format === 'text' ? plainText(body.text) : sanitizedHtml(body.html);
}

/** "Name (6.5K points)", or "anonymous". */
export function authorLabel(i18n: Localizer, author: Author): unknown[] {
  // dir="auto" isolates the name, so a Latin name in an Arabic line keeps its place.
  const name = html`<strong part="author" dir="auto">${authorText(i18n, author)}</strong>`;
  if (author.points === null) return [name];
  const count = i18n.compactCount(author.points);
  const points = i18n.t('post.points', {count, points: i18n.compact(author.points)});
  return i18n.parts('post.authorWithPoints', {name, points});
}

/** The author's name as plain text, for labels ("Answer by …"). */
export function authorText(i18n: Localizer, author: Author): string {
  return author.displayName || i18n.t('post.anonymous');
}

/** "3 days ago", with the exact date for those who hover or inspect. */
export function timeAgo(i18n: Localizer, iso: string, now: Date): TemplateResult {
  const date = new Date(iso);
  return html`<time datetime=${iso} title=${i18n.dateTime(date)}
    >${i18n.relativeTime(date, now)}</time
  >`;
}

/** "edited 2 days ago by Name", or nothing for a post never edited. */
export function editedLine(i18n: Localizer, lastEdit: LastEdit | null, now: Date) {
  if (!lastEdit) return nothing;
  const time = timeAgo(i18n, lastEdit.at, now);
  const text = lastEdit.by.displayName
    ? i18n.parts('post.edited', {time, author: authorLabel(i18n, lastEdit.by)})
    : i18n.parts('post.editedAnon', {time});
  return html`<p part="edited" class="meta">${text}</p>`;
}

/**
 * For an author looking at their own post that others cannot see yet (or any more), or
 * that waits to be sent.
 */
export function statusNote(i18n: Localizer, post: {status: string} & Queued) {
  if (post.status === 'published' && !post.queued) return nothing;
  const key = post.queued
    ? (`outbox.${post.queued}` as const)
    : post.status === 'pending'
      ? 'post.pending'
      : 'post.hiddenForOthers';
  return html`<p part="status-note" class="status-note">${i18n.t(key)}</p>`;
}
