/**
 * What a viewer may do with a post: the same rules decide what the thread shows them
 * (post-rows.ts) and every write (access.ts).
 */
import type {Permission, ViewerCan} from '../../api/schemas.js';
import type {LimitedAction} from '../config.js';

/** What the rules need to know about a post to decide what a viewer may do with it. */
export interface ShownPost {
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
export function viewerCan(post: ShownPost, viewer: ViewerFacts): ViewerCan {
  const own = viewer.viewerId !== null && post.authorId === viewer.viewerId;
  const shown = post.status === 'published' ? null : no(post.status);
  /** Open to the viewer unless the post is not shown or they used up the hour's writes. */
  const open = (action: LimitedAction) =>
    shown ?? (viewer.limited?.has(action) ? no('rate-limited') : yes);
  const isComment = post.kind === 'comment';
  return {
    vote: isComment ? no('not-votable') : own ? no('own-post') : open('votes'),
    accept: canAccept(post, viewer, shown),
    edit: own ? yes : no('not-author'),
    flag: own ? no('own-post') : open('flags'),
    comment: isComment ? no('not-commentable') : open('comments'),
  };
}

/** Only the asker chooses, only an answer, and only one that is shown. */
function canAccept(post: ShownPost, viewer: ViewerFacts, shown: Permission | null): Permission {
  if (post.kind !== 'answer') return no('not-answer');
  if (!viewer.isAsker) return no('not-asker');
  return shown ?? yes;
}

/** Whether the viewer may answer a question (shown as `viewer.canAnswer`). */
export function canAnswer(
  question: {status: 'published' | 'pending' | 'hidden'},
  viewer: ViewerFacts,
): Permission {
  if (question.status !== 'published') return no(question.status);
  return viewer.limited?.has('answers') ? no('rate-limited') : yes;
}
