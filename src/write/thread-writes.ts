import {QuandaError} from '../api/api-error.js';
import type {NewAnswer} from '../api/requests.js';
import {newIdempotencyKey} from './rest-writes.js';
import {Answer} from '../api/schemas.js';
import type {Question, Comment} from '../api/schemas.js';
import type {ThreadStore} from '../data/thread-store.js';
import type {Queued} from '../data/thread-view.js';
import {OutboxController} from './outbox-controller.js';
import {offerMail} from './mail-offer.js';
import type {QueuedWrite} from '../storage/idb/database.js';
import {QuandaAnswerSubmittedEvent} from './write-events.js';
import type {QuandaEvent} from '../events/quanda-event.js';
import type {QuandaEventMap} from '../events/event-map.js';
import {describeError} from '../i18n/describe-error.js';
import {enWrite} from './en-write.js';
import {checked, clientMethod, mayPass, sortAnswers, waitingNote} from './write-support.js';
import type {VoteEntry, Writes} from './write-support.js';

type Intent<K extends keyof QuandaEventMap> = QuandaEventMap[K];

const writers = new WeakMap<ThreadStore, ThreadWrites>();

/** Votes and comments load apart (when the thread shows, or on first use): writing an answer needs neither. */
const votes = () => import('../actions/thread-votes.js');
const comments = () => import('../actions/thread-comments.js');

/**
 * Acts on an intent once it has finished its way up the page (this module loads after
 * the dispatch), so a listener on the page could veto it with `preventDefault()`.
 * Resolves with the outcome the element that fired it waits for.
 */
export function handleIntent(store: ThreadStore, event: QuandaEvent<unknown>): Promise<unknown> {
  if (event.defaultPrevented) return Promise.resolve(undefined);
  return writesOf(store).handle(event);
}

/** The thread shows a question (again): what waits in its outbox shows too, and is sent. */
export function attach(store: ThreadStore) {
  const writes = writesOf(store);
  void writes.outbox.load();
  // Whether the forms offer mail: the backend says.
  if (store.storage) offerMail(store.storage, store.client);
  // Comment forms holding a draft open again; votes and the rest are ready before the first click.
  void comments()
    .then((module) => module.reopenComments(store))
    .catch(() => undefined);
  void votes().catch(() => undefined);
  void import('../actions/thread-actions.js').catch(() => undefined);
}

function writesOf(store: ThreadStore): ThreadWrites {
  let writes = writers.get(store);
  if (!writes) writers.set(store, (writes = new ThreadWrites(store)));
  return writes;
}

/**
 * The thread's side of every write: it talks to the client, keeps the view in step,
 * announces the outcome, and fires the past-tense event once the server has confirmed.
 * Loaded when the browser is idle after the first paint, or on the first intent: none of
 * it is in the first load. What writing an answer needs is here, with the outbox; votes
 * (thread-votes.ts), comments (thread-comments.ts) and the rarer actions
 * (thread-actions.ts) load apart.
 */
export class ThreadWrites implements Writes {
  readonly #store: ThreadStore;
  /** Votes being sent, by post. */
  readonly votes = new Map<string, VoteEntry>();
  /** Posts whose vote waits in the outbox. */
  readonly queuedVotes = new Set<string>();
  readonly outbox: OutboxController;

  constructor(store: ThreadStore) {
    this.#store = store;
    store.i18n.addEnglish(enWrite); // strings only writing needs come with the modules that write
    this.outbox = new OutboxController(store, {
      send: (item, post) => this.#sendQueued(item, post),
      sent: async (item, result, withoutEmail) => {
        if (item.kind === 'answer') this.#answered(result, withoutEmail);
        else if (item.kind === 'comment') {
          (await comments()).commented(store, item.postId, result, withoutEmail);
        } else (await votes()).voted(store, item.postId, result);
      },
      refused: (item, error) => this.#refused(item, error),
      show: (items, note) => this.#showQueue(items, note),
    });
  }

  handle(event: QuandaEvent<unknown>): Promise<unknown> {
    const detail = event.detail as never;
    switch (event.type as keyof QuandaEventMap) {
      case 'quanda-vote':
        // Votes load on the first one: not needed to write an answer.
        return votes().then(({vote}) => vote(this, this.#store, detail));
      case 'quanda-answer-submit':
        return this.#answer(detail);
      case 'quanda-comment-submit':
        return comments().then(({comment}) => comment(this, this.#store, detail));
      default:
        // Accept, edit, remove, flag, earlier comments: not needed to write an answer.
        return import('../actions/thread-actions.js').then(({handleAction}) =>
          handleAction(this.#store, event),
        );
    }
  }

  #answer({answer}: Intent<'quanda-answer-submit'>['detail']) {
    const postId = this.#store.questionId;
    return this.post(
      {key: newIdempotencyKey(), kind: 'answer', postId, form: 'answer'},
      answer,
      (raw) => this.#answered(raw, false),
    );
  }

  /**
   * Sends an answer or a comment now, or — offline, or the server failing — queues it in
   * the outbox under the same idempotency key (it may have reached the server already).
   * `posted` takes the server's result.
   */
  async post<T>(
    item: Pick<QueuedWrite, 'key' | 'kind' | 'postId' | 'form'>,
    post: NewAnswer,
    posted: (raw: unknown) => T,
  ) {
    try {
      if (!navigator.onLine) throw new QuandaError('network', 'offline');
      return posted(await this.#sendQueued(item, post));
    } catch (error) {
      if (!mayPass(error)) throw this.#store.report(error, item.kind);
      const {email, ...kept} = post;
      await this.outbox.add({...item, post: kept}, email);
      this.#store.announce(this.#store.i18n.t(waitingNote()));
      return {queued: true};
    }
  }

  #answered(raw: unknown, withoutEmail: boolean) {
    const store = this.#store;
    const posted = checked(store, Answer, raw);
    const view = store.state.view;
    if (view && !view.answers.some((existing) => existing.id === posted.id)) {
      const answers =
        store.sort === 'newest'
          ? sortAnswers([...view.answers, posted], 'newest')
          : [...view.answers, posted];
      const question = {...view.question, answerCount: view.question.answerCount + 1};
      store.update({view: {question, answers}});
    }
    const {i18n} = store;
    store.announce(
      i18n.t(
        withoutEmail
          ? 'outbox.noEmail'
          : posted.status === 'pending'
            ? 'form.answer.pending'
            : 'form.answer.posted',
      ),
    );
    store.emit(new QuandaAnswerSubmittedEvent({answer: posted}));
    return posted;
  }

  /** Sends a queued write under its own key. */
  #sendQueued(
    item: Pick<QueuedWrite, 'key' | 'kind' | 'postId' | 'value'>,
    post: QueuedWrite['post'],
  ): Promise<unknown> {
    const options = {idempotencyKey: item.key};
    const store = this.#store;
    if (item.kind === 'vote') return clientMethod(store, 'vote')(item.postId, item.value!, options);
    // The page and the language, for the links in mails and the words of those asked for.
    const sent = {...post!, page: location.href, locale: store.i18n.locale};
    if (item.kind === 'comment')
      return clientMethod(store, 'postComment')(item.postId, sent, options);
    return clientMethod(store, 'postAnswer')(item.postId, sent, options);
  }

  /** A queued write the server refused: say why; its text is back in its form. */
  #refused(item: QueuedWrite, error: QuandaError): string {
    const store = this.#store;
    const {i18n} = store;
    store.report(error, item.kind);
    const reason =
      error.code === 'duplicate' ? i18n.t('form.error.duplicate') : describeError(i18n, error);
    store.announce(i18n.t('outbox.refused', {reason}));
    if (item.kind === 'vote') store.reload(); // back to what the server has
    if (item.kind === 'comment') {
      void comments().then((module) => module.openCommentForm(store, item.postId));
    }
    return reason;
  }

  /** Shows what waits in the outbox where it will appear once sent. */
  #showQueue(items: readonly QueuedWrite[], note: 'offline' | 'retrying') {
    const store = this.#store;
    const {view, pendingVotes} = store.state;
    if (!view) return;
    const votes = new Set(pendingVotes);
    for (const postId of this.queuedVotes) if (!this.votes.has(postId)) votes.delete(postId);
    this.queuedVotes.clear();
    // Each post as the server has it (a new object only where something changes), then
    // with what waits for it: the reader's vote, their comments.
    const withQueue = <P extends Question | Answer>(post: P): P => {
      let next = post.comments.items.some(isQueued)
        ? {
            ...post,
            comments: {...post.comments, items: post.comments.items.filter((c) => !isQueued(c))},
          }
        : post;
      for (const item of items) {
        if (item.kind === 'answer' || item.postId !== post.id) continue;
        next =
          item.kind === 'vote'
            ? {...next, score: next.score - next.viewerVote + item.value!, viewerVote: item.value!}
            : {
                ...next,
                comments: {
                  ...next.comments,
                  items: [...next.comments.items, queuedPost(item, note) as Comment],
                },
              };
      }
      return next;
    };
    const answers = view.answers.filter((answer) => !isQueued(answer)).map(withQueue);
    for (const item of items) {
      if (item.kind === 'answer') answers.push(queuedPost(item, note) as Answer);
      if (item.kind === 'vote') {
        votes.add(item.postId);
        this.queuedVotes.add(item.postId);
      }
    }
    store.update({view: {question: withQueue(view.question), answers}, pendingVotes: votes});
  }
}

const isQueued = (post: object) => !!(post as Queued).queued;

const nobody = {allowed: false, reason: 'pending'};

/** A queued answer or comment, shaped like the post it will be, marked as waiting. */
function queuedPost(item: QueuedWrite, note: 'offline' | 'retrying'): (Answer | Comment) & Queued {
  return {
    id: `queued-${item.key}`,
    kind: item.kind === 'answer' ? 'answer' : 'comment',
    parentId: item.postId,
    status: 'published',
    queued: note,
    body: {format: 'text', text: item.post!.body},
    author: {displayName: item.post!.displayName || null, points: null, isViewer: true},
    createdAt: new Date(item.savedAt).toISOString(),
    lastEdit: null,
    score: 0,
    viewerVote: 0,
    viewerCan: {vote: nobody, accept: nobody, edit: nobody, flag: nobody, comment: nobody},
    comments: {items: [], count: 0},
    isAccepted: false,
  };
}
