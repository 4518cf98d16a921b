/**
 * Changes to what a thread shows after a write: pure functions over the view, loaded with
 * the write handling (thread-writes.ts), not with the first paint.
 */
import type {Answer, Comment, Question, Sort} from '../../api/schemas.js';
import type {ThreadView} from './thread-state.js';

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
    const changed = change(post.comments.items[index]!) as Comment | null;
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
    const changed = change(answers[index]!) as Answer | null;
    if (changed) answers[index] = changed;
    else answers.splice(index, 1);
    const answerCount = view.question.answerCount - (changed ? 0 : 1);
    return {question: changed ? view.question : {...view.question, answerCount}, answers};
  }
  return {question: inComments(view.question), answers: view.answers.map(inComments)};
}

/** The answers in the thread's order: the best answer first, then by the chosen sort. */
export function sortAnswers(answers: Answer[], sort: Sort): Answer[] {
  const time = (a: Answer, b: Answer) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
  const order: Record<Sort, (a: Answer, b: Answer) => number> = {
    votes: (a, b) => b.score - a.score || time(a, b),
    oldest: time,
    newest: (a, b) => time(b, a),
  };
  return answers
    .slice()
    .sort((a, b) => Number(b.isAccepted) - Number(a.isAccepted) || order[sort](a, b));
}
