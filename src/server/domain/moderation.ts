/**
 * Flags and moderators: one flag per reader per post; enough open flags hide an answer or
 * a comment until a moderator looks (never a question: the whole thread would go with
 * it); a moderator's hide, restore or approve deals with the flags so far. Runs inside a
 * write's transaction, on the Repository it is handed.
 */
import type {ModeratedPost, ModerationAction} from '../../api/moderation.js';
import type {FlagReason} from '../../api/requests.js';
import {can, notFound, permit, reachablePost} from './access.js';
import {changeStatus} from './posts.js';
import type {Repository} from './repository.js';

/** A reader's flag, by the same rules the thread shows; at `threshold` open flags the post is hidden. */
export async function flag(
  tx: Repository,
  postId: string,
  viewerId: string,
  given: {reason: FlagReason; note?: string},
  threshold: number,
) {
  // Under the post's lock: the count and the status it decides on are read as they are.
  const post = await reachablePost(tx, postId, viewerId, {forUpdate: true});
  permit(can(post, post.question, viewerId).flag, 'flag');
  await tx.insertFlag(postId, viewerId, given);
  // Readers' flags alone never hide a question: they reach the moderators' flagged
  // queue, and the thread stays readable.
  if (post.kind === 'question' || post.status !== 'published') return;
  if ((await tx.openFlagCount(postId)) >= threshold) await changeStatus(tx, post, 'hidden');
}

/** Hides, restores or approves a post, and clears its open flags. */
export async function moderate(
  tx: Repository,
  postId: string,
  action: ModerationAction,
): Promise<ModeratedPost> {
  const post = await tx.postFacts(postId, {forUpdate: true});
  if (!post || post.status === 'removed') throw notFound('post', postId);
  await changeStatus(tx, post, action === 'hide' ? 'hidden' : 'published');
  // A moderator has looked: the flags so far are dealt with, whichever way it went.
  await tx.clearFlags(postId);
  return tx.moderatedPost(postId);
}
