/**
 * Whether a viewer can reach a post and do something with it, as every write asks before
 * it changes anything, and the refusals it answers with. The rules themselves are
 * permissions.ts; this applies them to what the repository read.
 */
import type {Permission} from '../../api/schemas.js';
import type {StoredStatus} from '../db/database.js';
import {shownStatus, visibleTo} from '../post-rows.js';
import {viewerCan} from './permissions.js';
import type {ViewerFacts} from './permissions.js';
import type {PostFacts, PostRecord, PostRows, ReadOptions} from './repository.js';
import {RuleError} from './rule-error.js';

type Visibility = {status: StoredStatus; authorId: string | null};

const visible = ({status, authorId}: Visibility, viewerId: string | null) =>
  visibleTo({status, author_id: authorId}, viewerId);

/**
 * A post the viewer can reach: it, its question and (for a comment) the post it is on
 * are all visible to them.
 */
export function reachable(record: PostRecord, viewerId: string | null): boolean {
  return (
    visible(record, viewerId) &&
    visible(record.question, viewerId) &&
    (record.parent === null || visible(record.parent, viewerId))
  );
}

/** An answer the viewer can reach, its question already read (`findPost`) and reachable. */
export function reachableAnswerOf(
  answer: PostFacts | null,
  questionId: string,
  viewerId: string,
): answer is PostFacts {
  return answer?.kind === 'answer' && answer.questionId === questionId && visible(answer, viewerId);
}

/** The post, if the viewer can reach it; otherwise the same 404 as for a post that never was. */
export async function reachablePost(
  tx: PostRows,
  postId: string,
  viewerId: string,
  options?: ReadOptions,
): Promise<PostRecord> {
  const post = await tx.findPost(postId, options);
  if (!post || !reachable(post, viewerId)) throw notFound('post', postId);
  return post;
}

/** What the viewer may do with a post, by the same rules the thread shows them. */
export function can(
  post: PostFacts,
  question: {authorId: string | null},
  viewerId: string,
): ReturnType<typeof viewerCan> {
  const facts: ViewerFacts = {viewerId, isAsker: question.authorId === viewerId};
  return viewerCan(
    {kind: post.kind, status: shownStatus(post.status), authorId: post.authorId},
    facts,
  );
}

const refusals: Record<string, string> = {
  pending: 'This post is waiting for a moderator',
  hidden: 'This post is hidden until a moderator looks at it',
  'not-asker': 'Only the person who asked the question can choose the best answer',
  'not-answer': 'Only an answer can be chosen as the best answer',
  'not-author': 'Only the author of a post can edit or remove it',
  'not-votable': 'Comments are not voted on',
  'not-commentable': 'Comments cannot be commented on',
};

/** Refuses with the permission's reason: `doing` completes "You cannot … your own post". */
export function permit(permission: Permission, doing: string) {
  if (permission.allowed) return;
  const reason = permission.reason ?? 'forbidden';
  const message =
    reason === 'own-post'
      ? `You cannot ${doing} your own post`
      : (refusals[reason] ?? 'This is not allowed');
  throw new RuleError('forbidden', message, {reason});
}

export function notFound(what: 'post' | 'question', id: string) {
  return new RuleError('not_found', `No ${what} "${id}"`);
}
