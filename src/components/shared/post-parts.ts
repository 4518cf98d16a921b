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

/** What the author edits: their Markdown (or text); empty when the backend sent none. */
export function editableText(body: PostBody): string {
  return body.format === 'text' ? body.text : body.format === 'markdown' ? (body.source ?? '') : '';
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

/*
 * Parts each element passes up with `exportparts`, so one `::part()` rule on the thread
 * reaches them however deep they sit. The forms and the flag dialog share field names
 * (one rule styles every textarea); their `actions` become `form-actions`, apart from a
 * post's Edit/Remove/Flag `actions`. Commas without spaces: the lists are long, and
 * `exportparts` needs none.
 */
const FIELDS =
  'form,label,textarea,field-error,form-error,actions:form-actions,submit-button,cancel-button';
/** Every writing form's Markdown toolbar, preview and draft line. */
export const EDITOR_PARTS =
  'toolbar,tool-button,write-button,preview-button,preview,draft-status,discard-button';
/** On `<quanda-edit-form>`. */
export const EDIT_FORM_PARTS = `${FIELDS},${EDITOR_PARTS}`;
/** On `<quanda-flag-dialog>`. */
export const FLAG_DIALOG_PARTS = `dialog,heading:dialog-heading,${FIELDS}`;
/** On `<quanda-comment-form>`. */
export const COMMENT_FORM_PARTS = `hint,input,checkbox,${FIELDS},${EDITOR_PARTS}`;
/** On `<quanda-vote>`, beside a question or an answer. */
export const VOTE_PARTS = 'score,score-label,up-button,down-button,note:vote-note';
/** What an element with post actions, forms and the dialog inside exposes, as named outside. */
export const WRITE_PARTS =
  'actions,edit-button,remove-button,confirm-remove-button,keep-button,flag-button,' +
  'action-error,dialog,dialog-heading,form,label,hint,textarea,input,checkbox,' +
  `field-error,form-error,form-actions,submit-button,cancel-button,${EDITOR_PARTS}`;
/** On `<quanda-comments>`, inside a question or an answer. */
export const COMMENTS_PARTS =
  'earlier-button,comment-list,comment,comment-body,comment-meta,add-comment-button,' +
  `author,edited:comment-edited,status-note,${WRITE_PARTS}`;
