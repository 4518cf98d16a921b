/**
 * Changes to one post of what a thread shows, after a vote, a comment, an edit, a
 * removal: loaded with those (thread-votes.ts, thread-comments.ts, thread-actions.ts),
 * not with the first paint nor with what writing an answer needs.
 */
import type {Answer, Comment, Question} from '../api/schemas.js';
import type {ThreadStore} from '../data/thread-store.js';
import type {ThreadView} from '../data/thread-view.js';

type AnyPost = Question | Answer | Comment;

/**
 * A copy of the view with one post (question, answer or comment) changed by `change`, or
 * removed when `change` returns null. Everything else is shared, so Lit re-renders only
 * what changed.
 */
export function updatePost(
  view: ThreadView,
  id: string,
  change: (post: AnyPost) => AnyPost | null,
): ThreadView {
  const inComments = <P extends Question | Answer>(post: P): P => {
    const index = post.comments.items.findIndex((comment) => comment.id === id);
    if (index < 0) return post;
    const changed = change(post.comments.items[index]) as Comment | null;
    const items = post.comments.items.slice();
    if (changed) items[index] = changed;
    else items.splice(index, 1);
    return {...post, comments: {items, count: post.comments.count - (changed ? 0 : 1)}};
  };
  if (view.question.id === id) {
    const question = change(view.question) as Question | null;
    return question ? {...view, question} : view;
  }
  const index = view.answers.findIndex((answer) => answer.id === id);
  if (index >= 0) {
    const answers = view.answers.slice();
    const changed = change(answers[index]) as Answer | null;
    if (changed) answers[index] = changed;
    else answers.splice(index, 1);
    const answerCount = view.question.answerCount - (changed ? 0 : 1);
    return {question: changed ? view.question : {...view.question, answerCount}, answers};
  }
  return {question: inComments(view.question), answers: view.answers.map(inComments)};
}

/** Changes one post of the thread's view (or removes it: the change returns null). */
export function changePost(
  store: ThreadStore,
  id: string,
  change: Parameters<typeof updatePost>[2],
) {
  const view = store.state.view;
  if (view) store.update({view: updatePost(view, id, change)});
}
