import {createHash} from 'node:crypto';
import type {Permission, ViewerCan} from '../api/schemas.js';
import {comparable} from './text.js';

/** Writes with an hourly limit per viewer and per IP address. */
export type LimitedAction = 'answers' | 'comments' | 'votes' | 'flags' | 'edits' | 'viewers';

/** What the rules need to know about a post to decide what a viewer may do with it. */
export interface PostFacts {
  kind: 'question' | 'answer' | 'comment';
  status: 'published' | 'pending' | 'hidden';
  authorId: string | null;
}

export interface ViewerFacts {
  /** Null for a reader who has not written anything yet (no token). */
  viewerId: string | null;
  /** The viewer asked the question this post belongs to. */
  isAsker: boolean;
  /** Writes the viewer (or their IP address) has used up for this hour. */
  limited?: ReadonlySet<LimitedAction>;
}

const yes: Permission = Object.freeze({allowed: true});
const refusals = new Map<string, Permission>();
/** One refusal per reason, shared: a thread page asks for hundreds, always the same few. */
const no = (reason: string): Permission => {
  let refusal = refusals.get(reason);
  if (!refusal) refusals.set(reason, (refusal = Object.freeze({allowed: false, reason})));
  return refusal;
};

/**
 * Question2Answer's rules, as the reference server applies them (to what the thread shows
 * the viewer and, through the same function, to every write): no voting on or flagging
 * your own post, only the asker chooses the best answer, only the author edits or
 * removes, nothing happens on a post that is pending or hidden, and a viewer past an
 * hourly limit is told so. Comments are neither voted on nor commented on.
 *
 * Reasons: own-post, pending, hidden, rate-limited, not-asker, not-answer, not-author,
 * and for comments not-votable and not-commentable.
 */
export function viewerCan(post: PostFacts, viewer: ViewerFacts): ViewerCan {
  const own = viewer.viewerId !== null && post.authorId === viewer.viewerId;
  const shown = post.status === 'published' ? null : no(post.status);
  const limited = (action: LimitedAction) =>
    viewer.limited?.has(action) ? no('rate-limited') : yes;
  return {
    vote:
      post.kind === 'comment'
        ? no('not-votable')
        : own
          ? no('own-post')
          : (shown ?? limited('votes')),
    accept:
      post.kind !== 'answer'
        ? no('not-answer')
        : !viewer.isAsker
          ? no('not-asker')
          : (shown ?? yes),
    edit: own ? yes : no('not-author'),
    flag: own ? no('own-post') : (shown ?? limited('flags')),
    comment: post.kind === 'comment' ? no('not-commentable') : (shown ?? limited('comments')),
  };
}

/** Whether the viewer may answer a question (shown as `viewer.canAnswer`). */
export function canAnswer(
  question: {status: 'published' | 'pending' | 'hidden'},
  viewer: ViewerFacts,
): Permission {
  if (question.status !== 'published') return no(question.status);
  return viewer.limited?.has('answers') ? no('rate-limited') : yes;
}

/**
 * Author points: what the author started with (set by the site owner), plus 10 for each
 * upvote on an answer, 5 for each upvote on a question, minus 2 for each downvote, and
 * 15 for each answer chosen as best (not for choosing your own answer to your own
 * question). A post its author removes takes its points with it.
 */
export function pointsForVote(kind: 'question' | 'answer' | 'comment', value: number): number {
  if (kind === 'comment') return 0;
  if (value > 0) return kind === 'answer' ? 10 : 5;
  if (value < 0) return -2;
  return 0;
}

export const pointsForBestAnswer = 15;

/**
 * The duplicate key of a post's body: its words, ignoring case, spacing and invisible
 * characters (text.ts). Two answers (or two comments on the same post) with the same key
 * are the same post sent twice. For a body without invisible characters it is the key
 * `bodyKey0002` in the migrations filled in for older answers.
 */
export function bodyKey(body: string): string {
  return createHash('sha256').update(comparable(body)).digest('base64url');
}
