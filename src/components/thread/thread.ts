import {LitElement, html, nothing} from 'lit';
import {ContextProvider} from '@lit/context';
import {repeat} from 'lit/directives/repeat.js';
import * as z from 'zod/mini';
import type {QuandaError} from '../../api/api-error.js';
import type {QuandaClient} from '../../api/client.js';
import {Sort} from '../../api/schemas.js';
import {commentFormsContext, localizerContext, storageContext} from '../../context/contexts.js';
import {LiveRegionController} from '../../controllers/live-region-controller.js';
import {LoadController} from '../../controllers/load-controller.js';
import type {LoadStatus} from '../../controllers/load-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {StoreController} from '../../controllers/store-controller.js';
import {ThreadStore} from '../../data/thread-store.js';
import type {ThreadState} from '../../data/thread-store.js';
import type {ThreadView} from '../../data/thread-view.js';
import {describeError} from '../../i18n/describe-error.js';
import {english} from '../../i18n/localizer.js';
import {preloadWhenIdle} from '../../lazy.js';
import {defaultDatabaseName} from '../../storage/names.js';
import {defaultViewerTokens} from '../../storage/viewer-tokens.js';
import {hostStyles} from '../../styles/host.styles.js';
import {ANSWER_FORM_PARTS, ANSWER_PARTS, QUESTION_PARTS} from '../shared/exportparts.js';
import type {QuandaEvent} from '../../events/quanda-event.js';
import {styles} from './thread.styles.js';
import type * as ThreadWrites from '../../write/thread-writes.js';

const SORTS = Sort.def.entries;

/**
 * A question thread, loaded from a Quanda backend: the question, its answers ranked by
 * votes with the best answer first, "Show more answers", voting, comments and the answer
 * form. The only element that talks to the backend; the others show what it hands them
 * and fire events it answers. Speaks the language of `lang` on the element or the
 * nearest ancestor, and changes language when that attribute changes.
 *
 * Keeps on the device (IndexedDB, in the host site's browser storage): the reader's drafts,
 * their posts waiting for the network, and the last copy of each thread, which shows at
 * once on the next visit and stays readable offline. `drafts="off"` keeps nothing typed;
 * `QuandaThread.forgetEverything()` erases all of it.
 *
 * @summary Drop-in Q&A thread: `<quanda-thread endpoint="…" question-id="…">`.
 * @tag quanda-thread
 * @fires {QuandaErrorEvent} quanda-error - A request failed; the reader has been told. `event.error` is a `QuandaError`; `event.operation` says what failed (`load`, `load-more`, `vote`, `answer`, `comment`, …).
 * @fires {QuandaVotedEvent} quanda-voted - The server saved a vote: `detail.postId`, `detail.value`, `detail.score`.
 * @fires {QuandaAnswerSubmittedEvent} quanda-answer-submitted - An answer was posted: `detail.answer`.
 * @fires {QuandaAcceptedEvent} quanda-accepted - The best answer changed: `detail.answerId` (null when cleared).
 * @fires {QuandaCommentedEvent} quanda-commented - A comment was posted: `detail.comment`.
 * @fires {QuandaFlaggedEvent} quanda-flagged - A flag was sent: `detail.postId`.
 * @fires {QuandaEditedEvent} quanda-edited - An edit was saved: `detail.post`.
 * @fires {QuandaRemovedEvent} quanda-removed - A post was removed: `detail.postId`.
 * @csspart thread - The whole thread.
 * @csspart status - "Loading answers…", or that no question is set.
 * @csspart offline - "Offline — showing the copy from …", over a thread kept on the device.
 * @csspart error - The message shown when loading failed.
 * @csspart retry-button - "Try again" after a failure.
 * @csspart answers-header - The answer count and the sort control.
 * @csspart answers-heading - "3 answers".
 * @csspart sort-label - "Sort answers by" and the control.
 * @csspart sort - The sort control (a `<select>`).
 * @csspart answers - The list of answers.
 * @csspart empty - "No answers yet."
 * @csspart more-button - "Show more answers".
 * @csspart answer-form - The answer form.
 * @cssprop [--quanda-thread-gap=var(--quanda-space-m, 16px)] - Space between the question, the answers header and the answers.
 * @cssprop [--quanda-thread-padding=0] - Padding around the thread; `var(--quanda-space-l, 24px)` when it has a `theme`.
 */
export class QuandaThread extends LitElement {
  static override styles = [hostStyles, styles];

  static override properties = {
    endpoint: {},
    questionId: {attribute: 'question-id'},
    sort: {},
    headingLevel: {type: Number, attribute: 'heading-level'},
    theme: {reflect: true},
    client: {attribute: false},
    viewerToken: {attribute: false},
    drafts: {},
    draftDays: {type: Number, attribute: 'draft-days'},
    databaseName: {attribute: false},
  };

  /** Base URL of the Quanda API, absolute or relative to the page (`/api`). */
  endpoint = '';

  /** The question this thread shows. Changing it loads the other thread. */
  questionId = '';

  /** How answers are ordered: `votes` (default), `oldest` or `newest`. */
  sort: Sort = 'votes';

  /** Heading level of the question title; the answer count is one level below. */
  headingLevel = 2;

  /**
   * `light` or `dark` paints the thread in that scheme with a surface of its own. Unset
   * (the default), the thread has no background and follows the page's `color-scheme`.
   */
  theme?: 'light' | 'dark';

  /** Replace to talk to a backend that does not speak the Quanda contract. */
  client?: QuandaClient;

  /**
   * The reader's viewer token, for a site that signs its readers in itself. Without it,
   * readers are anonymous: a token is minted on their first write and kept on the device.
   */
  viewerToken?: string;

  /**
   * `off`: nothing the reader types is kept on the device — drafts and posts waiting for
   * the network live in memory, for this page only. (The viewer token and cached copies of
   * threads are still kept.)
   */
  drafts: 'on' | 'off' = 'on';

  /** Days a draft, a post waiting to be sent or a cached copy of a thread is kept. */
  draftDays = 30;

  /** The IndexedDB database to keep things in (tests give each their own). */
  databaseName = defaultDatabaseName();

  /**
   * Erases everything Quanda keeps on this device, for every thread and every tab: the
   * viewer token, drafts, cached threads and posts waiting to be sent.
   */
  static forgetEverything(databaseName = defaultDatabaseName()): Promise<void> {
    return import('../../storage/device/forget.js').then((module) =>
      module.forgetEverything(databaseName, () => defaultViewerTokens().clear()),
    );
  }

  readonly #live = new LiveRegionController(this);
  readonly #store = new ThreadStore(this, {
    announce: (text) => this.#live.say(text),
    emit: (event) => this.dispatchEvent(event),
    reload: () => void this.#load.run(),
  });
  /**
   * "Now" as the posts are given it: kept while it is under half a minute old, so an
   * update elsewhere in the thread (a vote, an announcement) does not redraw every post.
   * Relative times read "now" for the first minute, so a new post never looks early.
   */
  #now?: {date: Date; offset: number};
  readonly #locale = new LocaleController(this, (localizer) => {
    this.#store.i18n = localizer;
    this.#localizerProvider.setValue(localizer);
  });
  // Providers without the @provide decorator, whose module the first load can do without.
  readonly #localizerProvider = new ContextProvider(this, {
    context: localizerContext,
    initialValue: english,
  });
  readonly #storageProvider = new ContextProvider(this, {context: storageContext});
  readonly #commentForms = new ContextProvider(this, {context: commentFormsContext});

  constructor() {
    super();
    new StoreController(this, this.#store); // draws the thread again whenever its data changes
    for (const type of INTENTS) this.addEventListener(type, this.#onIntent);
  }

  /** Writes load on first use; the element that fired the intent waits on the outcome. */
  readonly #onIntent = (event: Event) => {
    const intent = event as QuandaEvent<unknown>;
    intent.respondWith(loadWrites().then(({handleIntent}) => handleIntent(this.#store, intent)));
  };

  readonly #load = new LoadController(this, {
    task: (_args, {signal}) => this.#store.load(signal),
    args: () => [this.client, this.endpoint, this.questionId, this.sort, this.viewerToken] as const,
    onComplete: (thread) => {
      this.#store.shown(thread);
      // Search engines hear of the question once it has painted (src/seo/).
      void import('../../seo/qa-page.js').then(({watch}) => watch(this, this.#store));
      if (!this.#store.writable) return;
      preloadWhenIdle('quanda-answer-form');
      // What waits in this thread's outbox shows, and is sent.
      void loadWrites()
        .then(({attach}) => attach(this.#store))
        .catch(() => undefined);
    },
  });

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('online', this.#onOnline);
  }

  readonly #onOnline = () => {
    if (this.#store.state.copy?.offline) void this.#load.run();
  };

  override willUpdate() {
    if (this.#store.configure(this)) this.#storageProvider.setValue(this.#store.storage);
    this.#commentForms.setValue(this.#store.state.commentForms);
  }

  override render() {
    // Nothing until the language is known: a Spanish page never flashes English.
    if (!this.#locale.settled) return nothing;
    const state = this.#store.state;
    const view = state.view?.question.id === this.questionId ? state.view : undefined;
    const status = this.#load.status;
    return html`<section
      part="thread"
      dir=${this.#store.i18n.dir}
      aria-busy=${status === 'pending'}
    >
      ${view && state.copy?.offline ? this.#renderOffline(state.copy.savedAt) : nothing}
      ${view ? this.#renderThread(state, view, status) : this.#renderPlaceholder(status)}
      ${this.#live.render()}
    </section>`;
  }

  override updated() {
    const focus = this.#store.takeFocus();
    if (focus) this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  #renderPlaceholder(status: LoadStatus) {
    if (status === 'error') return this.#renderError();
    if (status === 'initial') {
      return html`<p part="status">${this.#store.i18n.t('thread.noQuestion')}</p>`;
    }
    return this.#renderLoading();
  }

  #renderLoading() {
    return html`<p part="status" role="status">${this.#store.i18n.t('thread.loading')}</p>`;
  }

  #renderError() {
    const {i18n} = this.#store;
    // A question that is not there (yet, or for this reader): trying again cannot help.
    if ((this.#load.error as QuandaError | undefined)?.status === 404) {
      return html`<p part="error" role="alert">${i18n.t('thread.notFound')}</p>`;
    }
    return html`<div part="error" role="alert">
      <p>${i18n.t('error.load')} ${describeError(i18n, this.#load.error)}</p>
      <button part="retry-button" type="button" @click=${this.handleRetry}>
        ${i18n.t('thread.retry')}
      </button>
    </div>`;
  }

  #renderOffline(savedAt: number) {
    const {i18n} = this.#store;
    const date = new Date(savedAt);
    const time = html`<time datetime=${date.toISOString()}>${i18n.dateTime(date)}</time>`;
    return html`<p part="offline" role="status">
      <span>${i18n.parts('thread.offline', {time})}</span>
      <button part="retry-button" type="button" @click=${this.handleRetry}>
        ${i18n.t('thread.retry')}
      </button>
    </p>`;
  }

  #renderThread(state: ThreadState, view: ThreadView, status: LoadStatus) {
    const {i18n} = this.#store;
    const now = this.#postsNow(state.clockOffset);
    const count = view.question.answerCount;
    const canAnswer = state.viewer?.canAnswer.allowed && this.#store.supports('postAnswer');
    return html`<quanda-question
        exportparts=${QUESTION_PARTS}
        .question=${view.question}
        .now=${now}
        heading-level=${this.headingLevel}
        ?vote-pending=${state.pendingVotes.has(view.question.id)}
      ></quanda-question>
      <div part="answers-header">
        <div
          part="answers-heading"
          id="answers-heading"
          tabindex="-1"
          role="heading"
          aria-level=${this.headingLevel + 1}
        >
          ${i18n.t('thread.answersHeading', {count})}
        </div>
        ${count > 1 ? this.#renderSort() : nothing}
      </div>
      ${
        status === 'pending' && !state.copy
          ? this.#renderLoading()
          : status === 'error'
            ? this.#renderError()
            : this.#renderAnswers(state, view, now)
      }
      ${
        canAnswer
          ? html`<quanda-answer-form
              part="answer-form"
              exportparts=${ANSWER_FORM_PARTS}
              heading-level=${this.headingLevel + 1}
            ></quanda-answer-form>`
          : nothing
      }`;
  }

  /** "Now" as the posts are given it (see `#now`), `offset` the server's clock ahead of ours. */
  #postsNow(offset: number): Date {
    const current = Date.now() + offset;
    if (this.#now?.offset !== offset || current - this.#now.date.getTime() > 30_000) {
      this.#now = {date: new Date(current), offset};
    }
    return this.#now.date;
  }

  #renderSort() {
    const {i18n} = this.#store;
    return html`<label class="sort" part="sort-label">
      <span>${i18n.t('thread.sortLabel')}</span>
      <select part="sort" @change=${this.handleSortChange}>
        ${Object.values(SORTS).map(
          (sort) =>
            html`<option value=${sort} ?selected=${sort === this.sort}>
              ${i18n.t(`thread.sort.${sort}`)}
            </option>`,
        )}
      </select>
    </label>`;
  }

  #renderAnswers(state: ThreadState, view: ThreadView, now: Date) {
    const {i18n} = this.#store;
    if (view.answers.length === 0) return html`<p part="empty">${i18n.t('thread.empty')}</p>`;
    const loading = state.more === 'loading';
    return html`<ol part="answers">
        ${repeat(
          view.answers,
          (answer) => answer.id,
          (answer) =>
            html`<li>
              <quanda-answer
                data-id=${answer.id}
                exportparts=${ANSWER_PARTS}
                .answer=${answer}
                .now=${now}
                ?vote-pending=${state.pendingVotes.has(answer.id)}
              ></quanda-answer>
            </li>`,
        )}
      </ol>
      ${
        state.more === 'failed'
          ? html`<p part="error" role="alert">
              ${i18n.t('error.loadMore')} ${describeError(i18n, state.moreError)}
            </p>`
          : nothing
      }
      ${
        state.nextCursor
          ? html`<button
              part="more-button"
              type="button"
              aria-disabled=${loading}
              @click=${this.handleShowMore}
            >
              ${i18n.t(loading ? 'thread.loadingMore' : 'thread.showMore')}
            </button>`
          : nothing
      }`;
  }

  private readonly handleRetry = () => {
    void this.#load.run();
  };

  private readonly handleSortChange = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    const parsed = z.safeParse(Sort, value);
    if (parsed.success) this.sort = parsed.data;
  };

  private readonly handleShowMore = () => {
    void this.#store.showMore();
  };
}

const INTENTS = [
  'quanda-vote',
  'quanda-accept',
  'quanda-answer-submit',
  'quanda-comment-submit',
  'quanda-comments-request',
  'quanda-flag',
  'quanda-edit',
  'quanda-remove',
] as const;

let writes: Promise<typeof ThreadWrites> | undefined;
/** One import for every intent, so intents are handled in the order they were fired. */
const loadWrites = () => (writes ??= import('../../write/thread-writes.js'));

declare global {
  interface HTMLElementTagNameMap {
    'quanda-thread': QuandaThread;
  }
}
