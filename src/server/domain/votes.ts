/**
 * Votes, the best answer, and the author points that follow both (Question2Answer's
 * rules): one vote per reader per post, changeable; only the asker chooses the best
 * answer; points move with every vote and with the best answer, and leave with a removed
 * post. Runs inside a write's transaction, on the Repository it is handed.
 */
import type {VoteResult, VoteValue} from '../../api/schemas.js';
import {can, notFound, permit, reachable, reachableAnswerOf, reachablePost} from './access.js';
import type {PostFacts, Repository} from './repository.js';
import {RuleError} from './rule-error.js';

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

/** A vote (1, 0 to take it back, or -1), by the same rules the thread shows. */
export async function vote(
  tx: Repository,
  postId: string,
  viewerId: string,
  value: VoteValue,
): Promise<VoteResult> {
  // Under the post's lock: two votes of one reader at once would read the same "before".
  const post = await reachablePost(tx, postId, viewerId, {forUpdate: true});
  permit(can(post, post.question, viewerId).vote, 'vote on');
  const {score, before} = await tx.scoreVote(postId, viewerId, value);
  if (before !== value) await tx.putVote(postId, viewerId, value);
  const points = pointsForVote(post.kind, value) - pointsForVote(post.kind, before);
  if (points && post.authorId) await tx.addPoints(post.authorId, points);
  return {score, viewerVote: value};
}

/**
 * The asker chooses a best answer (or none, with null). The question is read once, under
 * its lock, for both the permission and the change; the answer must be one of its own.
 */
export async function chooseBestAnswer(
  tx: Repository,
  questionId: string,
  answerId: string | null,
  viewerId: string,
) {
  const question = await tx.findPost(questionId, {forUpdate: true});
  if (question?.kind !== 'question' || !reachable(question, viewerId)) {
    throw notFound('question', questionId);
  }
  if (question.authorId !== viewerId) permit({allowed: false, reason: 'not-asker'}, 'accept');
  let answer: PostFacts | null = null;
  if (answerId !== null) {
    answer = await tx.postFacts(answerId);
    if (!reachableAnswerOf(answer, questionId, viewerId)) {
      const message = `No answer "${answerId}" to this question`;
      throw new RuleError('validation', message, {fields: {answerId: message}});
    }
    permit(can(answer, question, viewerId).accept, 'accept');
  }
  await moveBestAnswer(tx, {id: questionId, ...question.question}, answer);
}

/**
 * Marks an answer as the question's best (null clears it) and moves the 15 points with
 * it. `question`: as read under its lock.
 */
export async function moveBestAnswer(
  tx: Repository,
  question: {id: string; authorId: string | null; acceptedAnswerId: string | null},
  answer: PostFacts | null,
) {
  const previous = question.acceptedAnswerId;
  if (previous === (answer?.id ?? null)) return;
  await tx.setAcceptedAnswer(question.id, answer?.id ?? null);
  if (previous) await awardBestAnswer(tx, await tx.postFacts(previous), question.authorId, -1);
  if (answer) await awardBestAnswer(tx, answer, question.authorId, 1);
}

/** Best-answer points, except for the asker choosing their own answer. */
async function awardBestAnswer(
  tx: Repository,
  answer: PostFacts | null,
  askerId: string | null,
  sign: 1 | -1,
) {
  if (!answer?.authorId || answer.authorId === askerId) return;
  await tx.addPoints(answer.authorId, sign * pointsForBestAnswer);
}

/** The points a removed post's votes gave its author go with it. */
export async function withdrawPoints(tx: Repository, post: PostFacts) {
  if (!post.authorId || post.kind === 'comment') return;
  const votes = await tx.votesOn(post.id);
  const points = votes.reduce((sum, value) => sum + pointsForVote(post.kind, value), 0);
  if (points) await tx.addPoints(post.authorId, -points);
}

/** The best answer as the seed and tests set it, without an asker: what a choice does once allowed. */
export async function setBestAnswer(tx: Repository, questionId: string, answerId: string | null) {
  const question = await tx.findPost(questionId, {forUpdate: true});
  if (!question) throw notFound('question', questionId);
  const answer = answerId === null ? null : await tx.postFacts(answerId);
  await moveBestAnswer(tx, {id: questionId, ...question.question}, answer);
}
