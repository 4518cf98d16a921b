/**
 * The pages mail links open, under `/mail` on the server's public URL: confirming an
 * address and stopping mail. Plain HTML, no script, in the subscriber's language.
 *
 * Opening a link changes nothing: mail systems open links to scan them, and some run the
 * page's scripts. The reader presses a button, which POSTs. The one exception is the
 * RFC 8058 one-click unsubscribe, which mail providers send as a POST to the same URL
 * (`List-Unsubscribe=One-Click`, form-encoded, no cookies, no Origin): it is the same POST
 * as the page's button, and needs nothing else.
 *
 * Tokens travel in the query string, which the server never logs.
 */
import {createHash} from 'node:crypto';
import {Hono} from 'hono';
import type {Context} from 'hono';
import type {Kysely} from 'kysely';
import type {DB} from '../db/database.js';
import {mailDirection, mailLocale, mailText} from './messages/index.js';
import type {MailKey} from './messages/index.js';
import {MailOutbox} from './outbox.js';
import {escape} from './templates.js';
import {loadMailKey, signToken, verifyToken} from './tokens.js';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:2em auto;padding:0 1em;color-scheme:light dark}' +
  'button{font:inherit;padding:.5em 1em;margin:.5em 0}form{margin:1.5em 0}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** No script at all, this page's one style block, and forms that post only back here. */
const PAGE_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface MailPagesOptions {
  db: Kysely<DB>;
  /** The site's name on the pages (the public URL's host). */
  site: string;
  /** After a confirmation: mails that waited for it may go now. */
  wake?: () => void;
}

type Piece = {text: string} | {button: string; action: string};

export function createMailPages({db, site, wake = () => undefined}: MailPagesOptions) {
  const pages = new Hono();
  const outbox = new MailOutbox(db);
  let key: Promise<string> | undefined;
  const mailKey = () => (key ??= loadMailKey(db));

  pages.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', PAGE_POLICY);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex');
    c.header('X-Content-Type-Options', 'nosniff');
  });

  const render = (
    c: Context,
    locale: string,
    title: MailKey,
    pieces: Piece[],
    status: 200 | 404 = 200,
  ) => {
    const t = (key: MailKey) => escape(mailText(locale, key, {site}));
    const body = pieces
      .map((piece) =>
        'text' in piece
          ? `<p>${escape(piece.text)}</p>`
          : `<form method="post" action="${escape(piece.action)}"><button type="submit">${escape(piece.button)}</button></form>`,
      )
      .join('');
    return c.html(
      `<!doctype html><html lang="${locale}" dir="${mailDirection(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${t(title)}</title><style>${STYLE}</style></head><body><h1>${t(title)}</h1>${body}</body></html>`,
      status,
    );
  };

  const invalid = (c: Context) => {
    const locale = mailLocale(c.req.header('accept-language')?.split(/[,;]/)[0]);
    return render(
      c,
      locale,
      'page.invalid.title',
      [{text: mailText(locale, 'page.invalid.text')}],
      404,
    );
  };

  const text = (locale: string, key: MailKey) => ({text: mailText(locale, key, {site})});
  const button = (locale: string, key: MailKey, action: string) => ({
    button: mailText(locale, key, {site}),
    action,
  });

  pages.on(['GET', 'POST'], '/confirm', async (c) => {
    const id = verifyToken(await mailKey(), 'confirm', c.req.query('token'));
    const address = id ? await outbox.address(id) : undefined;
    if (!address) return invalid(c);
    const {locale} = address;
    const posted = c.req.method === 'POST';
    if (posted && address.confirmed_at === null) {
      await outbox.confirm(address.id);
      wake();
    }
    if (posted || address.confirmed_at !== null) {
      return render(c, locale, 'page.confirm.title', [text(locale, 'page.confirmed.text')]);
    }
    return render(c, locale, 'page.confirm.title', [
      text(locale, 'page.confirm.text'),
      button(locale, 'page.confirm.button', selfUrl(c)),
    ]);
  });

  pages.on(['GET', 'POST'], '/unsubscribe', async (c) => {
    const key = await mailKey();
    return c.req.query('all') === '1' ? stopAll(c, key) : unsubscribe(c, key);
  });

  /** "Stop all mail to this address": a page with the button, or (POST) done. */
  async function stopAll(c: Context, key: string) {
    const id = verifyToken(key, 'stop', c.req.query('token'));
    const address = id ? await outbox.address(id) : undefined;
    if (c.req.method === 'POST' && id) {
      // Stopping twice, or an address already gone, is still "stopped".
      if (address) await outbox.stopAll(id);
      const locale = address?.locale ?? 'en';
      return render(c, locale, 'page.unsubscribe.title', [text(locale, 'page.stopped.text')]);
    }
    if (!address) return invalid(c);
    return render(c, address.locale, 'page.unsubscribe.title', [
      text(address.locale, 'page.stop.text'),
      button(address.locale, 'page.stop.button', selfUrl(c)),
    ]);
  }

  /** One post's mails: a page with the button and "stop all", or (POST, one-click too) done. */
  async function unsubscribe(c: Context, key: string) {
    const id = verifyToken(key, 'unsubscribe', c.req.query('token'));
    if (!id) return invalid(c);
    const subscription = await outbox.subscription(id);
    const locale = subscription?.locale ?? 'en';
    // Signed by this server and already ended: the link did what it says.
    if (!subscription) {
      return render(c, locale, 'page.unsubscribe.title', [text(locale, 'page.unsubscribed.text')]);
    }
    const stop = signToken(key, 'stop', subscription.address_id);
    const offerStop = [
      text(locale, 'page.stop.text'),
      button(locale, 'page.stop.button', `unsubscribe?token=${encodeURIComponent(stop)}&all=1`),
    ];
    if (c.req.method === 'POST') {
      await outbox.unsubscribe(id);
      return render(c, locale, 'page.unsubscribe.title', [
        text(locale, 'page.unsubscribed.text'),
        ...offerStop,
      ]);
    }
    return render(c, locale, 'page.unsubscribe.title', [
      text(locale, 'page.unsubscribe.text'),
      button(locale, 'page.unsubscribe.button', selfUrl(c)),
      ...offerStop,
    ]);
  }

  return pages;
}

/** This page's own address, relative, for its form to post back to. */
function selfUrl(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname.split('/').pop()}${url.search}`;
}
