import type {Permission, ViewerCan} from '../api/schemas.js';

/** What the rules need to know about a post to decide what a viewer may do with it. */
export interface PostFacts {
  kind: 'question' | 'answer';
  status: 'published' | 'pending' | 'hidden';
  authorId: string | null;
}

export interface ViewerFacts {
  /** Null for a reader who has not written anything yet (no token). */
  viewerId: string | null;
  /** The viewer asked the question this post belongs to. */
  isAsker: boolean;
}

const yes: Permission = {allowed: true};
const no = (reason: string): Permission => ({allowed: false, reason});

/**
 * Question2Answer's rules, as the reference server applies them: no voting on your own
 * post, only the asker chooses the best answer, only the author edits, nothing happens
 * on a post that is not published.
 */
export function viewerCan(post: PostFacts, viewer: ViewerFacts): ViewerCan {
  const own = viewer.viewerId !== null && post.authorId === viewer.viewerId;
  const published = post.status === 'published';
  return {
    vote: own ? no('own-post') : published ? yes : no('hidden'),
    accept:
      post.kind !== 'answer'
        ? no('not-answer')
        : !viewer.isAsker
          ? no('not-asker')
          : published
            ? yes
            : no('hidden'),
    edit: own ? yes : no('not-author'),
    flag: own ? no('own-post') : published ? yes : no('hidden'),
    comment: published ? yes : no('hidden'),
  };
}

/**
 * Author points: what the author started with (set by the site owner), plus 10 for each
 * upvote on an answer, 5 for each upvote on a question, minus 2 for each downvote, and
 * 15 for each answer chosen as best.
 */
export function pointsForVote(kind: 'question' | 'answer', value: number): number {
  if (value > 0) return kind === 'answer' ? 10 : 5;
  if (value < 0) return -2;
  return 0;
}

export const pointsForBestAnswer = 15;
