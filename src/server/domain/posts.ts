/**
 * The rules for writing posts, in one place: who may answer, comment, edit, remove and
 * choose a best answer, what makes a post a duplicate, which name it shows, and when it
 * waits for a moderator. Each function runs inside a write's transaction, on the Store it
 * is handed (bound to that transaction), and refuses with a RuleError that the API maps
 * to its envelope; nothing here knows about HTTP.
 */
import type {Permission} from '../../api/schemas.js';
import {limits} from '../../api/schemas.js';
import {canAnswer, viewerCan} from '../policy.js';
import type {ViewerFacts} from '../policy.js';
import {shownStatus} from '../post-rows.js';
import {reachable} from '../store.js';
import type {PostOfKind, PostRecord, Store} from '../store.js';
import {cleanText, comparable, visibleLength} from '../text.js';
import {RuleError} from './rule-error.js';

const bodyLimits = {
  question: limits.questionBody,
  answer: limits.answerBody,
  comment: limits.commentBody,
} as const;

/** A new answer or comment, its text already cleaned and rendered (text.ts, rich-text.ts). */
export interface NewPost {
  viewerId: string;
  body: string;
  html: string;
  displayName?: string;
  notifyEmail: string | null;
  /** The site premoderates: the post waits for a moderator. */
  premoderate: boolean;
}

/**
 * Adds an answer to a question, or a comment to a question or an answer: one path for
 * both. The parent must be there for the viewer and open to it, the words must not
 * repeat a sibling's, and the name shown must not be another author's in the thread.
 */
export async function addPost<K extends 'answer' | 'comment'>(
  tx: Store,
  kind: K,
  parentId: string,
  post: NewPost,
): Promise<PostOfKind[K]> {
  const {viewerId} = post;
  const parent = await tx.findPost(parentId);
  if (kind === 'answer') {
    if (parent?.kind !== 'question' || !reachable(parent, viewerId)) {
      throw notFound('question', parentId);
    }
    const facts = {viewerId, isAsker: false};
    permit(canAnswer({status: shownStatus(parent.status)}, facts), 'answer');
  } else {
    if (!parent || !reachable(parent, viewerId)) throw notFound('post', parentId);
    permit(can(parent, viewerId).comment, 'comment on');
  }
  const sibling = {parentId, kind, body: post.body, authorId: viewerId};
  if (await tx.hasDuplicate(sibling)) throw duplicate(kind);
  const {questionId} = parent;
  return tx.addPost(kind, parentId, {
    questionId,
    body: post.body,
    html: post.html,
    displayName: await distinctName(tx, questionId, post.displayName, viewerId),
    authorId: viewerId,
    status: post.premoderate ? 'pending' : 'published',
    notifyEmail: post.notifyEmail,
  });
}

/** The author's edit: within the kind's length, no sibling's words, and premoderated. */
export async function editPost(
  tx: Store,
  postId: string,
  edit: {viewerId: string; body: string; html: string; premoderate: boolean},
) {
  const {viewerId, body} = edit;
  const post = await reachablePost(tx, postId, viewerId);
  permit(can(post, viewerId).edit, 'edit');
  bodyText(post.kind, body, 'edit');
  if (post.kind !== 'question' && post.parentId) {
    const sibling = {parentId: post.parentId, kind: post.kind, body, authorId: viewerId};
    if (await tx.hasDuplicate(sibling, postId)) throw duplicate(post.kind);
  }
  await tx.editPost(postId, {
    body,
    html: edit.html,
    editorId: viewerId,
    editorName: post.authorName,
    // Under premoderation an edit is a new text for the moderators, as a new post is
    // (the site owner's question excepted): readers see the post again once approved.
    pending: edit.premoderate && post.kind !== 'question',
  });
  return tx.getPost(postId, viewerId);
}

/** The author's removal; removing twice is still "removed". */
export async function removePost(tx: Store, postId: string, viewerId: string) {
  const post = await tx.findPost(postId);
  if (post?.status === 'removed' && post.authorId === viewerId) return;
  if (!post || !reachable(post, viewerId)) throw notFound('post', postId);
  permit(can(post, viewerId).edit, 'remove');
  await tx.removePost(postId);
}

/**
 * The asker chooses a best answer (or none, with null). The question is read once, under
 * its lock, for both the permission and the change; the answer must be one of its own.
 */
export async function chooseBestAnswer(
  tx: Store,
  questionId: string,
  answerId: string | null,
  viewerId: string,
) {
  await tx.lockPost(questionId);
  const question = await tx.findPost(questionId);
  if (question?.kind !== 'question' || !reachable(question, viewerId)) {
    throw notFound('question', questionId);
  }
  if (question.authorId !== viewerId) permit({allowed: false, reason: 'not-asker'}, 'accept');
  if (answerId !== null) {
    const answer = await tx.findPost(answerId);
    if (
      answer?.kind !== 'answer' ||
      answer.questionId !== questionId ||
      !reachable(answer, viewerId)
    ) {
      const message = `No answer "${answerId}" to this question`;
      throw new RuleError('validation', message, {fields: {answerId: message}});
    }
    permit(can(answer, viewerId).accept, 'accept');
  }
  await tx.setAcceptedAnswer(questionId, answerId, {
    acceptedAnswerId: question.question.acceptedAnswerId,
    authorId: question.authorId,
  });
}

/** A vote, by the same rules the thread shows. */
export async function vote(tx: Store, postId: string, viewerId: string, value: -1 | 0 | 1) {
  const post = await reachablePost(tx, postId, viewerId);
  permit(can(post, viewerId).vote, 'vote on');
  return tx.setVote(postId, viewerId, value);
}

/** A flag; enough of them hide an answer or a comment until a moderator looks (store.ts). */
export async function flag(
  tx: Store,
  postId: string,
  viewerId: string,
  given: Parameters<Store['addFlag']>[2],
  threshold: number,
) {
  const post = await reachablePost(tx, postId, viewerId);
  permit(can(post, viewerId).flag, 'flag');
  await tx.addFlag(postId, viewerId, given, threshold);
}

/**
 * A post's body without invisible characters, within its kind's length counted in what a
 * reader sees (text.ts): twelve zero-width spaces are not a twelve-character answer.
 */
export function bodyText(kind: PostRecord['kind'], given: string, what: string = kind): string {
  const body = cleanText(given, {multiline: true});
  const {min, max} = bodyLimits[kind];
  const length = visibleLength(body);
  if (length < min || length > max) {
    const message = `A ${kind} is ${min} to ${max.toLocaleString('en')} characters long`;
    throw new RuleError('validation', `Invalid ${what}: ${message}`, {
      fields: {body: message},
      reason: length < min ? 'too-short' : 'too-long',
    });
  }
  return body;
}

/**
 * The display name to show: the one asked for, or, when the asker or another author in
 * the thread already goes by it (compared as text.ts compares: case, width and invisible
 * characters aside), the same name marked with the first free number, "Dana (2)". Nobody
 * can pass for the person who asked, and the post is not lost for it.
 */
async function distinctName(
  tx: Store,
  questionId: string,
  displayName: string | undefined,
  viewerId: string,
): Promise<string | undefined> {
  if (!displayName) return undefined;
  const taken = new Set((await tx.namesInThread(questionId, viewerId)).map(comparable));
  let name = displayName;
  for (let n = 2; taken.has(comparable(name)); n++) {
    const mark = ` (${n})`;
    name = `${[...displayName]
      .slice(0, limits.displayName - mark.length)
      .join('')
      .trim()}${mark}`;
  }
  return name;
}

/** The post, if the viewer can reach it; otherwise the same 404 as for a post that never was. */
async function reachablePost(tx: Store, postId: string, viewerId: string): Promise<PostRecord> {
  const post = await tx.findPost(postId);
  if (!post || !reachable(post, viewerId)) throw notFound('post', postId);
  return post;
}

/** What the viewer may do with a post, by the same rules the thread shows them. */
function can(post: PostRecord, viewerId: string) {
  const facts: ViewerFacts = {viewerId, isAsker: post.question.authorId === viewerId};
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
function permit(permission: Permission, doing: string) {
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

function duplicate(kind: 'answer' | 'comment') {
  const message = `The same ${kind} is already here`;
  return new RuleError('duplicate', message, {fields: {body: message}});
}
