/**
 * The thread's answers to the intents a reader needs rarely — choosing the best answer,
 * showing earlier comments, flagging, editing and removing — loaded on first use, apart
 * from what it takes to write an answer (thread-writes.ts).
 */
import {AcceptResult, CommentsPage, Post} from '../api/schemas.js';
import type {Comment} from '../api/schemas.js';
import {
  QuandaAcceptedEvent,
  QuandaEditedEvent,
  QuandaFlaggedEvent,
  QuandaRemovedEvent,
} from './action-events.js';
import type {QuandaEvent} from '../events/quanda-event.js';
import type {QuandaEventMap} from '../events/event-map.js';
import {describeError} from '../i18n/describe-error.js';
import {enActions} from './en-actions.js';
import {checked, clientMethod, sortAnswers} from '../write/write-support.js';
import type {ThreadStore} from '../data/thread-store.js';
import {changePost} from './view-updates.js';

type Intent<K extends keyof QuandaEventMap> = QuandaEventMap[K];

export function handleAction(store: ThreadStore, event: QuandaEvent<unknown>): Promise<unknown> {
  store.i18n.addEnglish(enActions); // what these say comes with them
  const detail = event.detail as never;
  switch (event.type) {
    case 'quanda-accept':
      return accept(store, detail);
    case 'quanda-comments-request':
      return loadComments(store, detail);
    case 'quanda-flag':
      return flag(store, detail);
    case 'quanda-edit':
      return edit(store, detail);
    case 'quanda-remove':
      return remove(store, detail);
    default:
      return Promise.resolve(undefined);
  }
}

async function accept(
  store: ThreadStore,
  {answerId, accepted}: {answerId: string; accepted: boolean},
) {
  const {i18n} = store;
  try {
    const raw = await clientMethod(store, 'setAcceptedAnswer')(
      store.questionId,
      accepted ? answerId : null,
    );
    const {acceptedAnswerId} = checked(store, AcceptResult, raw);
    const view = store.state.view;
    if (view) {
      const answers = view.answers.map((answer) =>
        answer.isAccepted === (answer.id === acceptedAnswerId)
          ? answer
          : {...answer, isAccepted: answer.id === acceptedAnswerId},
      );
      store.update({view: {...view, answers: sortAnswers(answers, store.sort)}});
    }
    store.announce(i18n.t(acceptedAnswerId ? 'accept.selected' : 'accept.cleared'));
    store.emit(new QuandaAcceptedEvent({answerId: acceptedAnswerId}));
  } catch (error) {
    const failure = store.report(error, 'accept');
    store.announce(i18n.t('accept.failed', {reason: describeError(i18n, failure)}));
  }
}

async function loadComments(store: ThreadStore, {postId}: {postId: string}) {
  try {
    const items: Comment[] = [];
    let cursor: string | undefined;
    do {
      const raw = await clientMethod(store, 'getComments')(postId, {cursor});
      const page = checked(store, CommentsPage, raw);
      items.push(...page.comments);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    changePost(store, postId, (post) =>
      post.kind === 'comment' ? post : {...post, comments: {items, count: items.length}},
    );
  } catch (error) {
    throw store.report(error, 'load-comments');
  }
}

async function flag(store: ThreadStore, {postId, flag}: Intent<'quanda-flag'>['detail']) {
  try {
    await clientMethod(store, 'flag')(postId, flag);
    store.announce(store.i18n.t('flag.thanks'));
    store.emit(new QuandaFlaggedEvent({postId}));
  } catch (error) {
    throw store.report(error, 'flag');
  }
}

async function edit(store: ThreadStore, {postId, edit}: Intent<'quanda-edit'>['detail']) {
  try {
    const updated = checked(store, Post, await clientMethod(store, 'editPost')(postId, edit));
    // Keep the comments the reader has loaded; the edit did not change them.
    changePost(store, postId, (post) =>
      post.kind === 'comment' || updated.kind === 'comment'
        ? updated
        : {...updated, comments: post.comments},
    );
    store.announce(store.i18n.t('post.saved'));
    store.emit(new QuandaEditedEvent({post: updated}));
    return updated;
  } catch (error) {
    throw store.report(error, 'edit');
  }
}

async function remove(store: ThreadStore, {postId}: {postId: string}) {
  try {
    await clientMethod(store, 'removePost')(postId);
    if (postId === store.questionId) store.reload();
    else {
      focusAfterRemoval(store, postId);
      changePost(store, postId, () => null);
    }
    store.announce(store.i18n.t('post.removed'));
    store.emit(new QuandaRemovedEvent({postId}));
  } catch (error) {
    throw store.report(error, 'remove');
  }
}

/** Focus for after a post disappears: the next answer, else the one before, else the count. */
function focusAfterRemoval(store: ThreadStore, postId: string) {
  const answers = store.state.view?.answers ?? [];
  const index = answers.findIndex((answer) => answer.id === postId);
  if (index < 0) return; // a comment: its list keeps focus
  const next = answers[index + 1] ?? answers[index - 1];
  store.update({focus: next ? `quanda-answer[data-id="${next.id}"]` : '#answers-heading'});
}
