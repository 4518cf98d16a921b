/**
 * The thread's votes: shown at once, sent one at a time per post, queued in the outbox
 * when the network fails. Loaded on the first vote (and ready before it: see `attach` in
 * thread-writes.ts), apart from what it takes to write an answer.
 */
import {QuandaError} from '../api/api-error.js';
import {newIdempotencyKey} from '../write/rest-writes.js';
import {VoteResult} from '../api/schemas.js';
import type {VoteValue} from '../api/schemas.js';
import {QuandaVotedEvent} from './action-events.js';
import {describeError} from '../i18n/describe-error.js';
import {enActions} from './en-actions.js';
import type {Localizer} from '../i18n/localizer.js';
import {checked, clientMethod, mayPass, waitingNote} from '../write/write-support.js';
import type {VoteEntry, Writes} from '../write/write-support.js';
import type {ThreadStore} from '../data/thread-store.js';
import {changePost} from './view-updates.js';

/**
 * Votes show at once. Each post sends one vote at a time; a reader who clicks again
 * meanwhile gets the latest of their choices sent next. A refusal restores what the
 * server last confirmed, and says so.
 */
export async function vote(
  writes: Writes,
  store: ThreadStore,
  {postId, value}: {postId: string; value: VoteValue},
) {
  store.i18n.addEnglish(enActions); // what votes say comes with them
  const entry = voteEntry(writes, store, postId);
  if (!entry) return;
  entry.desired = value;
  showVote(store, postId, entry.confirmed.score - entry.confirmed.vote + value, value, true);
  if (entry.sending) return;
  entry.sending = true;
  const {i18n} = store;
  try {
    // Offline, or a vote already waiting for this post: this one waits too (and replaces it).
    if (!navigator.onLine || writes.queuedVotes.has(postId))
      throw new QuandaError('network', 'offline');
    for (;;) {
      const wanted = entry.desired;
      const raw = await clientMethod(store, 'vote')(postId, wanted);
      if (entry.desired !== wanted) continue;
      voted(store, postId, raw);
      break;
    }
  } catch (error) {
    if (mayPass(error)) {
      store.announce(i18n.t(waitingNote()));
      await writes.outbox.add({
        key: newIdempotencyKey(),
        kind: 'vote',
        postId,
        form: '',
        value: entry.desired,
      });
      return;
    }
    const failure = store.report(error, 'vote');
    showVote(store, postId, entry.confirmed.score, entry.confirmed.vote, false);
    store.announce(i18n.t('vote.failed', {reason: voteReason(i18n, failure)}));
  } finally {
    writes.votes.delete(postId);
  }
}

/**
 * The post's vote on its way, or a new one from what the server last confirmed. None for
 * a post not shown, or a comment (comments are not voted on).
 */
function voteEntry(writes: Writes, store: ThreadStore, postId: string): VoteEntry | undefined {
  const view = store.state.view;
  const post = view && [view.question, ...view.answers].find((voted) => voted.id === postId);
  if (!post) return undefined;
  let entry = writes.votes.get(postId);
  if (!entry) {
    const confirmed = {score: post.score, vote: post.viewerVote};
    writes.votes.set(postId, (entry = {confirmed, desired: post.viewerVote, sending: false}));
  }
  return entry;
}

/** The server has the vote: its score, announced. */
export function voted(store: ThreadStore, postId: string, raw: unknown) {
  store.i18n.addEnglish(enActions);
  const result = checked(store, VoteResult, raw);
  showVote(store, postId, result.score, result.viewerVote, false);
  const key = result.viewerVote === 0 ? 'vote.removed' : 'vote.saved';
  store.announce(store.i18n.t(key, {score: result.score}));
  store.emit(new QuandaVotedEvent({postId, value: result.viewerVote, score: result.score}));
}

function showVote(
  store: ThreadStore,
  postId: string,
  score: number,
  vote: VoteValue,
  pending: boolean,
) {
  changePost(store, postId, (post) => ({...post, score, viewerVote: vote}) as typeof post);
  const pendingVotes = new Set(store.state.pendingVotes);
  if (pending) pendingVotes.add(postId);
  else pendingVotes.delete(postId);
  store.update({pendingVotes});
}

/** Why a vote failed: the server's reason when it gave one the reader can act on. */
function voteReason(i18n: Localizer, error: QuandaError): string {
  if (error.status === 429) return i18n.t('reason.rate-limited');
  if (error.status === 403) return i18n.t('reason.other');
  return describeError(i18n, error);
}
