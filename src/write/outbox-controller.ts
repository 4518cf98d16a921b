import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {toQuandaError} from '../api/api-error.js';
import type {QuandaError} from '../api/api-error.js';
import type {StorageSettings} from '../context/contexts.js';
import type {Draft, QueuedWrite} from '../storage/idb/database.js';
import type {LocalStore} from '../storage/idb/local-store.js';
import {outboxStore, rememberEmail, takeEmail} from '../storage/idb/outbox.js';
import {storageKey} from '../storage/keys.js';

/** Whose queue it is: a thread's, or a board's (questions). */
export interface OutboxOwner {
  readonly storage?: StorageSettings;
  readonly host: ReactiveControllerHost;
  viewerKey(): Promise<string>;
}

/** What the thread does with its queue: send an item, and show the outcome. */
export interface OutboxHandlers {
  /** Sends one queued write under its own idempotency key. */
  send(item: QueuedWrite, post: QueuedWrite['post']): Promise<unknown>;
  /** The server confirmed it; `withoutEmail`: notifications were asked for, but the address was gone. */
  sent(item: QueuedWrite, result: unknown, withoutEmail: boolean): void | Promise<void>;
  /** The server refused it for good: resolves with the reason, in the reader's words. */
  refused(item: QueuedWrite, error: QuandaError): string;
  /** Shows what is waiting, with why: offline, or the server failing. */
  show(items: readonly QueuedWrite[], note: 'offline' | 'retrying'): void;
}

/** Longest pause between two tries while the server fails. */
const MAX_DELAY = 60_000;

/**
 * The thread's outbox: answers, comments and votes that could not be sent (offline, or the
 * server failing) wait in IndexedDB under their idempotency key, shown where they will
 * appear, and are sent when the browser is back online, when the page regains focus, and
 * on a backoff timer (2 s doubling to a minute) — across reloads, and in order. The key
 * is kept until the server confirms, so a write whose answer was lost is applied once
 * however often it is retried, from whichever tab. A refusal (4xx) removes the item and
 * puts its text back into its form's draft, with the reason: nothing is discarded.
 */
export class OutboxController implements ReactiveController {
  items: QueuedWrite[] = [];
  readonly #thread: OutboxOwner;
  readonly #handlers: OutboxHandlers;
  #store?: LocalStore;
  #scope = '';
  #tries = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #flushing = false;

  constructor(thread: OutboxOwner, handlers: OutboxHandlers) {
    this.#thread = thread;
    this.#handlers = handlers;
    thread.host.addController(this);
  }

  hostConnected() {
    addEventListener('online', this.#wake);
    addEventListener('offline', this.#show);
    addEventListener('focus', this.#wake);
    document.addEventListener('visibilitychange', this.#wake);
    void this.flush();
  }

  hostDisconnected() {
    removeEventListener('online', this.#wake);
    removeEventListener('offline', this.#show);
    removeEventListener('focus', this.#wake);
    document.removeEventListener('visibilitychange', this.#wake);
    clearTimeout(this.#timer);
  }

  /** The thread shows a question (again): its queue, from the device, then send it. */
  async load() {
    const settings = this.#thread.storage;
    if (!settings?.scope) return;
    const store = outboxStore(settings);
    if (settings.scope !== this.#scope || store !== this.#store) {
      this.#scope = settings.scope;
      this.#store = store;
      const viewer = await this.#viewer();
      // Another reader's posts (a site's sign-in changed) wait for them.
      const stored = (await store.all('outbox')).filter(
        (item) => item.scope === settings.scope && (!item.viewer || item.viewer === viewer),
      );
      // What was queued while the store was being read stays too.
      const keys = new Set(stored.map((item) => item.key));
      this.items = [
        ...stored,
        ...this.items.filter((item) => item.scope === settings.scope && !keys.has(item.key)),
      ].sort((a, b) => a.savedAt - b.savedAt);
    }
    this.#show();
    void this.flush();
  }

  /**
   * Queues a write, and in the same transaction deletes the draft it came from (the queue
   * holds the text now). A newer vote on a post replaces the one waiting.
   */
  async add(
    item: Pick<QueuedWrite, 'key' | 'kind' | 'postId' | 'form' | 'post' | 'value'>,
    email?: string,
  ) {
    const settings = this.#thread.storage!;
    if (settings.scope !== this.#scope || !this.#store) {
      this.#scope = settings.scope;
      this.#store = outboxStore(settings);
    }
    const queued: QueuedWrite = {
      ...item,
      scope: settings.scope,
      viewer: await this.#viewer(),
      savedAt: Date.now(),
    };
    const replaced = this.items.filter(
      (other) => item.kind === 'vote' && other.kind === 'vote' && other.postId === item.postId,
    );
    this.items = [...this.items.filter((other) => !replaced.includes(other)), queued];
    rememberEmail(queued.key, email);
    this.#show();
    await this.#store.write(
      {store: 'outbox', put: queued},
      ...replaced.map((other) => ({store: 'outbox' as const, delete: other.key})),
      {store: 'drafts', delete: storageKey(queued.scope, queued.form)},
    );
    this.#schedule();
  }

  /** Sends what waits, oldest first; stops at the first failure that may pass. */
  async flush() {
    const store = this.#store;
    if (this.#flushing || !store || !this.items.length || !navigator.onLine) return;
    this.#flushing = true;
    clearTimeout(this.#timer);
    try {
      for (const item of [...this.items]) {
        if (store !== this.#store || !this.items.includes(item)) continue;
        // Another tab sent it already (it is applied once either way; this saves a request).
        if (!(await store.get('outbox', item.key))) {
          this.#drop(item);
          continue;
        }
        if (!(await this.#send(store, item))) break;
      }
    } finally {
      this.#flushing = false;
      this.#schedule();
    }
  }

  /** Resolves false when the item must wait (the network, or the server failing). */
  async #send(store: LocalStore, item: QueuedWrite): Promise<boolean> {
    const email = takeEmail(item.key);
    const withoutEmail = !!item.post?.notify && !email;
    const post = item.post && {
      ...item.post,
      ...(withoutEmail ? {notify: false} : {}),
      ...(email ? {email} : {}),
    };
    try {
      const result = await this.#handlers.send(item, post);
      await store.write({store: 'outbox', delete: item.key});
      this.#tries = 0;
      this.#drop(item);
      await this.#handlers.sent(item, result, withoutEmail);
      return true;
    } catch (error) {
      const failure = toQuandaError(error);
      if (failure.isTransient) {
        rememberEmail(item.key, email);
        this.#tries++;
        this.#show();
        return false;
      }
      await this.#refused(store, item, failure);
      return true;
    }
  }

  /** The server will never take it: its text goes back to its form, and it leaves the queue. */
  async #refused(store: LocalStore, item: QueuedWrite, failure: QuandaError) {
    const reason = this.#handlers.refused(item, failure);
    const key = storageKey(item.scope, item.form);
    let draft: Draft | undefined;
    if (item.post) {
      // Back to its form, before whatever the reader has written there since.
      const stored = await store.get('drafts', key);
      const {body, displayName, notify} = item.post;
      const since = stored?.body.trim() ? `\n\n${stored.body}` : '';
      draft = {
        key,
        body: body + since,
        ...('title' in item.post ? {title: item.post.title} : {}),
        displayName,
        notify,
        savedAt: Date.now(),
        refused: reason,
      };
      store.tell({draft: {...draft, body}}); // an open form adds what it holds itself
    }
    await store.write(
      {store: 'outbox', delete: item.key},
      ...(draft ? [{store: 'drafts' as const, put: draft}] : []),
    );
    this.#drop(item);
  }

  #drop(item: QueuedWrite) {
    this.items = this.items.filter((other) => other !== item);
    this.#show();
  }

  #schedule() {
    clearTimeout(this.#timer);
    if (!this.items.length) return;
    const delay = Math.min(MAX_DELAY, 2000 * 2 ** this.#tries) * (0.75 + Math.random() / 2);
    this.#timer = setTimeout(() => void this.flush(), delay);
  }

  readonly #show = () => this.#handlers.show(this.items, navigator.onLine ? 'retrying' : 'offline');

  /** Back online, focused, or visible again: try now. */
  readonly #wake = (event: Event) => {
    // Online in a background tab counts; only a tab being hidden does not.
    if (event.type === 'visibilitychange' && document.visibilityState === 'hidden') return;
    this.#tries = 0;
    this.#show();
    void this.flush();
  };

  #viewer(): Promise<string> {
    return this.#thread.viewerKey();
  }
}
