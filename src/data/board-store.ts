import type {ReactiveControllerHost} from 'lit';
import type {QuandaError} from '../api/api-error.js';
import { toQuandaError} from '../api/api-error.js';
import {boardLimits, topicFromUrl} from '../api/board.js';
import type {BoardSort, QuestionSummary} from '../api/board.js';
import type {Permission, Question} from '../api/schemas.js';
import {BoardClient} from '../board/board-client.js';
import type {StorageSettings} from '../context/contexts.js';
import {QuandaErrorEvent} from '../events/error-event.js';
import {english} from '../i18n/localizer.js';
import type {Localizer} from '../i18n/localizer.js';
import {viewerTokensIn} from '../storage/viewer-tokens.js';
import {Store} from './store.js';

/** What a board is set up with: the public properties of the element that shows it. */
export interface BoardSource {
  readonly endpoint: string;
  readonly topic: string;
  readonly sort: BoardSort;
  readonly viewerToken?: string;
  readonly drafts: 'on' | 'off';
  readonly draftDays: number;
  readonly databaseName: string;
}

/** A question the reader asked that waits for the network, shown where it will appear. */
export interface WaitingQuestion {
  key: string;
  title: string;
}

/** What a board shows, as one value: every change makes a new one. */
export interface BoardState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed' | 'unsupported' | 'no-topic';
  readonly error?: QuandaError;
  readonly items: readonly QuestionSummary[];
  readonly nextCursor: string | null;
  readonly more: 'idle' | 'loading' | 'failed';
  readonly canAsk?: Permission;
  /** The search as typed, and what it found (undefined: no search running or shown). */
  readonly query: string;
  readonly results?: readonly QuestionSummary[];
  readonly searching: boolean;
  /** The question open in the board, from the page URL's `#quanda=<id>`. */
  readonly open: string | null;
  readonly asking: boolean;
  readonly waiting: readonly WaitingQuestion[];
  readonly waitingNote?: 'offline' | 'retrying';
  /** The question just asked asked for mail: say to look for the confirmation. */
  readonly mailed?: boolean;
  /** Where focus goes once the change is on screen (a selector in the board). */
  readonly focus?: string;
  /** The page's scroll position to go back to, once the list is on screen again. */
  readonly scroll?: number;
}

/** What the store asks of whatever shows it. */
export interface BoardOutlet {
  announce(text: string): void;
  emit(event: Event): void;
}

/** How long typing pauses before the search runs. */
const SEARCH_DELAY = 250;

const FRAGMENT = /^#quanda=([A-Za-z0-9][A-Za-z0-9_-]{0,99})$/;

/** The question id in the page URL's fragment (`#quanda=<id>`), or null. */
export function questionInUrl(): string | null {
  return FRAGMENT.exec(location.hash)?.[1] ?? null;
}

/**
 * The topic a board is about when the site does not name one: the page's canonical URL
 * (`<link rel="canonical">`, else the address), as `topicFromUrl` normalizes it.
 */
export function pageTopic(): string | null {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  try {
    return topicFromUrl(canonical?.href || location.href);
  } catch {
    return topicFromUrl(location.href);
  }
}

/**
 * A board's data, apart from any element: the topic's questions (sorted, paged), the
 * search as the reader types, the open question (kept in the page URL's fragment, so a
 * link, a reload, Back and Forward all work), and what asking changes. `<quanda-board>`
 * shows it through a `StoreController`; what writes (board-writes.ts) takes the store.
 */
export class BoardStore extends Store<BoardState> {
  i18n: Localizer = english;
  storage?: StorageSettings;
  readonly host: ReactiveControllerHost;
  readonly #outlet: BoardOutlet;
  #source!: BoardSource;
  #topic: string | null = null;
  #rest?: {key: string; client: BoardClient};
  #search?: AbortController;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #more?: AbortController;
  /** The open question was opened here (a history entry was pushed), not by a link. */
  #pushed = false;
  /** The page's scroll position when the list was left. */
  #listScroll?: number;

  constructor(host: ReactiveControllerHost, outlet: BoardOutlet) {
    super({
      status: 'idle',
      items: [],
      nextCursor: null,
      more: 'idle',
      query: '',
      searching: false,
      open: null,
      asking: false,
      waiting: [],
    });
    this.host = host;
    this.#outlet = outlet;
  }

  /** Takes the element's properties; true when the storage settings changed. */
  configure(source: BoardSource): boolean {
    this.#source = source;
    this.#topic = source.topic.trim() || pageTopic();
    const settings: StorageSettings = {
      database: source.databaseName,
      scope: this.#topic ? `${this.client.endpoint}\ntopic:${location.origin}${this.#topic}` : '',
      persist: source.drafts !== 'off',
      maxAge: source.draftDays * 86_400_000,
    };
    if (JSON.stringify(settings) === JSON.stringify(this.storage)) return false;
    this.storage = settings;
    return true;
  }

  /** The topic asked about: the element's, or the page's canonical path. */
  get topic(): string | null {
    return this.#topic;
  }

  get sort(): BoardSort {
    return this.#source.sort;
  }

  get client(): BoardClient {
    const {endpoint, viewerToken, databaseName} = this.#source;
    // An unset token stays distinct from any token: JSON writes it as null.
    const key = JSON.stringify([endpoint, viewerToken, databaseName]);
    if (this.#rest?.key !== key) {
      const client = new BoardClient({
        endpoint,
        viewerToken,
        tokens: viewerTokensIn(databaseName),
      });
      this.#rest = {key, client};
    }
    return this.#rest.client;
  }

  /** Who is reading, to key queued questions: the client's hashed token. */
  viewerKey(): Promise<string> {
    return this.client.viewerKey();
  }

  announce(text: string) {
    this.#outlet.announce(text);
  }

  emit(event: Event) {
    this.#outlet.emit(event);
  }

  report(error: unknown, operation: string): QuandaError {
    const quandaError = toQuandaError(error);
    this.emit(new QuandaErrorEvent(quandaError, operation));
    return quandaError;
  }

  /** Where focus and the page's scroll go, once: the element takes them after rendering. */
  takeFocus(): {focus?: string; scroll?: number} {
    const {focus, scroll} = this.state;
    if (focus || scroll !== undefined) this.state = {...this.state, focus: undefined, scroll: undefined};
    return {focus, scroll};
  }

  /** The first page of the topic's questions. */
  async load(signal: AbortSignal) {
    this.#more?.abort();
    const topic = this.#topic;
    if (!this.#source.endpoint) return;
    if (!topic) {
      this.update({status: 'no-topic'});
      return;
    }
    this.update({status: 'loading'});
    try {
      const page = await this.client.getTopicQuestions(topic, {sort: this.sort, signal});
      this.update({
        status: 'ready',
        items: page.items,
        nextCursor: page.nextCursor,
        canAsk: page.canAsk,
        more: 'idle',
        error: undefined,
      });
    } catch (error) {
      if (signal.aborted) return;
      const failure = this.report(error, 'load');
      // A backend without boards (an older Quanda server, another backend) says so.
      const missing = failure.status === 404 || failure.status === 405;
      this.update({status: missing ? 'unsupported' : 'failed', error: failure});
    }
  }

  /** The next page of questions, added below; focus goes to the first new one. */
  async showMore() {
    const {nextCursor: cursor, more} = this.state;
    if (!cursor || more === 'loading' || !this.#topic) return;
    const request = (this.#more = new AbortController());
    this.update({more: 'loading'});
    try {
      const page = await this.client.getTopicQuestions(this.#topic, {
        sort: this.sort,
        cursor,
        signal: request.signal,
      });
      const known = new Set(this.state.items.map((item) => item.id));
      const added = page.items.filter((item) => !known.has(item.id));
      this.update({
        items: [...this.state.items, ...added],
        nextCursor: page.nextCursor,
        more: 'idle',
        focus: added[0] && `[data-id="${added[0].id}"] a`,
      });
      this.announce(this.i18n.t('board.moreLoaded', {count: added.length}));
    } catch (error) {
      if (request.signal.aborted) return;
      this.report(error, 'load-more');
      this.update({more: 'failed'});
    }
  }

  /**
   * Searches as the reader types: after a pause, the previous search cancelled. Fewer
   * than three characters search nothing (the list stays), an empty field shows the list.
   */
  search(query: string) {
    clearTimeout(this.#searchTimer);
    this.#search?.abort();
    const words = query.trim();
    if ([...words].length < boardLimits.query.min || !this.#topic) {
      this.update({query, results: undefined, searching: false});
      return;
    }
    this.update({query, searching: true});
    const topic = this.#topic;
    this.#searchTimer = setTimeout(() => {
      const request = (this.#search = new AbortController());
      this.client.getTopicQuestions(topic, {q: words, signal: request.signal}).then(
        (page) => {
          this.update({results: page.items, searching: false});
          this.announce(this.i18n.t('board.found', {count: page.items.length}));
        },
        (error: unknown) => {
          if (request.signal.aborted) return;
          this.report(error, 'search');
          this.update({searching: false, results: undefined});
        },
      );
    }, SEARCH_DELAY);
  }

  /** Opens a question in the board, with a history entry: Back comes back to the list. */
  open(id: string) {
    if (this.state.open === id) return;
    const url = new URL(location.href);
    url.hash = `quanda=${id}`;
    history.pushState(history.state, '', url);
    this.#pushed = true;
    this.#show(id);
  }

  /** Back to the list: the history entry the board pushed, or (after a link) a new one. */
  close() {
    if (this.#pushed) {
      history.back(); // popstate closes it
      return;
    }
    const url = new URL(location.href);
    url.hash = '';
    history.pushState(history.state, '', url);
    this.followUrl();
  }

  /** The page URL changed (Back, Forward, a link): open what its fragment names. */
  followUrl(quiet = false) {
    const id = questionInUrl();
    if (id === this.state.open) return;
    if (!id) this.#pushed = false;
    this.#show(id, quiet);
  }

  /**
   * Switches between the list and one question, and says so. Focus goes to "Back" when a
   * question opens, and back to its link in the list (scrolled as it was) when it closes.
   */
  #show(id: string | null, quiet = false) {
    const was = this.state.open;
    if (id && !was) this.#listScroll = scrollY;
    this.update(
      id
        ? {open: id, asking: false, focus: quiet ? undefined : '[part~="back-button"]'}
        : {open: null, focus: `[data-id="${was}"] a`, scroll: this.#listScroll},
    );
    // A link that opens the page on a question is not a change to announce.
    if (!quiet) this.announce(this.i18n.t(id ? 'board.opened' : 'board.closed'));
  }

  /** Opens or closes the ask form. */
  setAsking(asking: boolean) {
    // The form closing after a question was asked: focus stays on that question.
    if (asking === this.state.asking) return;
    // The note about the last question's mail stays until the next is asked.
    const mailed = asking ? false : this.state.mailed;
    this.update({asking, mailed, focus: asking ? undefined : '[part~="ask-button"]'});
  }

  /**
   * A question the server has: first in the list (the reader's own come first);
   * `mailed`: its asker asked to hear of answers.
   */
  asked(question: Question, mailed: boolean) {
    const summary: QuestionSummary = {
      id: question.id,
      title: question.title,
      excerpt: '',
      status: question.status,
      score: question.score,
      answerCount: question.answerCount,
      hasAcceptedAnswer: false,
      author: question.author,
      createdAt: question.createdAt,
      activityAt: question.createdAt,
      topic: this.#topic ?? '',
    };
    const items = [summary, ...this.state.items.filter((item) => item.id !== question.id)];
    this.update({items, asking: false, mailed, focus: `[data-id="${question.id}"] a`});
  }

  showWaiting(waiting: readonly WaitingQuestion[], note: 'offline' | 'retrying') {
    this.update({waiting, waitingNote: note});
  }
}
