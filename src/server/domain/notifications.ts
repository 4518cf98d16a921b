/**
 * Who is told what by mail, decided inside the write that causes it (the same transaction
 * writes the outbox rows, so a mail is never lost nor made up by a write that rolled back):
 *
 * - an answer's author: a comment on their answer, their answer chosen as best;
 * - a question's asker: a new answer, a comment on the question;
 * - a comment's author: a later comment on the same post;
 * - moderators (`QUANDA_MODERATOR_EMAILS`): a post waiting for approval, a post hidden by flags.
 *
 * Only about published posts (a premoderated one once approved), never to the author of
 * the post that caused it. With mail off (no `QUANDA_SMTP_URL`) nothing here does anything.
 */
import type {PostRecord, Repository} from './repository.js';
import type {Subscriber} from '../mail/outbox.js';

export interface NoticeSettings {
  moderators: string[];
  batchSeconds: number;
}

/** What a new answer or comment brings for mail: the author's address, their language, the page. */
export interface PostedMail {
  viewerId: string;
  email?: string | null;
  locale?: string;
  page?: string | null;
}

export class Notices {
  readonly #settings: NoticeSettings | null;
  /** Called after a write that queued mail has committed: the local sender looks now. */
  readonly #wake: () => void;

  constructor(settings: NoticeSettings | null, wake: () => void = () => undefined) {
    this.#settings = settings;
    this.#wake = wake;
  }

  /** Mail can be sent: the widget may offer it, and addresses may be kept. */
  get enabled(): boolean {
    return this.#settings !== null;
  }

  wake() {
    if (this.#settings) this.#wake();
  }

  /** A new answer or comment: its author's subscription, and whoever should hear of it. */
  async posted(tx: Repository, postId: string, given: PostedMail): Promise<void> {
    if (!this.#settings) return;
    const record = await tx.findPost(postId);
    if (!record) return;
    if (given.page) await tx.mail.setPage(record.questionId, given.page);
    if (given.email) {
      await tx.mail.subscribe({
        viewerId: given.viewerId,
        email: given.email,
        locale: given.locale ?? 'en',
        postId,
        questionId: record.questionId,
      });
    }
    if (record.status === 'pending') await this.#moderators(tx, record, 'pending');
    else if (record.status === 'published') await this.#tell(tx, record);
  }

  /** A moderator approved a post that was waiting: now it is news. */
  async approved(tx: Repository, postId: string): Promise<void> {
    if (!this.#settings) return;
    const record = await tx.findPost(postId);
    if (record?.status === 'published' && record.kind !== 'question') await this.#tell(tx, record);
  }

  /** A post went to the moderators: waiting again after an edit, or hidden by flags. */
  async forModerators(tx: Repository, postId: string, event: 'pending' | 'hidden'): Promise<void> {
    if (!this.#settings) return;
    const record = await tx.findPost(postId);
    if (record) await this.#moderators(tx, record, event);
  }

  /** The asker chose `answerId` as best (it was `previous`): its author hears of it. */
  async chosen(tx: Repository, answerId: string | null, previous: string | null, askerId: string) {
    if (!this.#settings || !answerId || answerId === previous) return;
    const answer = await tx.findPost(answerId);
    if (answer?.status !== 'published') return;
    const subscribers = await tx.mail.subscribers([answerId], askerId);
    await this.#queue(tx, subscribers, 'best', answer);
  }

  async #tell(tx: Repository, record: PostRecord) {
    const author = record.authorId;
    if (record.kind === 'answer') {
      await this.#queue(
        tx,
        await tx.mail.subscribers([record.questionId], author),
        'answer',
        record,
      );
    } else if (record.kind === 'comment' && record.parentId) {
      // The post's author first: one mail per address, about the post they wrote.
      const subscribers = [
        ...(await tx.mail.subscribers([record.parentId], author)),
        ...(await tx.mail.commentSubscribers(record.parentId, author)),
      ].filter((subscriber) => subscriber.postId !== record.id);
      await this.#queue(tx, subscribers, 'comment', record);
    }
  }

  async #queue(
    tx: Repository,
    subscribers: Subscriber[],
    event: 'answer' | 'comment' | 'best',
    record: PostRecord,
  ) {
    const seen = new Set<string>();
    for (const subscriber of subscribers) {
      if (seen.has(subscriber.addressId)) continue;
      seen.add(subscriber.addressId);
      await tx.mail.queue(
        {
          addressId: subscriber.addressId,
          groupKey: `sub:${subscriber.subscriptionId}`,
          event,
          subscriptionId: subscriber.subscriptionId,
          postId: subscriber.postId,
          eventPostId: record.id,
          questionId: record.questionId,
        },
        this.#settings!.batchSeconds,
      );
    }
  }

  async #moderators(tx: Repository, record: PostRecord, event: 'pending' | 'hidden') {
    for (const email of this.#settings!.moderators) {
      const moderator = await tx.mail.moderator(email, 'en');
      if (moderator.stopped) continue;
      await tx.mail.queue(
        {
          addressId: moderator.id,
          groupKey: `mod:${moderator.id}:${record.id}`,
          event,
          postId: record.id,
          eventPostId: record.id,
          questionId: record.questionId,
        },
        this.#settings!.batchSeconds,
      );
    }
  }
}
