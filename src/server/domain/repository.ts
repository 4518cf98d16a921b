/**
 * What the rules (domain/) read and write, as a repository bound to one transaction: every
 * call sees, and commits with, the write it is part of. Each group is a small interface of
 * row operations with no rules in them (the rules are in posts.ts, votes.ts and
 * moderation.ts); `Repository` is all of them, as the Store hands it to a write
 * (store.ts). A new domain module adds its own group here and its rows in repository.ts.
 */
import type {ModeratedPost} from '../../api/moderation.js';
import type {Post} from '../../api/schemas.js';
import type {FlagReason} from '../../api/requests.js';
import type {PostKind, StoredStatus} from '../db/database.js';
import type {MailOutbox} from '../mail/outbox.js';

/** What a write needs to know about a post, its question and its parent before touching it. */
export interface PostRecord extends PostFacts {
  authorName: string | null;
  parentId: string | null;
  question: {status: StoredStatus; authorId: string | null; acceptedAnswerId: string | null};
  /** The post a comment is on, or an answer's question. */
  parent: {kind: PostKind; status: StoredStatus; authorId: string | null} | null;
}

/** A post alone, without its question or parent: what a change to it depends on. */
export interface PostFacts {
  id: string;
  kind: PostKind;
  status: StoredStatus;
  authorId: string | null;
  questionId: string;
}

/** A post's row as a new answer, comment or question is written. */
export interface NewPostRow {
  id: string;
  kind: PostKind;
  questionId: string;
  parentId: string | null;
  status: 'published' | 'pending';
  body: string;
  html: string;
  /** Duplicate key (posts.ts `bodyKey`); null for questions, which have no siblings. */
  bodyKey: string | null;
  authorId: string;
  authorName: string | null;
  question?: {title: string; category: string | null; tags: string[]};
}

/** A post's new text, as the author's edit writes it. */
export interface BodyEdit {
  body: string;
  html: string;
  /** As in `NewPostRow`. */
  bodyKey: string | null;
  editorId: string;
  editorName: string | null;
}

/**
 * `forUpdate`: the post's row is locked for the rest of the transaction, as it is read,
 * because what the write changes depends on what it read (the previous vote, the best
 * answer, the status). On PostgreSQL (READ COMMITTED) two transactions could otherwise
 * both read "no vote yet" and both add to the score; on SQLite, BEGIN IMMEDIATE already
 * runs one writer at a time.
 */
export interface ReadOptions {
  forUpdate?: boolean;
}

export interface PostRows {
  /** The facts a write decides on, for any post that exists (removed ones included). */
  findPost(postId: string, options?: ReadOptions): Promise<PostRecord | null>;
  /** The post alone, without reading its question (see `findPost`). */
  postFacts(postId: string, options?: ReadOptions): Promise<PostFacts | null>;
  postExists(postId: string): Promise<boolean>;
  /** Whether a post under `parentId` of this kind, visible to the author, has this key. */
  hasSibling(
    sibling: {parentId: string; kind: 'answer' | 'comment'; bodyKey: string; authorId: string},
    exceptId?: string,
  ): Promise<boolean>;
  /** The display names other authors (the asker included) go by in a question's thread. */
  namesInThread(questionId: string, exceptAuthorId: string): Promise<string[]>;
  insertPost(row: NewPostRow): Promise<void>;
  updateBody(postId: string, edit: BodyEdit): Promise<void>;
  setStatus(postId: string, status: StoredStatus): Promise<void>;
  addToAnswerCount(questionId: string, change: number): Promise<void>;
  setAcceptedAnswer(questionId: string, answerId: string | null): Promise<void>;
  /** One post as the viewer sees it, with its latest comments (what a write answers with). */
  getPost(postId: string, viewerId: string | null): Promise<Post | null>;
}

export interface VoteRows {
  /**
   * Moves the post's score from the viewer's present vote (0 for none) to `value`, in one
   * statement; returns the new score and the vote it replaced. The vote row is `putVote`'s.
   */
  scoreVote(
    postId: string,
    viewerId: string,
    value: number,
  ): Promise<{score: number; before: number}>;
  /** Sets (or, with 0, deletes) the viewer's one vote on the post. */
  putVote(postId: string, viewerId: string, value: number): Promise<void>;
  /** Every vote on the post. */
  votesOn(postId: string): Promise<number[]>;
}

export interface ViewerRows {
  createViewer(options?: {points?: number}): Promise<{id: string; token: string}>;
  addPoints(viewerId: string, points: number): Promise<void>;
}

export interface FlagRows {
  /** One flag per viewer per post: a second from the same viewer changes nothing. */
  insertFlag(
    postId: string,
    viewerId: string,
    flag: {reason: FlagReason; note?: string},
  ): Promise<void>;
  openFlagCount(postId: string): Promise<number>;
  clearFlags(postId: string): Promise<void>;
  /** What a moderator sees of a post. */
  moderatedPost(postId: string): Promise<ModeratedPost>;
}

export interface NotificationRows {
  /** Notification mail's addresses, subscriptions and outbox (mail/outbox.ts). */
  readonly mail: MailOutbox;
}

/** Everything a write may touch, within its transaction. */
export interface Repository extends PostRows, VoteRows, ViewerRows, FlagRows, NotificationRows {}
