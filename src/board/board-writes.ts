import {QuandaError} from '../api/api-error.js';
import type {Question} from '../api/schemas.js';
import type {BoardStore} from '../data/board-store.js';
import {QuandaAskedEvent} from './board-events.js';
import type {QuandaAskSubmitEvent} from './board-events.js';
import {describeError} from '../i18n/describe-error.js';
import type {QueuedQuestion, QueuedWrite} from '../storage/idb/database.js';
import {OutboxController} from '../write/outbox-controller.js';
import {newIdempotencyKey} from '../write/rest-writes.js';
import {offerMail} from '../write/mail-offer.js';
import type {StorageSettings} from '../context/contexts.js';
import {mayPass, waitingNote} from '../write/write-support.js';

const writers = new WeakMap<BoardStore, BoardWrites>();

/** The board's writes, made once per board: loaded with the ask form, or when the board shows. */
export function boardWrites(store: BoardStore): BoardWrites {
  let writes = writers.get(store);
  if (!writes) writers.set(store, (writes = new BoardWrites(store)));
  return writes;
}

/**
 * Asking, exactly as answering works in a thread: a question is sent at once, or —
 * offline, or the server failing — waits in the outbox under its idempotency key, shown
 * in the list, and is sent when the network is back, across reloads, exactly once. A
 * refusal puts its words back into the ask form's draft, with the reason.
 */
export class BoardWrites {
  readonly #store: BoardStore;
  readonly outbox: OutboxController;
  #offered?: StorageSettings;

  constructor(store: BoardStore) {
    this.#store = store;
    this.outbox = new OutboxController(store, {
      send: (item, post) => this.#send(item, post as QueuedQuestion),
      sent: (item, result, withoutEmail) =>
        void this.#asked(result as Question, !!item.post?.notify, withoutEmail),
      refused: (_item, error) => {
        store.report(error, 'ask');
        const reason = describeError(store.i18n, error);
        store.announce(store.i18n.t('outbox.refused', {reason}));
        return reason;
      },
      show: (items, note) =>
        store.showWaiting(
          items.flatMap((item) =>
            item.kind === 'question' && item.post && 'title' in item.post
              ? [{key: item.key, title: item.post.title}]
              : [],
          ),
          note,
        ),
    });
  }

  /** A `quanda-ask-submit` from the ask form: resolves with the question, or `{queued}`. */
  async ask({question}: QuandaAskSubmitEvent['detail']) {
    const store = this.#store;
    // The address is never kept on the device: a question that has to wait keeps it in memory.
    const {email, ...fields} = question;
    const post: QueuedQuestion = {
      topic: store.topic ?? '',
      pageTitle: document.title.slice(0, 200) || undefined,
      ...fields,
    };
    const item = {key: newIdempotencyKey(), kind: 'question' as const, postId: '', form: 'ask'};
    try {
      if (!navigator.onLine) throw new QuandaError('network', 'offline');
      return this.#asked(await this.#send(item, {...post, email}), !!post.notify, false);
    } catch (error) {
      if (!mayPass(error)) throw store.report(error, 'ask');
      await this.outbox.add({...item, post}, email);
      store.announce(store.i18n.t(waitingNote()));
      store.setAsking(false);
      return {queued: true};
    }
  }

  /** Whether the ask form offers mail: the backend says (write/mail-offer.ts). Once per storage. */
  offerMail() {
    const {storage, client} = this.#store;
    if (!storage || storage === this.#offered) return;
    this.#offered = storage;
    offerMail(storage, client);
  }

  #send(item: Pick<QueuedWrite, 'key'>, post: QueuedQuestion): Promise<Question> {
    // The page and the language, for the links in mails and the words of those asked for.
    const sent = {...post, page: location.href, locale: this.#store.i18n.locale};
    return this.#store.client.askQuestion(sent, {idempotencyKey: item.key});
  }

  /** `notify`: mail was asked for; `withoutEmail`: but the address was gone (a reload while it waited). */
  #asked(question: Question, notify: boolean, withoutEmail: boolean) {
    const store = this.#store;
    store.asked(question, notify && !withoutEmail);
    const said = withoutEmail
      ? 'outbox.noEmail'
      : question.status === 'pending'
        ? 'ask.pending'
        : 'ask.posted';
    store.announce(store.i18n.t(said));
    store.emit(new QuandaAskedEvent({question}));
    return question;
  }
}
