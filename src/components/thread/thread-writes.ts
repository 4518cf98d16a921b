import type {ReactiveControllerHost} from 'lit';
import * as z from 'zod/mini';
import {QuandaError} from '../../api/api-error.js';
import type {QuandaClient} from '../../api/client.js';
import {AcceptResult, Answer, Comment, CommentsPage, Post, VoteResult} from '../../api/schemas.js';
import type {Sort, VoteValue} from '../../api/schemas.js';
import {QuandaEvent} from '../../events/quanda-event.js';
import type {QuandaEventMap} from '../../events/quanda-event.js';
import {describeError} from '../../i18n/describe-error.js';
import type {Localizer} from '../../i18n/localizer.js';
import {enWrite} from '../../i18n/locales/en-write.js';
import {findPost, sortAnswers, updatePost} from './view-updates.js';
import type {ThreadView} from './thread-state.js';

/** What the writes need from the thread that owns the data. */
export interface ThreadHost extends ReactiveControllerHost, HTMLElement {
  readonly questionId: string;
  readonly sort: Sort;
  readonly i18n: Localizer;
  view: ThreadView | undefined;
  /** Post ids whose vote is being saved. */
  pendingVotes: ReadonlySet<string>;
  writeClient(): QuandaClient;
  /** A client's own results are checked against the contract; the RestClient's already are. */
  trusted(): boolean;
  announce(text: string): void;
  report(error: unknown, operation: string): QuandaError;
  reload(): void;
  /** Focus for after a post disappears. */
  focusAfterRemoval(postId: string): void;
}

interface VoteEntry {
  confirmed: {score: number; vote: VoteValue};
  desired: VoteValue;
  sending: boolean;
}

type Intent<K extends keyof QuandaEventMap> = QuandaEventMap[K];

const writers = new WeakMap<ThreadHost, ThreadWrites>();

/**
 * Acts on an intent once it has finished its way up the page (this module loads after
 * the dispatch), so a listener on the page could veto it with `preventDefault()`.
 * Resolves with the outcome the element that fired it waits for.
 */
export function handleIntent(host: ThreadHost, event: QuandaEvent<unknown>): Promise<unknown> {
  if (event.defaultPrevented) return Promise.resolve(undefined);
  let writes = writers.get(host);
  if (!writes) writers.set(host, (writes = new ThreadWrites(host)));
  return writes.handle(event);
}

/**
 * The thread's side of every write: it talks to the client, keeps the view in step
 * (optimistically for votes, rolled back on refusal), announces the outcome, and fires
 * the past-tense event once the server has confirmed. Loaded when the browser is idle
 * after the first paint, or on the first intent: none of it is in the first load.
 */
class ThreadWrites {
  readonly #host: ThreadHost;
  readonly #votes = new Map<string, VoteEntry>();

  constructor(host: ThreadHost) {
    this.#host = host;
    host.i18n.addEnglish(enWrite); // strings only writing needs come with the modules that write
  }

  handle(event: QuandaEvent<unknown>): Promise<unknown> {
    const detail = event.detail as never;
    switch (event.type as keyof QuandaEventMap) {
      case 'quanda-vote':
        return this.#vote(detail);
      case 'quanda-accept':
        return this.#accept(detail);
      case 'quanda-answer-submit':
        return this.#answer(detail);
      case 'quanda-comment-submit':
        return this.#comment(detail);
      case 'quanda-comments-request':
        return this.#loadComments(detail);
      case 'quanda-flag':
        return this.#flag(detail);
      case 'quanda-edit':
        return this.#edit(detail);
      case 'quanda-remove':
        return this.#remove(detail);
      default:
        return Promise.resolve(undefined);
    }
  }

  #client(): QuandaClient {
    return this.#host.writeClient();
  }

  /** The client's write method, or a clear refusal when a site's client has none. */
  #method<K extends keyof QuandaClient>(name: K): NonNullable<QuandaClient[K]> {
    const client = this.#client();
    const method = client[name];
    if (typeof method !== 'function') {
      throw new QuandaError('http', `This site's client cannot ${String(name)}`, {status: 501});
    }
    return method.bind(client) as NonNullable<QuandaClient[K]>;
  }

  #checked<T>(schema: z.ZodMiniType<T>, value: unknown): T {
    if (this.#host.trusted()) return value as T;
    const result = z.safeParse(schema, value);
    if (result.success) return result.data;
    throw new QuandaError('invalid-response', 'The client returned the wrong shape', {
      issues: result.error.issues,
    });
  }

  #change(id: string, change: Parameters<typeof updatePost>[2]) {
    const view = this.#host.view;
    if (view) this.#host.view = updatePost(view, id, change);
  }

  /**
   * Votes show at once. Each post sends one vote at a time; a reader who clicks again
   * meanwhile gets the latest of their choices sent next. A refusal restores what the
   * server last confirmed, and says so.
   */
  async #vote({postId, value}: {postId: string; value: VoteValue}) {
    const view = this.#host.view;
    const post = view && findPost(view, postId);
    if (!post || post.kind === 'comment') return;
    let entry = this.#votes.get(postId);
    if (!entry) {
      entry = {
        confirmed: {score: post.score, vote: post.viewerVote},
        desired: value,
        sending: false,
      };
      this.#votes.set(postId, entry);
    }
    entry.desired = value;
    this.#showVote(postId, entry.confirmed.score - entry.confirmed.vote + value, value, true);
    if (entry.sending) return;
    entry.sending = true;
    const {i18n} = this.#host;
    try {
      for (;;) {
        const wanted = entry.desired;
        const result = this.#checked(VoteResult, await this.#method('vote')(postId, wanted));
        entry.confirmed = {score: result.score, vote: result.viewerVote};
        if (entry.desired !== wanted) continue;
        this.#showVote(postId, result.score, result.viewerVote, false);
        const key = result.viewerVote === 0 ? 'vote.removed' : 'vote.saved';
        this.#host.announce(i18n.t(key, {score: result.score}));
        this.#host.dispatchEvent(
          new QuandaEvent('quanda-voted', {postId, value: result.viewerVote, score: result.score}),
        );
        break;
      }
    } catch (error) {
      const failure = this.#host.report(error, 'vote');
      this.#showVote(postId, entry.confirmed.score, entry.confirmed.vote, false);
      this.#host.announce(i18n.t('vote.failed', {reason: voteReason(i18n, failure)}));
    } finally {
      this.#votes.delete(postId);
    }
  }

  #showVote(postId: string, score: number, vote: VoteValue, pending: boolean) {
    this.#change(postId, (post) => ({...post, score, viewerVote: vote}) as typeof post);
    const pendingVotes = new Set(this.#host.pendingVotes);
    if (pending) pendingVotes.add(postId);
    else pendingVotes.delete(postId);
    this.#host.pendingVotes = pendingVotes;
  }

  async #accept({answerId, accepted}: {answerId: string; accepted: boolean}) {
    const {i18n} = this.#host;
    try {
      const raw = await this.#method('setAcceptedAnswer')(
        this.#host.questionId,
        accepted ? answerId : null,
      );
      const {acceptedAnswerId} = this.#checked(AcceptResult, raw);
      const view = this.#host.view;
      if (view) {
        const answers = view.answers.map((answer) =>
          answer.isAccepted === (answer.id === acceptedAnswerId)
            ? answer
            : {...answer, isAccepted: answer.id === acceptedAnswerId},
        );
        this.#host.view = {...view, answers: sortAnswers(answers, this.#host.sort)};
      }
      this.#host.announce(i18n.t(acceptedAnswerId ? 'accept.selected' : 'accept.cleared'));
      this.#host.dispatchEvent(new QuandaEvent('quanda-accepted', {answerId: acceptedAnswerId}));
    } catch (error) {
      const failure = this.#host.report(error, 'accept');
      this.#host.announce(i18n.t('accept.failed', {reason: describeError(i18n, failure)}));
    }
  }

  async #answer({answer}: Intent<'quanda-answer-submit'>['detail']) {
    try {
      const raw = await this.#method('postAnswer')(this.#host.questionId, answer);
      const posted = this.#checked(Answer, raw);
      const view = this.#host.view;
      if (view && !view.answers.some((existing) => existing.id === posted.id)) {
        const answers =
          this.#host.sort === 'newest'
            ? sortAnswers([...view.answers, posted], 'newest')
            : [...view.answers, posted];
        const question = {...view.question, answerCount: view.question.answerCount + 1};
        this.#host.view = {question, answers};
      }
      const {i18n} = this.#host;
      this.#host.announce(
        i18n.t(posted.status === 'pending' ? 'form.answer.pending' : 'form.answer.posted'),
      );
      this.#host.dispatchEvent(new QuandaEvent('quanda-answer-submitted', {answer: posted}));
      return posted;
    } catch (error) {
      throw this.#host.report(error, 'answer');
    }
  }

  async #comment({postId, comment}: Intent<'quanda-comment-submit'>['detail']) {
    try {
      const posted = this.#checked(Comment, await this.#method('postComment')(postId, comment));
      this.#change(postId, (post) =>
        post.kind === 'comment' || post.comments.items.some((item) => item.id === posted.id)
          ? post
          : {
              ...post,
              comments: {items: [...post.comments.items, posted], count: post.comments.count + 1},
            },
      );
      this.#host.announce(this.#host.i18n.t('form.comment.posted'));
      this.#host.dispatchEvent(new QuandaEvent('quanda-commented', {comment: posted}));
      return posted;
    } catch (error) {
      throw this.#host.report(error, 'comment');
    }
  }

  async #loadComments({postId}: {postId: string}) {
    try {
      const items: Comment[] = [];
      let cursor: string | undefined;
      do {
        const raw = await this.#method('getComments')(postId, {cursor});
        const page = this.#checked(CommentsPage, raw);
        items.push(...page.comments);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      this.#change(postId, (post) =>
        post.kind === 'comment' ? post : {...post, comments: {items, count: items.length}},
      );
    } catch (error) {
      throw this.#host.report(error, 'load-comments');
    }
  }

  async #flag({postId, flag}: Intent<'quanda-flag'>['detail']) {
    try {
      await this.#method('flag')(postId, flag);
      this.#host.announce(this.#host.i18n.t('flag.thanks'));
      this.#host.dispatchEvent(new QuandaEvent('quanda-flagged', {postId}));
    } catch (error) {
      throw this.#host.report(error, 'flag');
    }
  }

  async #edit({postId, edit}: Intent<'quanda-edit'>['detail']) {
    try {
      const updated = this.#checked(Post, await this.#method('editPost')(postId, edit));
      // Keep the comments the reader has loaded; the edit did not change them.
      this.#change(postId, (post) =>
        post.kind === 'comment' || updated.kind === 'comment'
          ? updated
          : ({...updated, comments: post.comments} as typeof post),
      );
      this.#host.announce(this.#host.i18n.t('post.saved'));
      this.#host.dispatchEvent(new QuandaEvent('quanda-edited', {post: updated}));
      return updated;
    } catch (error) {
      throw this.#host.report(error, 'edit');
    }
  }

  async #remove({postId}: {postId: string}) {
    try {
      await this.#method('removePost')(postId);
      if (postId === this.#host.questionId) this.#host.reload();
      else {
        this.#host.focusAfterRemoval(postId);
        this.#change(postId, () => null);
      }
      this.#host.announce(this.#host.i18n.t('post.removed'));
      this.#host.dispatchEvent(new QuandaEvent('quanda-removed', {postId}));
    } catch (error) {
      throw this.#host.report(error, 'remove');
    }
  }
}

/** Why a vote failed: the server's reason when it gave one the reader can act on. */
function voteReason(i18n: Localizer, error: QuandaError): string {
  if (error.status === 429) return i18n.t('reason.rate-limited');
  if (error.status === 403) return i18n.t('reason.other');
  return describeError(i18n, error);
}
