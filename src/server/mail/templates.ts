/**
 * What each mail says and looks like: a plain-text and an HTML part in the subscriber's
 * language, built from fixed sentences, the question's title and short plain-text
 * excerpts of the new posts. Nothing a reader wrote reaches a subject or a header; in the
 * HTML part everything is escaped; there are no images, no remote resources and no
 * tracking links: every link goes straight to the article page or to a mail page.
 */
import type {MailEvent, PostKind} from '../db/database.js';
import {mailDirection, mailText} from './messages/index.js';
import type {MailKey} from './messages/index.js';

/** Characters of a post an excerpt keeps at most. */
export const EXCERPT_LENGTH = 200;

/** One event of a mail, with what it needs from the posts. */
export interface MailItem {
  event: Exclude<MailEvent, 'confirm'>;
  /** The kind of the subscriber's own post (what "your …" refers to). */
  subscribedKind: PostKind | null;
  title: string;
  /** Plain text, already shortened. */
  excerpt: string | null;
  /** The article page with the question open. */
  link: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** The confirmation mail: one link to a page with a button, and what happens otherwise. */
export function confirmationMail(
  locale: string,
  site: string,
  confirmUrl: string,
  days: number,
): ComposedMail {
  const t = (key: MailKey) => mailText(locale, key, {site, days});
  const text = [
    t('confirm.intro'),
    '',
    `${t('confirm.action')}: ${confirmUrl}`,
    '',
    t('confirm.ignore'),
  ];
  const html = [
    paragraph(t('confirm.intro')),
    paragraph(link(confirmUrl, t('confirm.action'))),
    small(t('confirm.ignore')),
  ];
  return {subject: t('subject.confirm'), text: lines(text), html: page(locale, html)};
}

/** A notification: each event with its excerpt and link, then why it came and how to stop it. */
export function notificationMail(
  locale: string,
  site: string,
  items: MailItem[],
  footer: {moderator: boolean; unsubscribeUrl: string},
): ComposedMail {
  const t = (key: MailKey, values: Record<string, string> = {}) =>
    mailText(locale, key, {site, ...values});
  const text: string[] = [];
  const html: string[] = [];
  for (const item of items) {
    const intro = t(eventKey(item), {title: item.title});
    text.push(intro);
    html.push(paragraph(escape(intro)));
    if (item.excerpt) {
      text.push('', ...item.excerpt.split('\n').map((line) => `> ${line}`));
      html.push(quote(item.excerpt));
    }
    text.push('', `${t('event.open')}: ${item.link}`, '');
    html.push(paragraph(link(item.link, t('event.open'))));
  }
  const why = t(footer.moderator ? 'footer.moderator' : 'footer.reader');
  text.push('-- ', why, `${t('footer.unsubscribe')}: ${footer.unsubscribeUrl}`);
  html.push(small(`${escape(why)}<br>${link(footer.unsubscribeUrl, t('footer.unsubscribe'))}`));
  const kinds = new Set(items.map(subjectKey));
  const subject = kinds.size === 1 ? t([...kinds][0]) : t('subject.several');
  return {subject, text: lines(text), html: page(locale, html)};
}

function eventKey(item: MailItem): MailKey {
  if (item.event !== 'comment') return `event.${item.event}`;
  return `event.comment.${item.subscribedKind ?? 'question'}`;
}

function subjectKey(item: MailItem): MailKey {
  if (item.event !== 'comment') return `subject.${item.event}`;
  return `subject.comment.${item.subscribedKind ?? 'question'}`;
}

/**
 * A post's text as a short plain excerpt: from the sanitized HTML the server rendered
 * (tags dropped, the few entities it writes decoded, blank runs collapsed), cut at a word
 * boundary. Never HTML: the HTML part escapes it like any other text.
 */
export function excerpt(post: {body: string; body_format: string; body_html: string | null}) {
  const plain =
    post.body_format === 'markdown' && post.body_html !== null
      ? decode(
          post.body_html
            .replace(/<\/(p|li|blockquote|h\d|pre)>|<br\s*\/?>/gi, '\n')
            .replace(/<[^>]*>/g, ''),
        )
      : post.body;
  const text = plain
    .replace(/[\t\f\v ]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  const chars = [...text];
  if (chars.length <= EXCERPT_LENGTH) return text;
  const cut = chars.slice(0, EXCERPT_LENGTH).join('');
  const space = cut.search(/\s\S*$/);
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};

function decode(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name in ENTITIES) return ENTITIES[name];
    const code = /^#x/i.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#/.test(name)
        ? Number(name.slice(1))
        : NaN;
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : whole;
  });
}

export function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[char]!,
  );
}

const lines = (parts: string[]) => `${parts.join('\n').trimEnd()}\n`;
const paragraph = (inner: string) => `<p style="margin:0 0 16px">${inner}</p>`;
const small = (inner: string) =>
  `<p style="margin:24px 0 0;font-size:13px;color:#555">${inner}</p>`;
const link = (href: string, text: string) => `<a href="${escape(href)}">${escape(text)}</a>`;
const quote = (text: string) =>
  `<blockquote style="margin:0 0 16px;padding:0 12px;border-inline-start:3px solid #ccc;color:#333">${escape(text).replace(/\n/g, '<br>')}</blockquote>`;

function page(locale: string, body: string[]): string {
  return `<!doctype html><html lang="${locale}" dir="${mailDirection(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em;margin:0 auto;padding:16px">${body.join('')}</body></html>`;
}
