import {LitElement, html, nothing} from 'lit';
import type {PropertyValues} from 'lit';
import {ContextProvider} from '@lit/context';
import {BoardSort} from '../../api/board.js';
import type {QuestionSummary} from '../../api/board.js';
import {localizerContext, storageContext} from '../../context/contexts.js';
import {LiveRegionController} from '../../controllers/live-region-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {StoreController} from '../../controllers/store-controller.js';
import {BoardStore} from '../../data/board-store.js';
import type {BoardState} from '../../data/board-store.js';
import type {QuandaEvent} from '../../events/quanda-event.js';
import {describeError} from '../../i18n/describe-error.js';
import {english} from '../../i18n/localizer.js';
import {defineElement} from '../../define-element.js';
import {loadEditor} from '../../load-editor.js';
import {defaultDatabaseName} from '../../storage/names.js';
import {hostStyles} from '../../styles/host.styles.js';
import {styles} from './board.styles.js';
import {enBoard} from './en-board.js';

const SORTS = BoardSort.def.entries;

/**
 * The readers' questions about one article: the list (sorted, paged, searchable), asking
 * (similar questions offered while the title is typed), and each question's thread,
 * opened inside the board with `#quanda=<id>` in the page URL, so a link, a reload, Back
 * and Forward all work. Without `topic`, the page's canonical URL names the article (see
 * docs/board.md), so one tag in an article template gives every article its own board.
 *
 * @summary Drop-in questions about an article: `<quanda-board endpoint="…">`.
 * @tag quanda-board
 * @fires {QuandaErrorEvent} quanda-error - A request failed; the reader has been told. `event.operation`: `load`, `load-more`, `search`, `ask`.
 * @fires {QuandaAskedEvent} quanda-asked - A question was posted: `detail.question`.
 * @csspart board - The whole board.
 * @csspart heading - "Questions about this article".
 * @csspart ask-button - "Ask a question".
 * @csspart ask-note - Why asking is not possible here.
 * @csspart mail-note - After asking to hear of answers: to confirm the address in the mail sent to it.
 * @csspart status - "Loading questions…", and why there is nothing to show.
 * @csspart error - Why the questions could not be loaded.
 * @csspart retry-button - "Try again".
 * @csspart search-label - "Search the questions" and the field.
 * @csspart search - The search field.
 * @csspart sort-label - "Sort questions by" and the control.
 * @csspart sort - The sort control (a `<select>`).
 * @csspart list - The list of questions.
 * @csspart item - One question in the list.
 * @csspart item-title - Its title (a link that opens it).
 * @csspart excerpt - The start of its text.
 * @csspart item-meta - Answers, votes, who asked and when.
 * @csspart empty - No questions yet, or none found.
 * @csspart more-button - "Show more questions".
 * @csspart back-button - "Back to all questions".
 * @csspart thread - The open question's `<quanda-thread>`.
 * @csspart ask-form - The `<quanda-ask-form>`.
 * @cssprop [--quanda-board-gap=var(--quanda-space-m, 16px)] - Space between the board's parts.
 */
export class QuandaBoard extends LitElement {
  static override styles = [hostStyles, styles];

  static override properties = {
    endpoint: {},
    topic: {},
    sort: {},
    headingLevel: {type: Number, attribute: 'heading-level'},
    viewerToken: {attribute: false},
    drafts: {},
    draftDays: {type: Number, attribute: 'draft-days'},
    databaseName: {attribute: false},
  };

  /** Base URL of the Quanda API, absolute or relative to the page (`/api`). */
  endpoint = '';

  /**
   * What the questions are about. Unset, the page's canonical path (docs/board.md); a site
   * may name topics itself (`topic="recipes/42"`).
   */
  topic = '';

  /** How questions are listed: `activity` (default), `newest`, `votes` or `unanswered`. */
  sort: BoardSort = 'activity';

  /** Heading level of "Questions about this article"; an open question is one below. */
  headingLevel = 2;

  /** The reader's viewer token, for a site that signs its readers in itself. */
  viewerToken?: string;

  /** `off`: nothing the reader types is kept on the device (see `<quanda-thread drafts>`). */
  drafts: 'on' | 'off' = 'on';

  /** Days a draft or a question waiting to be sent is kept. */
  draftDays = 30;

  /** The IndexedDB database to keep things in (tests give each their own). */
  databaseName = defaultDatabaseName();

  readonly #live = new LiveRegionController(this);
  readonly #store = new BoardStore(this, {
    announce: (text) => this.#live.say(text),
    emit: (event) => this.dispatchEvent(event),
  });
  readonly #locale = new LocaleController(this, (localizer) => {
    this.#store.i18n = localizer;
    this.#localizer.setValue(localizer);
  });
  readonly #localizer = new ContextProvider(this, {
    context: localizerContext,
    initialValue: english,
  });
  readonly #storage = new ContextProvider(this, {context: storageContext});
  #request?: AbortController;

  constructor() {
    super();
    english.addEnglish(enBoard);
    new StoreController(this, this.#store);
    this.addEventListener('quanda-ask-submit', this.#onAsk);
  }

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('popstate', this.#onUrl);
    addEventListener('hashchange', this.#onUrl);
    this.#store.followUrl(true);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#onUrl);
    removeEventListener('hashchange', this.#onUrl);
    this.#request?.abort();
  }

  readonly #onUrl = () => this.#store.followUrl();

  readonly #onAsk = (event: Event) => {
    const intent = event as QuandaEvent<unknown>;
    intent.respondWith(
      this.#writes().then((writes) =>
        intent.defaultPrevented ? undefined : writes.ask(intent.detail as never),
      ),
    );
  };

  /** The board's writes (asking, its outbox, the mail offer): loaded with the ask form. */
  #writes() {
    return import('../../board/board-writes.js').then(({boardWrites}) => boardWrites(this.#store));
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (this.#store.configure(this)) this.#storage.setValue(this.#store.storage);
    const reload = ['endpoint', 'topic', 'sort', 'viewerToken', 'databaseName'] as const;
    if (reload.some((name) => changed.has(name))) this.#load();
  }

  #load() {
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    void this.#store.load(request.signal).then(() => {
      if (request.signal.aborted || this.#store.state.status !== 'ready') return;
      // What waits in this board's outbox shows, and is sent.
      if (this.#store.storage?.scope) {
        void this.#writes()
          .then((writes) => writes.outbox.load())
          .catch(() => undefined);
      }
    });
  }

  override render() {
    if (!this.#locale.settled) return nothing;
    const state = this.#store.state;
    const {i18n} = this.#store;
    return html`<section
      part="board"
      dir=${i18n.dir}
      aria-labelledby="heading"
      aria-busy=${state.status === 'loading'}
    >
      <div class="header">
        <div part="heading" id="heading" role="heading" aria-level=${this.headingLevel}>
          ${i18n.t('board.heading')}
        </div>
        ${state.open || state.asking || !state.canAsk?.allowed ? nothing : this.#renderAskButton()}
      </div>
      ${state.open ? this.#renderOpen(state.open) : this.#renderBody(state)} ${this.#live.render()}
    </section>`;
  }

  override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    const {focus, scroll} = this.#store.takeFocus();
    if (focus) this.renderRoot.querySelector<HTMLElement>(focus)?.focus({preventScroll: true});
    if (scroll !== undefined) scrollTo({top: scroll});
  }

  #renderAskButton() {
    return html`<button part="ask-button" type="button" @click=${this.handleAsk}>
      ${this.#store.i18n.t('board.ask')}
    </button>`;
  }

  #renderOpen(id: string) {
    void import('../thread/define-thread.js').then(
      ({define}) => define(),
      () => undefined,
    );
    return html`<button part="back-button" type="button" @click=${this.handleBack}>
        ${this.#store.i18n.t('board.back')}
      </button>
      <quanda-thread
        part="thread"
        endpoint=${this.endpoint}
        question-id=${id}
        heading-level=${this.headingLevel + 1}
        drafts=${this.drafts}
        draft-days=${this.draftDays}
        .databaseName=${this.databaseName}
        .viewerToken=${this.viewerToken}
      ></quanda-thread>`;
  }

  #renderBody(state: BoardState) {
    const {i18n} = this.#store;
    switch (state.status) {
      case 'idle':
      case 'loading':
        return html`<p part="status" role="status">${i18n.t('board.loading')}</p>`;
      case 'unsupported':
        return html`<p part="status">${i18n.t('board.unsupported')}</p>`;
      case 'no-topic':
        return html`<p part="status">${i18n.t('board.noTopic')}</p>`;
      case 'failed':
        return html`<div part="error" role="alert">
          <p>${i18n.t('board.error')} ${describeError(i18n, state.error)}</p>
          <button part="retry-button" type="button" @click=${this.handleRetry}>
            ${i18n.t('thread.retry')}
          </button>
        </div>`;
      case 'ready':
        return this.#renderReady(state);
    }
  }

  #renderReady(state: BoardState) {
    return html`${this.#renderAskNote(state)} ${state.asking ? this.#renderAskForm() : nothing}
    ${state.mailed ? this.#renderMailNote() : nothing}
    ${state.items.length || state.waiting.length ? this.#renderTools(state) : nothing}
    ${this.#renderList(state)}`;
  }

  #renderAskNote(state: BoardState) {
    const reason = state.canAsk?.allowed === false ? state.canAsk.reason : undefined;
    if (!reason || reason === 'no-asking') return nothing;
    const key = `board.cannotAsk.${reason}` as const;
    const known = key in enBoard;
    return html`<p part="ask-note">
      ${known ? this.#store.i18n.t(key as 'board.cannotAsk.closed') : this.#store.i18n.t('reason.other')}
    </p>`;
  }

  /** After asking for mail: where the confirmation went. */
  #renderMailNote() {
    return html`<p part="mail-note" role="status">${this.#store.i18n.t('form.email.confirm')}</p>`;
  }

  #renderAskForm() {
    void loadAskForm();
    // Whether it offers mail: the backend says.
    void this.#writes()
      .then((writes) => writes.offerMail())
      .catch(() => undefined);
    return html`<quanda-ask-form
      part="ask-form"
      heading-level=${this.headingLevel + 1}
      topic=${this.#store.topic ?? ''}
      .similarFor=${this.#similarFor}
      @quanda-form-done=${this.handleFormClosed}
      @quanda-form-cancel=${this.handleFormClosed}
    ></quanda-ask-form>`;
  }

  readonly #similarFor = (title: string, signal: AbortSignal) =>
    this.#store.client
      .getSimilarQuestions(this.#store.topic ?? '', title, {signal})
      .then((found) => found.items);

  #renderTools(state: BoardState) {
    const {i18n} = this.#store;
    const short = state.query.trim() && state.results === undefined && !state.searching;
    return html`<div class="tools">
      <label part="search-label">
        <span>${i18n.t('board.searchLabel')}</span>
        <input
          part="search"
          type="search"
          .value=${state.query}
          aria-describedby="search-hint"
          @input=${this.handleSearch}
        />
      </label>
      <p id="search-hint" class="hint" ?hidden=${!short}>${i18n.t('board.searchHint', {min: 3})}</p>
      ${state.results ? nothing : this.#renderSort()}
    </div>`;
  }

  #renderSort() {
    const {i18n} = this.#store;
    return html`<label class="sort" part="sort-label">
      <span>${i18n.t('board.sortLabel')}</span>
      <select part="sort" @change=${this.handleSortChange}>
        ${Object.values(SORTS).map(
          (sort) =>
            html`<option value=${sort} ?selected=${sort === this.sort}>
              ${i18n.t(`board.sort.${sort}`)}
            </option>`,
        )}
      </select>
    </label>`;
  }

  #renderList(state: BoardState) {
    const {i18n} = this.#store;
    if (state.searching) return html`<p part="status">${i18n.t('board.searching')}</p>`;
    const items = state.results ?? state.items;
    if (!items.length && !state.waiting.length) {
      return html`<p part="empty">${i18n.t(emptyMessage(state))}</p>`;
    }
    const now = new Date();
    return html`<ol part="list">
        ${state.results ? nothing : state.waiting.map((item) => this.#renderWaiting(item.title))}
        ${items.map((item) => this.#renderItem(item, now))}
      </ol>
      ${!state.results && state.nextCursor ? this.#renderMore(state) : nothing}`;
  }

  #renderMore(state: BoardState) {
    const loading = state.more === 'loading';
    return html`<button
      part="more-button"
      type="button"
      aria-disabled=${loading}
      @click=${this.handleShowMore}
    >
      ${this.#store.i18n.t(loading ? 'board.loadingMore' : 'board.showMore')}
    </button>`;
  }

  #renderWaiting(title: string) {
    return html`<li part="item" class="waiting">
      <span part="item-title">${title}</span>
      <span part="item-meta">${this.#store.i18n.t('board.waiting')}</span>
    </li>`;
  }

  #renderItem(item: QuestionSummary, now: Date) {
    const {i18n} = this.#store;
    const date = new Date(item.createdAt);
    const time = html`<time datetime=${item.createdAt} title=${i18n.dateTime(date)}
      >${i18n.relativeTime(date, now)}</time
    >`;
    const author = item.author.displayName || i18n.t('post.anonymous');
    return html`<li part="item" data-id=${item.id}>
      <a part="item-title" href="#quanda=${item.id}" @click=${this.handleOpen}>${item.title}</a>
      ${item.excerpt ? html`<p part="excerpt">${item.excerpt}</p>` : nothing}
      <p part="item-meta">
        ${item.author.isViewer ? html`<span class="mark">${i18n.t('board.yours')}</span>` : nothing}
        ${item.status === 'pending' ? html`<span class="mark">${i18n.t('post.pending')}</span>` : nothing}
        <span>${i18n.t('board.answers', {count: item.answerCount})}</span>
        ${item.hasAcceptedAnswer ? html`<span>${i18n.t('board.best')}</span>` : nothing}
        <span>${i18n.t('board.votes', {count: item.score})}</span>
        <span>${i18n.parts('question.asked', {time, author})}</span>
      </p>
    </li>`;
  }

  private readonly handleAsk = () => {
    this.#store.setAsking(true);
  };

  private readonly handleFormClosed = () => {
    this.#store.setAsking(false);
  };

  private readonly handleRetry = () => {
    this.#load();
  };

  private readonly handleShowMore = () => {
    void this.#store.showMore();
  };

  private readonly handleSearch = (event: Event) => {
    this.#store.search((event.target as HTMLInputElement).value);
  };

  private readonly handleSortChange = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (value in SORTS) this.sort = value as BoardSort;
  };

  private readonly handleOpen = (event: MouseEvent) => {
    // A new tab or window keeps the link's own behaviour.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const id = (event.currentTarget as HTMLElement).closest('li')?.dataset['id'];
    if (!id) return;
    this.#store.open(id);
  };

  private readonly handleBack = () => {
    this.#store.close();
  };
}

/** Why the list is empty: nothing found, or nothing asked yet (and whether one may ask). */
function emptyMessage(state: BoardState) {
  if (state.results) return 'board.noResults';
  return state.canAsk?.allowed ? 'board.empty' : 'board.emptyNoAsk';
}

let askForm: Promise<void> | undefined;

/** The ask form loads when a reader asks (its Markdown toolbar with it); a failure lets the next try again. */
function loadAskForm() {
  void loadEditor().catch(() => undefined);
  askForm ??= import('../ask-form/ask-form.js').then(
    ({QuandaAskForm}) => defineElement('quanda-ask-form', QuandaAskForm),
    () => {
      askForm = undefined;
    },
  );
  return askForm;
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-board': QuandaBoard;
  }
}
