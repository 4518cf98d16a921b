/**
 * The rules for writing posts, in one place: who may answer, comment, edit and remove,
 * what makes a post a duplicate, which name it shows, when it waits for a moderator, and
 * what follows from each change (a question's count of published answers, the
 * subscriptions to a post that is gone). Each function runs inside a write's transaction, on the
 * Repository it is handed, and refuses with a RuleError that the API maps to its
 * envelope; nothing here knows about HTTP or SQL.
 *
 * The exported effects without a viewer (`insertPost`, `changeBody`, `withdrawPost`,
 * `changeStatus`) are what the checked writes do once allowed; the seed and tests use them.
 */
import {createHash} from 'node:crypto';
import type {Answer, Comment, Question} from '../../api/schemas.js';
import {limits} from '../../api/schemas.js';
import type {StoredStatus} from '../db/database.js';
import {shownStatus} from '../post-rows.js';
import {renderMarkdown} from '../rich-text.js';
import {newId} from '../ids.js';
import {cleanText, comparable, visibleLength} from '../text.js';
import {can, notFound, permit, reachable, reachablePost} from './access.js';
import {canAnswer} from './permissions.js';
import type {PostFacts, PostRecord, Repository} from './repository.js';
import {RuleError} from './rule-error.js';
import {moveBestAnswer, withdrawPoints} from './votes.js';

const bodyLimits = {
  question: limits.questionBody,
  answer: limits.answerBody,
  comment: limits.commentBody,
} as const;

/** What a post of each kind comes back as. */
export interface PostOfKind {
  answer: Answer;
  comment: Comment;
}

/** A new answer or comment, its text already cleaned and rendered (text.ts, rich-text.ts). */
export interface NewPost {
  viewerId: string;
  body: string;
  html: string;
  displayName?: string;
  /** The site premoderates: the post waits for a moderator. */
  premoderate: boolean;
}

/** An answer or a comment as it is written, once the rules allowed it. */
export interface NewPostData {
  questionId: string;
  body: string;
  authorId: string;
  displayName?: string | null;
  /** `pending` when the site has new posts wait for a moderator. */
  status?: 'published' | 'pending';
  /**
   * The body as HTML (`renderMarkdown`), rendered before the write's transaction opens;
   * rendered here when not given (the seed, the CLI and tests, outside any request).
   */
  html?: string;
}

export interface NewQuestionData {
  id?: string;
  title: string;
  body: string;
  category?: string;
  tags: string[];
  author?: {displayName?: string; points?: number};
  /** The body as HTML, as in `NewPostData`. */
  html?: string;
}

export interface PostEditData {
  body: string;
  /** As in `NewPostData`: rendered before the transaction, or here. */
  html?: string;
  editorId: string;
  editorName?: string | null;
  /** The site premoderates: a published post waits for a moderator again. */
  pending?: boolean;
}

/**
 * Adds an answer to a question, or a comment to a question or an answer: one path for
 * both. The parent must be there for the viewer and open to it, the words must not
 * repeat a sibling's, and the name shown must not be another author's in the thread.
 */
export async function addPost<K extends 'answer' | 'comment'>(
  tx: Repository,
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
    permit(can(parent, parent.question, viewerId).comment, 'comment on');
  }
  const sibling = {parentId, kind, bodyKey: bodyKey(post.body), authorId: viewerId};
  if (await tx.hasSibling(sibling)) throw duplicate(kind);
  const {questionId} = parent;
  return insertPost(tx, kind, parentId, {
    questionId,
    body: post.body,
    html: post.html,
    displayName: await distinctName(tx, questionId, post.displayName, viewerId),
    authorId: viewerId,
    status: post.premoderate ? 'pending' : 'published',
  });
}

/** Writes an answer or a comment: the row and the question's answer count. */
export async function insertPost<K extends 'answer' | 'comment'>(
  tx: Repository,
  kind: K,
  parentId: string,
  data: NewPostData,
): Promise<PostOfKind[K]> {
  const id = newId();
  const status = data.status ?? 'published';
  await tx.insertPost({
    id,
    kind,
    questionId: data.questionId,
    parentId,
    status,
    body: data.body,
    html: data.html ?? renderMarkdown(data.body),
    bodyKey: bodyKey(data.body),
    authorId: data.authorId,
    authorName: data.displayName || null,
  });
  if (kind === 'answer' && status === 'published') await tx.addToAnswerCount(data.questionId, 1);
  return (await tx.getPost(id, data.authorId)) as PostOfKind[K];
}

/**
 * The question an article asks, by the site owner: its asker is a new viewer, whose token
 * is shown once. Its text is made fit to store first (`questionText`). An id that is taken
 * is refused, never overwritten.
 */
export async function createQuestion(
  tx: Repository,
  given: NewQuestionData,
): Promise<{question: Question; askerToken: string}> {
  const data = questionText(given);
  const id = data.id ?? newId();
  if (await tx.postExists(id)) {
    const message = `A post with id "${id}" already exists`;
    throw new RuleError('conflict', message, {fields: {id: message}});
  }
  const asker = await tx.createViewer({points: data.author?.points});
  await tx.insertPost({
    id,
    kind: 'question',
    questionId: id,
    parentId: null,
    status: 'published',
    body: data.body,
    html: data.html ?? renderMarkdown(data.body),
    bodyKey: null,
    authorId: asker.id,
    authorName: data.author?.displayName || null,
    question: {title: data.title, category: data.category ?? null, tags: data.tags},
  });
  const question = (await tx.getPost(id, asker.id)) as Question;
  return {question, askerToken: asker.token};
}

/** The author's edit: within the kind's length, no sibling's words, and premoderated. */
export async function editPost(
  tx: Repository,
  postId: string,
  edit: {viewerId: string; body: string; html: string; premoderate: boolean},
) {
  const {viewerId, body} = edit;
  // Whether the post goes back to the moderators depends on its status: read under its lock.
  const post = await reachablePost(tx, postId, viewerId, {forUpdate: edit.premoderate});
  permit(can(post, post.question, viewerId).edit, 'edit');
  bodyText(post.kind, body, 'edit');
  if (post.kind !== 'question' && post.parentId) {
    const sibling = {
      parentId: post.parentId,
      kind: post.kind,
      bodyKey: bodyKey(body),
      authorId: viewerId,
    };
    if (await tx.hasSibling(sibling, postId)) throw duplicate(post.kind);
  }
  await changeBody(tx, post, {
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

/** Replaces a post's body (read under its lock); `pending` sends a published post back to the moderators. */
export async function changeBody(tx: Repository, post: PostFacts, edit: PostEditData) {
  if (edit.pending && post.status === 'published') await changeStatus(tx, post, 'pending');
  await tx.updateBody(post.id, {
    body: edit.body,
    html: edit.html ?? renderMarkdown(edit.body),
    // Questions have no siblings to be a duplicate of.
    bodyKey: post.kind === 'question' ? null : bodyKey(edit.body),
    editorId: edit.editorId,
    editorName: edit.editorName || null,
  });
}

/** The author's removal; removing twice is still "removed". */
export async function removePost(tx: Repository, postId: string, viewerId: string) {
  const post = await tx.findPost(postId, {forUpdate: true});
  if (post?.status === 'removed' && post.authorId === viewerId) return;
  if (!post || !reachable(post, viewerId)) throw notFound('post', postId);
  permit(can(post, post.question, viewerId).edit, 'remove');
  await withdrawPost(tx, post);
}

/**
 * The author's soft delete of a post read under its lock: it disappears, and the counts,
 * the author's points, the best answer and the mail about it (mail/outbox.ts) follow.
 */
export async function withdrawPost(tx: Repository, post: PostFacts) {
  if (post.status === 'removed') return;
  await changeStatus(tx, post, 'removed');
  await withdrawPoints(tx, post);
  if (post.kind === 'answer') {
    // Under the question's lock: a best answer chosen meanwhile is read as it now is.
    const question = await tx.findPost(post.questionId, {forUpdate: true});
    if (question?.question.acceptedAnswerId === post.id) {
      await moveBestAnswer(tx, {id: question.id, ...question.question}, null);
    }
  }
  // Nobody will be told about a post that is gone: its addresses go too.
  // Nobody is told about a post that is gone: its subscriptions and mails go too.
  await tx.mail.forgetPost(post.id);
}

/** Changes a post's status and keeps the question's count of published answers in step. */
export async function changeStatus(tx: Repository, post: PostFacts, status: StoredStatus) {
  if (post.status === status) return;
  await tx.setStatus(post.id, status);
  if (post.kind === 'answer') {
    const change = Number(status === 'published') - Number(post.status === 'published');
    if (change) await tx.addToAnswerCount(post.questionId, change);
  }
}

/** A title as stored: one line, within 8 to 200 visible characters. */
export function titleText(given: string): string {
  const title = cleanText(given, {multiline: false});
  const {min, max} = limits.titleLength;
  const length = visibleLength(title);
  if (length < min || length > max) {
    const message = `A title is ${min} to ${max} characters long`;
    throw new RuleError('validation', `Invalid question: ${message}`, {
      fields: {title: message},
      reason: length < min ? 'too-short' : 'too-long',
    });
  }
  return title;
}

/**
 * A question's title, body and asker's name without invisible characters, the title and
 * body within their lengths counted in what a reader sees (text.ts): eight zero-width
 * spaces are not an eight-character title. Cleaning clean text changes nothing, so the
 * API cleans before rendering the body, outside the transaction, and `createQuestion`
 * cleans again for every other caller (the CLI, the seed).
 */
export function questionText(data: NewQuestionData): NewQuestionData {
  const title = titleText(data.title);
  const body = bodyText('question', data.body, 'question');
  const {author} = data;
  const displayName = author?.displayName && cleanText(author.displayName, {multiline: false});
  return {
    ...data,
    title,
    body,
    author: author && {...author, displayName: displayName || undefined},
  };
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
 * The duplicate key of a post's body: its words, ignoring case, spacing and invisible
 * characters (text.ts). Two answers (or two comments on the same post) with the same key
 * are the same post sent twice. For a body without invisible characters it is the key
 * `bodyKey0002` in the migrations filled in for older answers.
 */
export function bodyKey(body: string): string {
  return createHash('sha256').update(comparable(body)).digest('base64url');
}

/**
 * The display name to show: the one asked for, or, when the asker or another author in
 * the thread already goes by it (compared as text.ts compares: case, width and invisible
 * characters aside), the same name marked with the first free number, "Dana (2)". Nobody
 * can pass for the person who asked, and the post is not lost for it.
 */
async function distinctName(
  tx: Repository,
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

function duplicate(kind: 'answer' | 'comment') {
  const message = `The same ${kind} is already here`;
  return new RuleError('duplicate', message, {fields: {body: message}});
}
