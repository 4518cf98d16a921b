/**
 * The sender loop: claims due mail from the outbox under a lease, sends each group as one
 * mail over SMTP (nodemailer), and marks it. Any number of server processes may run one
 * on the same database: the lease gives each row to one of them at a time, and a row is
 * marked sent only by the claim that holds it.
 *
 * Exactly once, and the one case SMTP leaves open: a mail is marked sent after the SMTP
 * server accepted it. If the process dies, or the connection drops, after the server
 * accepted the message but before the sender read its reply and recorded it, the row's
 * lease runs out and the mail is sent again: at most one duplicate, with the same
 * Message-ID, so mail systems that look can drop it. Every other failure (refused,
 * timed out, killed before the end of the message) leaves nothing delivered, and the
 * retry delivers it once.
 *
 * A temporary failure (a 4xx reply, a refused or dropped connection, a timeout) is tried
 * again later, each time waiting twice as long, up to 15 minutes, for three days; a
 * permanent one (5xx) is recorded and not tried again.
 */
import type {Kysely} from 'kysely';
import nodemailer from 'nodemailer';
import type {Transporter} from 'nodemailer';
import type {MailConfig} from '../config.js';
import type {DB} from '../db/database.js';
import {MailOutbox} from './outbox.js';
import type {Claim} from './outbox.js';
import {confirmationMail, excerpt, notificationMail} from './templates.js';
import type {ComposedMail, MailItem} from './templates.js';
import {loadMailKey, signToken} from './tokens.js';
import type {TokenPurpose} from './tokens.js';

/** How many groups one pass claims. */
const BATCH = 20;
/** Waits after a temporary failure double from `retrySeconds` up to this. */
const MAX_BACKOFF = 15 * 60_000;
/** A mail still failing after this long is given up. */
const GIVE_UP = 3 * 86_400_000;

export interface SenderOptions {
  db: Kysely<DB>;
  config: MailConfig;
  /** Defaults to nodemailer's SMTP pool for `config.smtpUrl`. */
  transport?: Transporter;
  clock?: () => Date;
  /** One line per mail sent or failed; never an address. */
  log?: (line: string) => void;
  /** How often to look for due mail when nothing wakes the sender earlier (ms). */
  pollMs?: number;
}

/** The links of a mail, by purpose: where the mail pages answer (pages.ts, under `/mail`). */
export function mailLink(publicUrl: string, purpose: TokenPurpose, token: string): string {
  const path = purpose === 'confirm' ? 'confirm' : 'unsubscribe';
  const kind = purpose === 'stop' ? '&all=1' : '';
  return `${publicUrl}/mail/${path}?token=${encodeURIComponent(token)}${kind}`;
}

/**
 * Whether a mail about a post still has something to say when it is sent: readers hear of
 * published posts only; moderators of a post still waiting, or still hidden.
 */
function stillNews(row: {event: string}, questionStatus: string, postStatus: string): boolean {
  if (row.event === 'pending' || row.event === 'hidden') return postStatus === row.event;
  return postStatus === 'published' && questionStatus !== 'removed';
}

/** An SMTP reply or error as the outbox and the log may keep it: never an address. */
export function redact(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<address>').slice(0, 300);
}

export class MailSender {
  readonly #db: Kysely<DB>;
  readonly #config: MailConfig;
  readonly #transport: Transporter;
  readonly #ownsTransport: boolean;
  readonly #clock: () => Date;
  readonly #log: (line: string) => void;
  readonly #pollMs: number;
  readonly #outbox: MailOutbox;
  #key?: Promise<string>;
  #timer?: NodeJS.Timeout;
  #running?: Promise<void>;
  #again = false;
  #stopped = true;

  constructor(options: SenderOptions) {
    this.#db = options.db;
    this.#config = options.config;
    this.#ownsTransport = !options.transport;
    this.#transport =
      options.transport ??
      (nodemailer.createTransport({
        url: options.config.smtpUrl,
        pool: true,
        maxConnections: 4,
        // Well inside the lease, so a hung server never lets another sender take a mail over
        // while this one may still deliver it.
        connectionTimeout: 20_000,
        greetingTimeout: 20_000,
        socketTimeout: 30_000,
      } as Parameters<typeof nodemailer.createTransport>[0]) as Transporter);
    this.#clock = options.clock ?? (() => new Date());
    this.#log = options.log ?? console.log;
    this.#pollMs = options.pollMs ?? 1000;
    this.#outbox = new MailOutbox(this.#db, this.#clock);
  }

  start() {
    this.#stopped = false;
    this.kick();
  }

  /** Looks for due mail now (a write just queued some), or right after the pass under way. */
  kick() {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#pass().finally(() => {
      this.#running = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.kick();
      } else {
        this.#timer = setTimeout(() => this.kick(), this.#pollMs);
        this.#timer.unref();
      }
    });
  }

  /** Stops looking and waits for the mails in flight. */
  async stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    if (this.#ownsTransport) this.#transport.close();
  }

  async #pass() {
    try {
      while (!this.#stopped && (await this.sendDue()) === BATCH);
    } catch (error) {
      this.#log(`Quanda: mail: ${redact(error instanceof Error ? error.message : String(error))}`);
    }
  }

  /** One pass: claims due groups and sends them; resolves with how many groups it claimed. */
  async sendDue(): Promise<number> {
    const claims = await this.#outbox.claim(BATCH, this.#config.leaseSeconds);
    await Promise.all(claims.map((claim) => this.#send(claim)));
    return claims.length;
  }

  async #send(claim: Claim) {
    const composed = await this.#compose(claim);
    if (!composed) {
      await this.#outbox.finish(claim, 'dropped');
      return;
    }
    const {mail, unsubscribeUrl} = composed;
    const first = claim.rows[0];
    const publicHost = new URL(this.#config.publicUrl).hostname;
    try {
      await this.#transport.sendMail({
        from: this.#config.from,
        to: claim.address.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The same for every attempt at this mail: a duplicate after a lost reply can be told.
        messageId: `<${first.id}.${first.group_key.replace(/[^a-z0-9]/gi, '')}@${publicHost}>`,
        list: {unsubscribe: {url: unsubscribeUrl, comment: 'Unsubscribe'}},
        headers: {
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
      });
    } catch (error) {
      await this.#failed(claim, error);
      return;
    }
    await this.#outbox.finish(claim, 'sent');
    this.#log(`Quanda: mail sent (${first.event}, ${claim.rows.length} in it)`);
  }

  async #failed(claim: Claim, error: unknown) {
    const {responseCode, message} = error as {responseCode?: number; message?: string};
    const reason = redact(String(message ?? error));
    const first = claim.rows[0];
    const permanent = typeof responseCode === 'number' && responseCode >= 500;
    const now = this.#clock().getTime();
    if (permanent || now - Date.parse(first.created_at) > GIVE_UP) {
      await this.#outbox.finish(claim, 'failed', reason);
      this.#log(`Quanda: mail not sent, given up (${first.event}): ${reason}`);
      return;
    }
    const firstWait = this.#config.retrySeconds * 1000;
    const wait = Math.min(MAX_BACKOFF, firstWait * 2 ** Math.max(0, first.attempts - 1));
    await this.#outbox.retry(claim, new Date(now + wait), reason);
    this.#log(`Quanda: mail not sent yet, trying again in ${Math.round(wait / 1000)} s: ${reason}`);
  }

  #link(purpose: TokenPurpose, id: string): Promise<string> {
    this.#key ??= loadMailKey(this.#db);
    return this.#key.then((key) =>
      mailLink(this.#config.publicUrl, purpose, signToken(key, purpose, id)),
    );
  }

  /** The mail a claim becomes, or null when nothing in it is still to be said. */
  async #compose(claim: Claim): Promise<{mail: ComposedMail; unsubscribeUrl: string} | null> {
    const {address, rows} = claim;
    const first = rows[0];
    const stopUrl = await this.#link('stop', address.id);
    if (first.event === 'confirm') {
      const page = first.question_id ? await this.#outbox.page(first.question_id) : null;
      const mail = confirmationMail(
        address.locale,
        this.#site(page),
        await this.#link('confirm', address.id),
        this.#config.unconfirmedDays,
      );
      return {mail, unsubscribeUrl: stopUrl};
    }
    // Moderators' mails have no subscription: they stop with the address's link.
    const subscription = first.subscription_id
      ? await this.#outbox.subscription(first.subscription_id)
      : null;
    if (first.subscription_id && !subscription) return null;
    const {items, page} = await this.#items(rows);
    if (!items.length) return null;
    const unsubscribeUrl = subscription
      ? await this.#link('unsubscribe', subscription.id)
      : stopUrl;
    const locale = subscription?.locale ?? address.locale;
    const footer = {moderator: !subscription, unsubscribeUrl};
    return {mail: notificationMail(locale, this.#site(page), items, footer), unsubscribeUrl};
  }

  /** Each row that is still news, as the mail tells it, and the article page to link to. */
  async #items(rows: Claim['rows']) {
    const posts = await this.#posts(rows);
    const items: MailItem[] = [];
    let page: string | null = null;
    const post = (id: string | null) => (id === null ? undefined : posts.get(id));
    for (const row of rows) {
      const question = post(row.question_id);
      const about = post(row.event_post_id);
      if (!question || !about || !stillNews(row, question.status, about.status)) continue;
      page = await this.#outbox.page(question.id);
      items.push({
        event: row.event as MailItem['event'],
        subscribedKind: post(row.post_id)?.kind ?? null,
        title: question.title ?? '',
        excerpt: row.event === 'best' ? null : excerpt(about),
        link: this.#questionLink(page, question.id),
      });
    }
    return {items, page};
  }

  /** The posts a claim's rows name, by id. */
  async #posts(rows: Claim['rows']) {
    const ids = new Set<string>();
    for (const row of rows) {
      for (const id of [row.post_id, row.event_post_id, row.question_id]) if (id) ids.add(id);
    }
    const posts = await this.#db
      .selectFrom('posts')
      .select(['id', 'kind', 'status', 'title', 'body', 'body_format', 'body_html'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(posts.map((post) => [post.id, post]));
  }

  /** The site's name in mails: the article page's host, else this server's. */
  #site(page: string | null): string {
    return new URL(page ?? this.#config.publicUrl).hostname;
  }

  /** The article page with the question open; without a known page, this server's root. */
  #questionLink(page: string | null, questionId: string): string {
    const url = new URL(page ?? `${this.#config.publicUrl}/`);
    url.hash = `quanda=${encodeURIComponent(questionId)}`;
    return url.href;
  }
}
