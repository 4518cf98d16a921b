/**
 * The thread's answers to the intents a reader needs rarely — choosing the best answer,
 * showing earlier comments, flagging, editing and removing — loaded on first use, apart
 * from what it takes to write an answer (thread-writes.ts).
 */
import {AcceptResult, CommentsPage, Post} from '../../api/schemas.js';
import type {Comment} from '../../api/schemas.js';
import {QuandaEvent} from '../../events/quanda-event.js';
import type {QuandaEventMap} from '../../events/quanda-event.js';
import {describeError} from '../../i18n/describe-error.js';
import {enActions} from '../../i18n/locales/en-actions.js';
import {checked, clientMethod, sortAnswers} from './thread-writes.js';
import type {ThreadHost} from './thread-writes.js';
import {changePost} from './view-updates.js';

type Intent<K extends keyof QuandaEventMap> = QuandaEventMap[K];

export function handleAction(host: ThreadHost, event: QuandaEvent<unknown>): Promise<unknown> {
  host.i18n.addEnglish(enActions); // what these say comes with them
  const detail = event.detail as never;
  switch (event.type) {
    case 'quanda-accept':
      return accept(host, detail);
    case 'quanda-comments-request':
      return loadComments(host, detail);
    case 'quanda-flag':
      return flag(host, detail);
    case 'quanda-edit':
      return edit(host, detail);
    case 'quanda-remove':
      return remove(host, detail);
    default:
      return Promise.resolve(undefined);
  }
}

async function accept(
  host: ThreadHost,
  {answerId, accepted}: {answerId: string; accepted: boolean},
) {
  const {i18n} = host;
  try {
    const raw = await clientMethod(host, 'setAcceptedAnswer')(
      host.questionId,
      accepted ? answerId : null,
    );
    const {acceptedAnswerId} = checked(host, AcceptResult, raw);
    const view = host.view;
    if (view) {
      const answers = view.answers.map((answer) =>
        answer.isAccepted === (answer.id === acceptedAnswerId)
          ? answer
          : {...answer, isAccepted: answer.id === acceptedAnswerId},
      );
      host.view = {...view, answers: sortAnswers(answers, host.sort)};
    }
    host.announce(i18n.t(acceptedAnswerId ? 'accept.selected' : 'accept.cleared'));
    host.dispatchEvent(new QuandaEvent('quanda-accepted', {answerId: acceptedAnswerId}));
  } catch (error) {
    const failure = host.report(error, 'accept');
    host.announce(i18n.t('accept.failed', {reason: describeError(i18n, failure)}));
  }
}

async function loadComments(host: ThreadHost, {postId}: {postId: string}) {
  try {
    const items: Comment[] = [];
    let cursor: string | undefined;
    do {
      const raw = await clientMethod(host, 'getComments')(postId, {cursor});
      const page = checked(host, CommentsPage, raw);
      items.push(...page.comments);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    changePost(host, postId, (post) =>
      post.kind === 'comment' ? post : {...post, comments: {items, count: items.length}},
    );
  } catch (error) {
    throw host.report(error, 'load-comments');
  }
}

async function flag(host: ThreadHost, {postId, flag}: Intent<'quanda-flag'>['detail']) {
  try {
    await clientMethod(host, 'flag')(postId, flag);
    host.announce(host.i18n.t('flag.thanks'));
    host.dispatchEvent(new QuandaEvent('quanda-flagged', {postId}));
  } catch (error) {
    throw host.report(error, 'flag');
  }
}

async function edit(host: ThreadHost, {postId, edit}: Intent<'quanda-edit'>['detail']) {
  try {
    const updated = checked(host, Post, await clientMethod(host, 'editPost')(postId, edit));
    // Keep the comments the reader has loaded; the edit did not change them.
    changePost(host, postId, (post) =>
      post.kind === 'comment' || updated.kind === 'comment'
        ? updated
        : ({...updated, comments: post.comments} as typeof post),
    );
    host.announce(host.i18n.t('post.saved'));
    host.dispatchEvent(new QuandaEvent('quanda-edited', {post: updated}));
    return updated;
  } catch (error) {
    throw host.report(error, 'edit');
  }
}

async function remove(host: ThreadHost, {postId}: {postId: string}) {
  try {
    await clientMethod(host, 'removePost')(postId);
    if (postId === host.questionId) host.reload();
    else {
      host.focusAfterRemoval(postId);
      changePost(host, postId, () => null);
    }
    host.announce(host.i18n.t('post.removed'));
    host.dispatchEvent(new QuandaEvent('quanda-removed', {postId}));
  } catch (error) {
    throw host.report(error, 'remove');
  }
}
