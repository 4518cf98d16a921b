import {LitElement, html, nothing} from 'lit';
import {provide} from '@lit/context';
import {Task, TaskStatus, initialState} from '@lit/task';
import {property, state} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import * as z from 'zod/mini';
import {QuandaError, toQuandaError} from '../../api/api-error.js';
import {RestClient} from '../../api/client.js';
import type {GetThreadOptions, QuandaClient} from '../../api/client.js';
import {Sort, Thread} from '../../api/schemas.js';
import type {Answer} from '../../api/schemas.js';
import {localizerContext} from '../../context/contexts.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {QuandaErrorEvent} from '../../events/error-event.js';
import {describeError} from '../../i18n/describe-error.js';
import {english} from '../../i18n/localizer.js';
import type {Localizer} from '../../i18n/localizer.js';
import {hostStyles} from '../../styles/host.styles.js';
import {styles} from './thread.styles.js';

const SORTS = Sort.def.entries;

/** Parts of inner elements that a page can style from outside, through the thread. */
const QUESTION_PARTS =
  'question, title, body, tags, tag, meta, edited, author, vote, score, score-label';
const ANSWER_PARTS =
  'answer, badge, body: answer-body, meta: answer-meta, edited: answer-edited, author, vote, score, score-label';

/**
 * A question thread, loaded from a Quanda backend: the question, its answers ranked by
 * votes with the best answer first, and "Show more answers". The only element that talks
 * to the backend; the others show what it hands them. Speaks the language of `lang` on
 * the element or the nearest ancestor, and changes language when that attribute changes.
 *
 * @summary Drop-in Q&A thread: `<quanda-thread endpoint="…" question-id="…">`.
 * @tag quanda-thread
 * @fires {QuandaErrorEvent} quanda-error - A request failed; the reader has been told. `event.error` is a `QuandaError`, `event.operation` is `load` or `load-more`.
 * @csspart thread - The whole thread.
 * @csspart status - "Loading answers…", or that no question is set.
 * @csspart error - The message shown when loading failed.
 * @csspart retry-button - "Try again" after a failure.
 * @csspart answers-header - The answer count and the sort control.
 * @csspart answers-heading - "3 answers".
 * @csspart sort-label - "Sort answers by" and the control.
 * @csspart sort - The sort control (a `<select>`).
 * @csspart answers - The list of answers.
 * @csspart empty - "No answers yet."
 * @csspart more-button - "Show more answers".
 * @csspart question - Forwarded from `<quanda-question>`: the whole question.
 * @csspart title - Forwarded from `<quanda-question>`: its title.
 * @csspart body - Forwarded from `<quanda-question>`: its text.
 * @csspart tags - Forwarded from `<quanda-question>`: the list of tags.
 * @csspart tag - Forwarded from `<quanda-question>`: one tag.
 * @csspart meta - Forwarded from `<quanda-question>`: "asked … by …".
 * @csspart edited - Forwarded from `<quanda-question>`: "edited … by …".
 * @csspart answer - Forwarded from each `<quanda-answer>`: the whole answer.
 * @csspart badge - Forwarded from `<quanda-answer>`: the "Best answer" badge.
 * @csspart answer-body - Forwarded from `<quanda-answer>`: its text (`body` there).
 * @csspart answer-meta - Forwarded from `<quanda-answer>`: "answered … by …" (`meta` there).
 * @csspart answer-edited - Forwarded from `<quanda-answer>`: "edited … by …" (`edited` there).
 * @csspart author - Forwarded from the question and the answers: an author's name.
 * @csspart vote - Forwarded from the question and the answers: the score beside a post.
 * @csspart score - Forwarded from each `<quanda-vote>`: the number.
 * @csspart score-label - Forwarded from each `<quanda-vote>`: the word after the number.
 * @cssprop [--quanda-thread-gap=var(--quanda-space-m, 16px)] - Space between the question, the answers header and the answers.
 * @cssprop [--quanda-thread-padding=0] - Padding around the thread; `var(--quanda-space-l, 24px)` when it has a `theme`.
 */
export class QuandaThread extends LitElement {
  static override styles = [hostStyles, styles];

  /** Base URL of the Quanda API, absolute or relative to the page (`/api`). */
  @property() endpoint = '';

  /** The question this thread shows. Changing it loads the other thread. */
  @property({attribute: 'question-id'}) questionId = '';

  /** How answers are ordered: `votes` (default), `oldest` or `newest`. */
  @property() sort: Sort = 'votes';

  /** Heading level of the question title; the answer count is one level below. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;

  /**
   * `light` or `dark` paints the thread in that scheme with a surface of its own. Unset
   * (the default), the thread has no background and follows the page's `color-scheme`.
   */
  @property({reflect: true}) theme?: 'light' | 'dark';

  /** Replace to talk to a backend that does not speak the Quanda contract. */
  @property({attribute: false}) client?: QuandaClient;

  @provide({context: localizerContext})
  @state()
  private i18n: Localizer = english;

  @state() private thread?: Thread;
  @state() private answers: Answer[] = [];
  @state() private nextCursor: string | null = null;
  @state() private more: 'idle' | 'loading' | 'failed' = 'idle';
  @state() private announcement = '';

  /** Server clock minus the reader's, so "3 days ago" follows the server. */
  #clockOffset = 0;
  #rest?: {for: string; client: RestClient};
  #moreRequest?: AbortController;
  #focusFrom = -1;
  #lastMoreError?: QuandaError;

  constructor() {
    super();
    new LocaleController(this, (localizer) => (this.i18n = localizer));
  }

  readonly #load = new Task(this, {
    task: async ([client, endpoint, questionId, sort], {signal}) => {
      this.#moreRequest?.abort();
      if (!questionId || !(client || endpoint)) return initialState;
      try {
        return await this.#fetch({sort, signal});
      } catch (error) {
        if (signal.aborted) throw error;
        throw this.#report(error, 'load');
      }
    },
    args: () => [this.client, this.endpoint, this.questionId, this.sort] as const,
    onComplete: (thread) => this.#show(thread),
  });

  override render() {
    const thread = this.thread?.question.id === this.questionId ? this.thread : undefined;
    const status = this.#load.status;
    return html`<section
      part="thread"
      dir=${this.i18n.dir}
      aria-busy=${status === TaskStatus.PENDING}
    >
      ${thread ? this.#renderThread(thread, status) : this.#renderPlaceholder(status)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  override updated() {
    if (this.#focusFrom < 0) return;
    const first = this.renderRoot.querySelectorAll('quanda-answer')[this.#focusFrom];
    this.#focusFrom = -1;
    first?.focus();
  }

  #renderPlaceholder(status: TaskStatus) {
    if (status === TaskStatus.ERROR) return this.#renderError();
    if (status === TaskStatus.INITIAL) {
      return html`<p part="status">${this.i18n.t('thread.noQuestion')}</p>`;
    }
    return this.#renderLoading();
  }

  #renderLoading() {
    return html`<p part="status" role="status">${this.i18n.t('thread.loading')}</p>`;
  }

  #renderError() {
    const {i18n} = this;
    return html`<div part="error" role="alert">
      <p>${i18n.t('error.load')} ${describeError(i18n, this.#load.error)}</p>
      <button part="retry-button" type="button" @click=${this.handleRetry}>
        ${i18n.t('thread.retry')}
      </button>
    </div>`;
  }

  #renderThread(thread: Thread, status: TaskStatus) {
    const {i18n} = this;
    const now = new Date(Date.now() + this.#clockOffset);
    const count = thread.question.answerCount;
    return html`<quanda-question
        exportparts=${QUESTION_PARTS}
        .question=${thread.question}
        .now=${now}
        heading-level=${this.headingLevel}
      ></quanda-question>
      <div part="answers-header">
        <div part="answers-heading" role="heading" aria-level=${this.headingLevel + 1}>
          ${i18n.t('thread.answersHeading', {count})}
        </div>
        ${count > 1 ? this.#renderSort() : nothing}
      </div>
      ${
        status === TaskStatus.PENDING
          ? this.#renderLoading()
          : status === TaskStatus.ERROR
            ? this.#renderError()
            : this.#renderAnswers(now)
      }`;
  }

  #renderSort() {
    const {i18n} = this;
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

  #renderAnswers(now: Date) {
    const {i18n} = this;
    if (this.answers.length === 0) return html`<p part="empty">${i18n.t('thread.empty')}</p>`;
    const loading = this.more === 'loading';
    return html`<ol part="answers">
        ${repeat(
          this.answers,
          (answer) => answer.id,
          (answer) =>
            html`<li>
              <quanda-answer
                tabindex="-1"
                exportparts=${ANSWER_PARTS}
                .answer=${answer}
                .now=${now}
              ></quanda-answer>
            </li>`,
        )}
      </ol>
      ${
        this.more === 'failed'
          ? html`<p part="error" role="alert">
              ${i18n.t('error.loadMore')} ${describeError(i18n, this.#lastMoreError)}
            </p>`
          : nothing
      }
      ${
        this.nextCursor
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

  private handleRetry() {
    void this.#load.run();
  }

  private handleSortChange(event: Event) {
    const value = (event.target as HTMLSelectElement).value;
    const parsed = z.safeParse(Sort, value);
    if (parsed.success) this.sort = parsed.data;
  }

  private async handleShowMore() {
    const cursor = this.nextCursor;
    if (!cursor || this.more === 'loading') return;
    const request = new AbortController();
    this.#moreRequest = request;
    this.more = 'loading';
    this.announcement = '';
    try {
      const page = await this.#fetch({sort: this.sort, cursor, signal: request.signal});
      const known = new Set(this.answers.map((answer) => answer.id));
      const added = page.answers.filter((answer) => !known.has(answer.id));
      this.#focusFrom = added.length ? this.answers.length : -1;
      this.answers = [...this.answers, ...added];
      this.nextCursor = page.nextCursor;
      this.more = 'idle';
      this.announcement = this.i18n.t('thread.moreLoaded', {count: added.length});
    } catch (error) {
      if (request.signal.aborted) return;
      this.#lastMoreError = this.#report(error, 'load-more');
      this.more = 'failed';
    }
  }

  #show(thread: Thread) {
    this.#clockOffset = Date.parse(thread.serverTime) - Date.now();
    this.thread = thread;
    this.answers = thread.answers;
    this.nextCursor = thread.nextCursor;
    this.more = 'idle';
  }

  /** Tells listeners (and through them the site) what failed; returns the typed error. */
  #report(error: unknown, operation: string): QuandaError {
    const quandaError = toQuandaError(error);
    this.dispatchEvent(new QuandaErrorEvent(quandaError, operation));
    return quandaError;
  }

  /**
   * One page of the thread from the site's client, or from a RestClient on `endpoint`.
   * A site's own client is held to the contract too: what it returns is checked here.
   */
  async #fetch(options: GetThreadOptions): Promise<Thread> {
    if (!this.client) return this.#restClient().getThread(this.questionId, options);
    const result = z.safeParse(Thread, await this.client.getThread(this.questionId, options));
    if (result.success) return result.data;
    throw new QuandaError('invalid-response', 'The client returned a thread of the wrong shape', {
      issues: result.error.issues,
    });
  }

  #restClient(): RestClient {
    if (this.#rest?.for !== this.endpoint) {
      this.#rest = {for: this.endpoint, client: new RestClient({endpoint: this.endpoint})};
    }
    return this.#rest.client;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-thread': QuandaThread;
  }
}
