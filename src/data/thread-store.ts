import type {ReactiveControllerHost} from 'lit';
import * as z from 'zod/mini';
import {QuandaError, toQuandaError} from '../api/api-error.js';
import {RestClient} from '../api/client.js';
import type {GetThreadOptions, QuandaClient} from '../api/client.js';
import {Thread} from '../api/schemas.js';
import type {Sort, Viewer} from '../api/schemas.js';
import type {StorageSettings} from '../context/contexts.js';
import {QuandaErrorEvent} from '../events/error-event.js';
import {english} from '../i18n/localizer.js';
import type {Localizer} from '../i18n/localizer.js';
import type {CachedThread} from '../storage/idb/database.js';
import {storageKey} from '../storage/keys.js';
import {peek} from '../storage/peek.js';
import {viewerTokensIn} from '../storage/viewer-tokens.js';
import {nothingToLoad} from '../controllers/load-controller.js';
import {Store} from './store.js';
import {withoutWrites} from './thread-view.js';
import type {ThreadView} from './thread-view.js';

/** What a thread is set up with: the public properties of the element that shows it. */
export interface ThreadSource {
  readonly endpoint: string;
  readonly questionId: string;
  readonly sort: Sort;
  readonly client?: QuandaClient;
  readonly viewerToken?: string;
  readonly drafts: 'on' | 'off';
  readonly draftDays: number;
  readonly databaseName: string;
}

/** What the store asks of whatever shows it. */
export interface ThreadOutlet {
  /** Says something to screen-reader users. */
  announce(text: string): void;
  /** Fires an event from the thread: past-tense events and `quanda-error`. */
  emit(event: Event): void;
  /** Loads the thread again. */
  reload(): void;
}

/** What a thread shows, as one value: every change makes a new one. */
export interface ThreadState {
  /** The question and the answers loaded so far. */
  readonly view?: ThreadView;
  /** Post ids whose vote is being saved. */
  readonly pendingVotes: ReadonlySet<string>;
  /** Post ids whose comment form is open by itself: a draft or a refused comment waits in it. */
  readonly commentForms: ReadonlySet<string>;
  readonly viewer?: Viewer;
  readonly nextCursor: string | null;
  readonly more: 'idle' | 'loading' | 'failed';
  readonly moreError?: QuandaError;
  /** The thread on screen is the device's copy: still refreshing, or `offline`. */
  readonly copy?: {savedAt: number; offline: boolean};
  /** Where focus goes once the change is on screen (a selector in the thread). */
  readonly focus?: string;
  /** Server clock minus the reader's, so "3 days ago" follows the server. */
  readonly clockOffset: number;
}

const WRITES = [
  'postAnswer',
  'vote',
  'setAcceptedAnswer',
  'postComment',
  'flag',
  'editPost',
  'removePost',
] as const;

/**
 * A question thread's data, apart from any element: loading (with the device's copy
 * first), paging, the client requests go through, and the state every write changes.
 * `<quanda-thread>` shows it (through a `StoreController`) and hands it the reader's
 * intents; the write modules take the store, never the element.
 */
export class ThreadStore extends Store<ThreadState> {
  /** The language announcements are made in. */
  i18n: Localizer = english;
  /** Where and whether what the reader types is kept (see `<quanda-thread drafts>`). */
  storage?: StorageSettings;
  /** The element the thread's controllers (the outbox) attach to. */
  readonly host: ReactiveControllerHost;
  readonly #outlet: ThreadOutlet;
  #source!: ThreadSource;
  #rest?: {key: string; client: RestClient};
  #moreRequest?: AbortController;
  #cached?: CachedThread;
  #cacheKey?: string;

  constructor(host: ReactiveControllerHost, outlet: ThreadOutlet) {
    super({
      pendingVotes: new Set(),
      commentForms: new Set(),
      nextCursor: null,
      more: 'idle',
      clockOffset: 0,
    });
    this.host = host;
    this.#outlet = outlet;
  }

  /** Takes the element's properties; returns true when the storage settings changed. */
  configure(source: ThreadSource): boolean {
    this.#source = source;
    const client = source.client;
    const settings: StorageSettings = {
      database: source.databaseName,
      scope: source.questionId
        ? storageKey(
            client instanceof RestClient ? client.endpoint : source.endpoint,
            source.questionId,
          )
        : '',
      persist: source.drafts !== 'off',
      maxAge: source.draftDays * 86_400_000,
    };
    if (JSON.stringify(settings) === JSON.stringify(this.storage)) return false;
    this.storage = settings;
    return true;
  }

  get questionId(): string {
    return this.#source.questionId;
  }

  get sort(): Sort {
    return this.#source.sort;
  }

  /** The client every request goes through: the site's own, or a RestClient on `endpoint`. */
  get client(): QuandaClient {
    return this.#source.client ?? this.#restClient();
  }

  /** A site's own client is held to the contract: its results are checked. */
  get trusted(): boolean {
    return !this.#source.client;
  }

  /** Whether the client can make this write. */
  supports(method: (typeof WRITES)[number]): boolean {
    return typeof this.client[method] === 'function';
  }

  /** Whether the client can write at all. */
  get writable(): boolean {
    return WRITES.some((method) => this.supports(method));
  }

  /**
   * Who is reading, to key what is kept on the device: the RestClient's hashed token; ''
   * for a site's own client.
   */
  viewerKey(): Promise<string> {
    const client = this.client;
    return client instanceof RestClient ? client.viewerKey() : Promise.resolve('');
  }

  /** Says something to screen-reader users. */
  announce(text: string) {
    this.#outlet.announce(text);
  }

  /** Fires a past-tense event from the thread. */
  emit(event: Event) {
    this.#outlet.emit(event);
  }

  /** Tells listeners (and through them the site) what failed; returns the typed error. */
  report(error: unknown, operation: string): QuandaError {
    const quandaError = toQuandaError(error);
    this.emit(new QuandaErrorEvent(quandaError, operation));
    return quandaError;
  }

  reload() {
    this.#outlet.reload();
  }

  /** The focus asked for, once: the element takes it after rendering. */
  takeFocus(): string | undefined {
    const focus = this.state.focus;
    if (focus) this.state = {...this.state, focus: undefined};
    return focus;
  }

  /**
   * Loads the thread: the device's copy paints at once while the network answers
   * (stale-while-revalidate); offline, the copy stays and says so.
   */
  async load(signal: AbortSignal): Promise<Thread | typeof nothingToLoad> {
    this.#moreRequest?.abort();
    const {questionId, client, endpoint, sort} = this.#source;
    if (!questionId || !(client || endpoint)) return nothingToLoad;
    const network = this.#fetch({sort, signal});
    let fresh = false;
    network.then(() => (fresh = true)).catch(() => undefined);
    const cached = await this.#readCache(sort).catch(() => undefined);
    if (cached && !fresh && !signal.aborted) {
      this.#show(cached.thread, cached.savedAt, {copy: {savedAt: cached.savedAt, offline: false}});
    }
    try {
      return await network;
    } catch (error) {
      return this.#failed(error, signal, cached);
    }
  }

  /** A load that failed. Offline or the backend down: the copy stays, and says so. */
  #failed(error: unknown, signal: AbortSignal, cached: CachedThread | undefined): Thread {
    if (signal.aborted) throw error;
    const failure = this.report(error, 'load');
    const copy =
      cached && failure.isTransient ? {savedAt: cached.savedAt, offline: true} : undefined;
    this.update({copy});
    if (!copy) throw failure;
    return cached!.thread;
  }

  /** Shows a loaded thread: from the network, or the device's copy. */
  shown(thread: Thread) {
    const savedAt = thread === this.#cached?.thread ? this.#cached.savedAt : undefined;
    this.#show(thread, savedAt, savedAt === undefined ? {copy: undefined} : {});
    if (savedAt === undefined) this.#saveCopy(thread);
  }

  /** The next page of answers, added below; focus goes to the first new one. */
  async showMore() {
    const {nextCursor: cursor, more, view} = this.state;
    if (!cursor || more === 'loading' || !view) return;
    const request = new AbortController();
    this.#moreRequest = request;
    this.update({more: 'loading'});
    try {
      const page = await this.#fetch({sort: this.sort, cursor, signal: request.signal});
      const current = this.state.view!;
      const known = new Set(current.answers.map((answer) => answer.id));
      const fresh = page.answers.filter((answer) => !known.has(answer.id));
      const {answers: added} = this.#writable({question: current.question, answers: fresh});
      this.update({
        view: {...current, answers: [...current.answers, ...added]},
        nextCursor: page.nextCursor,
        more: 'idle',
        focus: added[0] && `quanda-answer[data-id="${added[0].id}"]`,
      });
      this.announce(this.i18n.t('thread.moreLoaded', {count: added.length}));
    } catch (error) {
      if (request.signal.aborted) return;
      this.update({more: 'failed', moreError: this.report(error, 'load-more')});
    }
  }

  #show(thread: Thread, savedAt: number | undefined, more: Partial<ThreadState>) {
    this.update({
      view: this.#writable({question: thread.question, answers: thread.answers}),
      ...more,
      clockOffset: Date.parse(thread.serverTime) - (savedAt ?? Date.now()),
      viewer: thread.viewer,
      nextCursor: thread.nextCursor,
      more: 'idle',
    });
  }

  /**
   * The device's copy of this thread's first page, for this viewer. Only with the
   * RestClient: a site's own client may serve anyone, so its threads are not kept.
   */
  async #readCache(sort: Sort): Promise<CachedThread | undefined> {
    const client = this.client;
    this.#cacheKey = undefined;
    if (!(client instanceof RestClient)) return undefined;
    const {databaseName, questionId, draftDays} = this.#source;
    const viewer = await client.viewerKey();
    const key = (this.#cacheKey = storageKey(viewer, client.endpoint, questionId, sort));
    const cached = await peek<CachedThread>(databaseName, 'threads', key);
    this.#cached =
      cached && cached.savedAt > Date.now() - draftDays * 86_400_000 ? cached : undefined;
    return this.#cached;
  }

  /** Keeps the first page just loaded as the device's copy (that code loads apart). */
  #saveCopy(thread: Thread) {
    const key = this.#cacheKey;
    const database = this.#source.databaseName;
    if (!key) return;
    void import('../storage/device/thread-cache.js')
      .then((module) => module.saveThread(database, key, thread))
      .catch(() => undefined);
  }

  /** With a client that cannot write, nothing offers a write. */
  #writable(view: ThreadView): ThreadView {
    return this.writable ? view : withoutWrites(view);
  }

  /**
   * One page of the thread. A site's own client is held to the contract too: what it
   * returns is checked here.
   */
  async #fetch(options: GetThreadOptions): Promise<Thread> {
    const {client, questionId} = this.#source;
    if (!client) return this.#restClient().getThread(questionId, options);
    const result = z.safeParse(Thread, await client.getThread(questionId, options));
    // Another question than the one asked for would never settle the thread's load.
    if (result.data?.question.id === questionId) return result.data;
    throw new QuandaError('invalid-response', 'The client returned another thread', {
      issues: result.error?.issues,
    });
  }

  #restClient(): RestClient {
    const {endpoint, viewerToken, databaseName} = this.#source;
    // An unset token stays distinct from any token: JSON writes it as null.
    const key = JSON.stringify([endpoint, viewerToken, databaseName]);
    if (this.#rest?.key !== key) {
      const client = new RestClient({
        endpoint,
        viewerToken,
        tokens: viewerTokensIn(databaseName),
      });
      this.#rest = {key, client};
    }
    return this.#rest.client;
  }
}
