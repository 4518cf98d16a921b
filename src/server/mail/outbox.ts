/**
 * Notification mail's tables: addresses (double opt-in), subscriptions, the outbox and
 * the article pages mails link to. `MailOutbox` runs on whatever Kysely handle it is given:
 * bound to a write's transaction (`Store.mail`), every row it writes commits or rolls back
 * with the write that caused it; on the database itself it is what the sender and the
 * mail pages use. Portable queries only (SQLite and PostgreSQL).
 */
import {randomBytes} from 'node:crypto';
import type {Kysely, Selectable, SelectQueryBuilder} from 'kysely';
import type {DB, MailEvent} from '../db/database.js';

export type OutboxRow = Selectable<DB['mail_outbox']>;
export type AddressRow = Selectable<DB['mail_addresses']>;

/** The viewer id moderators' addresses are kept under. */
export const MODERATORS = 'moderators';

/** Sent and failed rows are kept this long: a group's last mail decides when its next may go. */
const KEEP_DONE_DAYS = 30;

/** A new random id, as the store's (about 62 bits). */
export function mailId(): string {
  return Array.from(
    randomBytes(12),
    (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36],
  ).join('');
}

export interface NewMail {
  addressId: string;
  groupKey: string;
  event: MailEvent;
  subscriptionId?: string | null;
  postId?: string | null;
  eventPostId?: string | null;
  questionId?: string | null;
}

export interface Subscriber {
  subscriptionId: string;
  addressId: string;
  viewerId: string;
  postId: string;
}

/** A group of rows claimed for one mail, under one lease. */
export interface Claim {
  owner: string;
  rows: OutboxRow[];
  address: AddressRow;
}

const DAY = 86_400_000;

export class MailOutbox {
  readonly #db: Kysely<DB>;
  readonly #clock: () => Date;

  constructor(db: Kysely<DB>, clock: () => Date = () => new Date()) {
    this.#db = db;
    this.#clock = clock;
  }

  #now(): string {
    return this.#clock().toISOString();
  }

  /**
   * The reader's address for their post: the address row (one per reader and address,
   * created on first use), the subscription, and, when the address is new, its one
   * confirmation mail. Returns whether the address still waits for its confirmation.
   */
  async subscribe(given: {
    viewerId: string;
    email: string;
    locale: string;
    postId: string;
    questionId: string;
  }): Promise<{unconfirmed: boolean}> {
    const now = this.#now();
    const key = given.email.toLowerCase();
    let address = await this.#db
      .selectFrom('mail_addresses')
      .select(['id', 'confirmed_at'])
      .where('viewer_id', '=', given.viewerId)
      .where('email_key', '=', key)
      .executeTakeFirst();
    if (!address) {
      address = {id: mailId(), confirmed_at: null};
      await this.#db
        .insertInto('mail_addresses')
        .values({
          id: address.id,
          viewer_id: given.viewerId,
          email: given.email,
          email_key: key,
          locale: given.locale,
          confirmed_at: null,
          stopped_at: null,
          created_at: now,
        })
        .execute();
      await this.queue(
        {
          addressId: address.id,
          groupKey: `confirm:${address.id}`,
          event: 'confirm',
          questionId: given.questionId,
        },
        0,
      );
    }
    await this.#db
      .insertInto('mail_subscriptions')
      .values({
        id: mailId(),
        address_id: address.id,
        post_id: given.postId,
        locale: given.locale,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['address_id', 'post_id']).doNothing())
      .execute();
    return {unconfirmed: address.confirmed_at === null};
  }

  /** A moderator's address (from the configuration): confirmed by the site owner who listed it. */
  async moderator(email: string, locale: string): Promise<{id: string; stopped: boolean}> {
    const key = email.toLowerCase();
    const existing = await this.#db
      .selectFrom('mail_addresses')
      .select(['id', 'stopped_at'])
      .where('viewer_id', '=', MODERATORS)
      .where('email_key', '=', key)
      .executeTakeFirst();
    if (existing) return {id: existing.id, stopped: existing.stopped_at !== null};
    const id = mailId();
    const now = this.#now();
    await this.#db
      .insertInto('mail_addresses')
      .values({
        id,
        viewer_id: MODERATORS,
        email,
        email_key: key,
        locale,
        confirmed_at: now,
        stopped_at: null,
        created_at: now,
      })
      .execute();
    return {id, stopped: false};
  }

  /**
   * Adds a mail to the outbox. The first of a group goes out at once; one written within
   * `batchSeconds` of the group's last joins the next batch, due `batchSeconds` after that
   * one, so a burst becomes one more mail instead of many.
   */
  async queue(mail: NewMail, batchSeconds: number) {
    const now = this.#clock();
    const last = await this.#db
      .selectFrom('mail_outbox')
      .select('due_at')
      .where('group_key', '=', mail.groupKey)
      .orderBy('due_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const window = batchSeconds * 1000;
    let due = now.getTime();
    if (last && window > 0) {
      const lastDue = Date.parse(last.due_at);
      if (lastDue > due) due = lastDue;
      else if (lastDue > due - window) due = lastDue + window;
    }
    await this.#db
      .insertInto('mail_outbox')
      .values({
        id: mailId(),
        address_id: mail.addressId,
        group_key: mail.groupKey,
        event: mail.event,
        subscription_id: mail.subscriptionId ?? null,
        post_id: mail.postId ?? null,
        event_post_id: mail.eventPostId ?? null,
        question_id: mail.questionId ?? null,
        due_at: new Date(due).toISOString(),
        lease_owner: null,
        lease_until: null,
        last_error: null,
        created_at: now.toISOString(),
        sent_at: null,
      })
      .execute();
  }

  /** Who is subscribed to these posts, but not the given reader (the one who wrote). */
  async subscribers(postIds: string[], exceptViewerId: string | null): Promise<Subscriber[]> {
    return postIds.length ? this.#subscribedTo(postIds, exceptViewerId) : [];
  }

  /** Who is subscribed to the comments on a post (for a later comment there), but not `exceptViewerId`. */
  async commentSubscribers(parentId: string, exceptViewerId: string | null): Promise<Subscriber[]> {
    const comments = this.#db
      .selectFrom('posts')
      .select('id')
      .where('parent_id', '=', parentId)
      .where('kind', '=', 'comment');
    return this.#subscribedTo(comments, exceptViewerId);
  }

  /** The subscriptions to `posts` (ids, or a query of them), oldest first, but not `exceptViewerId`'s. */
  #subscribedTo(
    posts: string[] | SelectQueryBuilder<DB, 'posts', {id: string}>,
    exceptViewerId: string | null,
  ): Promise<Subscriber[]> {
    let query = this.#db
      .selectFrom('mail_subscriptions as s')
      .innerJoin('mail_addresses as a', 'a.id', 's.address_id')
      .select([
        's.id as subscriptionId',
        's.address_id as addressId',
        'a.viewer_id as viewerId',
        's.post_id as postId',
      ])
      .where('s.post_id', 'in', posts);
    if (exceptViewerId) query = query.where('a.viewer_id', '!=', exceptViewerId);
    return query.orderBy('s.created_at').execute();
  }

  /** The article page this question was last written from (when the widget said). */
  async setPage(questionId: string, url: string) {
    const now = this.#now();
    await this.#db
      .insertInto('question_pages')
      .values({question_id: questionId, url, updated_at: now})
      .onConflict((oc) => oc.column('question_id').doUpdateSet({url, updated_at: now}))
      .execute();
  }

  async page(questionId: string): Promise<string | null> {
    const row = await this.#db
      .selectFrom('question_pages')
      .select('url')
      .where('question_id', '=', questionId)
      .executeTakeFirst();
    return row?.url ?? null;
  }

  /** A post that is gone: nobody is told about it any more, and its subscriptions go. */
  async forgetPost(postId: string) {
    await this.#db
      .deleteFrom('mail_outbox')
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('post_id', '=', postId), eb('event_post_id', '=', postId)]))
      .execute();
    const subscriptions = this.#db
      .selectFrom('mail_subscriptions')
      .select('id')
      .where('post_id', '=', postId);
    await this.#db
      .deleteFrom('mail_outbox')
      .where('subscription_id', 'in', subscriptions)
      .execute();
    await this.#db.deleteFrom('mail_subscriptions').where('post_id', '=', postId).execute();
  }

  async address(id: string): Promise<AddressRow | undefined> {
    return this.#db
      .selectFrom('mail_addresses')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async subscription(id: string) {
    return this.#db
      .selectFrom('mail_subscriptions as s')
      .innerJoin('mail_addresses as a', 'a.id', 's.address_id')
      .select(['s.id', 's.post_id', 's.locale', 's.address_id', 'a.viewer_id'])
      .where('s.id', '=', id)
      .executeTakeFirst();
  }

  /** The reader confirmed: their waiting mails may go. */
  async confirm(addressId: string) {
    await this.#db
      .updateTable('mail_addresses')
      .set({confirmed_at: this.#now()})
      .where('id', '=', addressId)
      .where('confirmed_at', 'is', null)
      .execute();
  }

  /** One-click unsubscribe: no more mail about this post. */
  async unsubscribe(subscriptionId: string) {
    await this.#db
      .deleteFrom('mail_outbox')
      .where('subscription_id', '=', subscriptionId)
      .where('status', '=', 'pending')
      .execute();
    await this.#db.deleteFrom('mail_subscriptions').where('id', '=', subscriptionId).execute();
  }

  /**
   * "Stop all mail to this address": every reader's row for it goes, with their
   * subscriptions and waiting mails. A moderator's address is only stopped (it is in the
   * configuration, and would come back): the site owner removes it there.
   */
  async stopAll(addressId: string) {
    const address = await this.address(addressId);
    if (!address) return;
    await this.#db
      .updateTable('mail_addresses')
      .set({stopped_at: this.#now()})
      .where('email_key', '=', address.email_key)
      .where('viewer_id', '=', MODERATORS)
      .execute();
    const readers = this.#db
      .selectFrom('mail_addresses')
      .select('id')
      .where('email_key', '=', address.email_key)
      .where('viewer_id', '!=', MODERATORS);
    await this.#db.deleteFrom('mail_outbox').where('address_id', 'in', readers).execute();
    await this.#db.deleteFrom('mail_subscriptions').where('address_id', 'in', readers).execute();
    await this.#db
      .deleteFrom('mail_addresses')
      .where('email_key', '=', address.email_key)
      .where('viewer_id', '!=', MODERATORS)
      .execute();
  }

  /**
   * Unconfirmed addresses older than `days`, with their subscriptions and waiting mails;
   * and sent or failed rows past their use.
   */
  async purge(days: number): Promise<{addresses: number; mails: number}> {
    const now = this.#clock().getTime();
    const cutoff = new Date(now - days * DAY).toISOString();
    const stale = this.#db
      .selectFrom('mail_addresses')
      .select('id')
      .where('confirmed_at', 'is', null)
      .where('created_at', '<', cutoff);
    const waiting = await this.#db
      .deleteFrom('mail_outbox')
      .where('address_id', 'in', stale)
      .executeTakeFirst();
    await this.#db.deleteFrom('mail_subscriptions').where('address_id', 'in', stale).execute();
    const addresses = await this.#db
      .deleteFrom('mail_addresses')
      .where('confirmed_at', 'is', null)
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    const done = await this.#db
      .deleteFrom('mail_outbox')
      .where('status', '!=', 'pending')
      .where('created_at', '<', new Date(now - KEEP_DONE_DAYS * DAY).toISOString())
      .executeTakeFirst();
    return {
      addresses: Number(addresses.numDeletedRows),
      mails: Number(waiting.numDeletedRows) + Number(done.numDeletedRows),
    };
  }

  /**
   * Claims up to `limit` groups of due mail for `leaseSeconds`. A row is due when its
   * time has come, nobody holds a live lease on it, and its address may be written to
   * (confirmed, or this is the confirmation). Each group is claimed by one UPDATE whose
   * condition repeats the check, so of two senders racing for a row one gets it.
   */
  async claim(limit: number, leaseSeconds: number): Promise<Claim[]> {
    const now = this.#now();
    const candidates = await this.#db
      .selectFrom('mail_outbox as o')
      .innerJoin('mail_addresses as a', 'a.id', 'o.address_id')
      .select('o.group_key')
      .where('o.status', '=', 'pending')
      .where('o.due_at', '<=', now)
      .where((eb) => eb.or([eb('o.lease_until', 'is', null), eb('o.lease_until', '<', now)]))
      .where((eb) => eb.or([eb('o.event', '=', 'confirm'), eb('a.confirmed_at', 'is not', null)]))
      .where('a.stopped_at', 'is', null)
      .orderBy('o.due_at')
      .limit(limit * 4)
      .execute();
    const groups = [...new Set(candidates.map((row) => row.group_key))].slice(0, limit);
    const leaseUntil = new Date(this.#clock().getTime() + leaseSeconds * 1000).toISOString();
    const claims: Claim[] = [];
    for (const group of groups) {
      const owner = mailId();
      const claimed = await this.#db
        .updateTable('mail_outbox')
        .set((eb) => ({
          lease_owner: owner,
          lease_until: leaseUntil,
          attempts: eb('attempts', '+', 1),
        }))
        .where('group_key', '=', group)
        .where('status', '=', 'pending')
        .where('due_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      if (!Number(claimed.numUpdatedRows)) continue;
      const rows = await this.#db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('lease_owner', '=', owner)
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .execute();
      const address = rows[0] && (await this.address(rows[0].address_id));
      if (!address) continue;
      claims.push({owner, rows, address});
    }
    return claims;
  }

  /** The claim's mail was accepted (or is not to be sent: `dropped`). */
  async finish(claim: Claim, status: 'sent' | 'failed' | 'dropped', error: string | null = null) {
    await this.#db
      .updateTable('mail_outbox')
      .set({
        status,
        sent_at: status === 'sent' ? this.#now() : null,
        lease_owner: null,
        lease_until: null,
        last_error: error,
      })
      .where('lease_owner', '=', claim.owner)
      .execute();
  }

  /** A temporary failure: the claim's rows are due again at `dueAt`. */
  async retry(claim: Claim, dueAt: Date, error: string) {
    await this.#db
      .updateTable('mail_outbox')
      .set({
        due_at: dueAt.toISOString(),
        lease_owner: null,
        lease_until: null,
        last_error: error,
      })
      .where('lease_owner', '=', claim.owner)
      .execute();
  }
}
