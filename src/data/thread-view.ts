import type {Answer, Permission, Question, ViewerCan} from '../api/schemas.js';

/**
 * Marks a post that is not on the server yet but waits in the outbox (see
 * outbox-controller.ts), with why: the reader is offline, or the server is failing.
 */
export interface Queued {
  queued?: 'offline' | 'retrying';
}

/** What a thread shows: its question and the answers loaded so far. */
export interface ThreadView {
  question: Question;
  answers: Answer[];
}

const readOnly: Permission = {allowed: false, reason: 'read-only'};
const noWrites: ViewerCan = {
  vote: readOnly,
  accept: readOnly,
  edit: readOnly,
  flag: readOnly,
  comment: readOnly,
};

/** For a client that cannot write: every post says so, and no control offers a write. */
export function withoutWrites(view: ThreadView): ThreadView {
  const strip = <P extends Question | Answer>(post: P): P => ({
    ...post,
    viewerCan: noWrites,
    comments: {
      ...post.comments,
      items: post.comments.items.map((comment) => ({...comment, viewerCan: noWrites})),
    },
  });
  return {question: strip(view.question), answers: view.answers.map(strip)};
}
