/**
 * Posts as the store reads them, and how a row becomes what the contract sends: the
 * shared SELECT, who may see a row, the row-to-wire mappers and the opaque cursors.
 */
import type {ExpressionBuilder, Kysely, Selectable} from 'kysely';
import type {
  Answer,
  Author,
  Comment,
  CommentList,
  PostBody,
  Question,
  Sort,
  VoteValue,
} from '../api/schemas.js';
import type {DB, StoredStatus} from './db/database.js';
import {viewerCan} from './domain/permissions.js';
import type {ViewerFacts} from './domain/permissions.js';

export type PostRow = Selectable<DB['posts']> & {
  author_points: number | null;
  editor_points: number | null;
  viewer_vote: number | null;
};

export type CommentRow = Selectable<DB['posts']> & {
  author_points: number | null;
  editor_points: number | null;
};

/** A cursor that this server did not hand out, or for another sort. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** Posts with their author's and editor's points, in one query: what a comment needs. */
export function selectComments(db: Kysely<DB>) {
  return db
    .selectFrom('posts as p')
    .leftJoin('viewers as a', 'a.id', 'p.author_id')
    .leftJoin('viewers as e', 'e.id', 'p.editor_id')
    .selectAll('p')
    .select(['a.points as author_points', 'e.points as editor_points']);
}

/** Posts as `selectComments` has them, and the viewer's vote on each. */
export function selectPosts(db: Kysely<DB>, viewerId: string | null) {
  return selectComments(db)
    .leftJoin('votes as v', (join) =>
      join.onRef('v.post_id', '=', 'p.id').on('v.viewer_id', '=', viewerId ?? ''),
    )
    .select('v.value as viewer_vote');
}

export type PostQuery = ReturnType<typeof selectPosts>;

type PostFilter = ExpressionBuilder<{p: DB['posts']}, 'p'>;

/**
 * What a viewer sees: published posts, and their own posts that wait for a moderator or
 * were hidden (so the widget can say so). Removed posts are gone for everyone.
 */
export function visibleFilter(eb: PostFilter, viewerId: string | null) {
  if (viewerId === null) return eb('p.status', '=', 'published');
  return eb.or([
    eb('p.status', '=', 'published'),
    eb.and([eb('p.author_id', '=', viewerId), eb('p.status', 'in', ['pending', 'hidden'])]),
  ]);
}

export function visibleTo(
  row: {status: StoredStatus; author_id: string | null},
  viewerId: string | null,
): boolean {
  if (row.status === 'published') return true;
  return row.status !== 'removed' && viewerId !== null && row.author_id === viewerId;
}

/** The status the contract knows; removed rows never reach a mapper. */
export function shownStatus(status: StoredStatus): 'published' | 'pending' | 'hidden' {
  if (status === 'removed') throw new Error('A removed post must not be shown');
  return status;
}

function author(
  id: string | null,
  name: string | null,
  points: number | null,
  viewerId: string | null,
): Author {
  return {
    displayName: name,
    // Anonymous posts show no points: points would let readers link one anonymous post to another.
    points: name === null ? null : points,
    isViewer: viewerId !== null && id === viewerId,
  };
}

/**
 * A stored body as the contract sends it: Markdown as its rendered HTML, with the source
 * only for whoever may edit it; posts from before Markdown as the plain text they are.
 */
export function toBody(
  row: {body: string; body_format: 'text' | 'markdown'; body_html: string | null},
  withSource: boolean,
): PostBody {
  if (row.body_format === 'text') return {format: 'text', text: row.body};
  const html = row.body_html ?? '';
  return withSource ? {format: 'markdown', html, source: row.body} : {format: 'markdown', html};
}

/**
 * The fields every post has, as one object the mappers add their own fields to. (Spreading
 * them into a new object built every post twice; a thread page maps a few dozen posts per
 * read, and that was a measurable part of it, npm run bench.)
 */
function common(row: CommentRow, facts: ViewerFacts) {
  const status = shownStatus(row.status);
  const can = viewerCan({kind: row.kind, status, authorId: row.author_id}, facts);
  return {
    id: row.id,
    status,
    body: toBody(row, can.edit.allowed),
    author: author(row.author_id, row.author_name, row.author_points, facts.viewerId),
    createdAt: row.created_at,
    lastEdit: row.edited_at
      ? {
          at: row.edited_at,
          by: author(row.editor_id, row.editor_name, row.editor_points, facts.viewerId),
        }
      : null,
    viewerCan: can,
  };
}

export const noComments: CommentList = {items: [], count: 0};

export function toQuestion(
  row: PostRow,
  facts: ViewerFacts,
  comments: CommentList = noComments,
): Question {
  return Object.assign(common(row, facts), {
    score: row.score,
    viewerVote: toVote(row.viewer_vote),
    comments,
    kind: 'question' as const,
    title: row.title ?? '',
    category: row.category,
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    answerCount: row.answer_count,
  });
}

export function toAnswer(
  row: PostRow,
  facts: ViewerFacts,
  acceptedId: string | null,
  comments: CommentList = noComments,
): Answer {
  return Object.assign(common(row, facts), {
    score: row.score,
    viewerVote: toVote(row.viewer_vote),
    comments,
    kind: 'answer' as const,
    isAccepted: row.id === acceptedId,
  });
}

export function toComment(row: CommentRow, facts: ViewerFacts): Comment {
  return Object.assign(common(row, facts), {
    kind: 'comment' as const,
    parentId: row.parent_id ?? '',
  });
}

function toVote(value: number | null): VoteValue {
  return value === 1 ? 1 : value === -1 ? -1 : 0;
}

// Cursors: the sort key of the last item shown, opaque to clients.

export interface CursorKey {
  score: number;
  createdAt: string;
  id: string;
}

type CursorKind = Sort | 'comments';

export function encodeCursor(
  kind: CursorKind,
  row: {score: number; created_at: string; id: string},
): string {
  const key = [kind, row.score, row.created_at, row.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, kind: CursorKind): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('The cursor is not one this server handed out');
  }
  if (
    !Array.isArray(key) ||
    key.length !== 4 ||
    typeof key[1] !== 'number' ||
    !Number.isInteger(key[1]) ||
    typeof key[2] !== 'string' ||
    typeof key[3] !== 'string'
  ) {
    throw new InvalidCursorError('The cursor is not one this server handed out');
  }
  if (key[0] !== kind) {
    throw new InvalidCursorError(
      kind === 'comments' || key[0] === 'comments'
        ? 'The cursor is not one for this list'
        : `The cursor belongs to sort "${String(key[0])}"`,
    );
  }
  return {score: key[1], createdAt: key[2], id: key[3]};
}

export function orderFor(query: PostQuery, sort: Sort): PostQuery {
  switch (sort) {
    case 'votes':
      return query.orderBy('p.score', 'desc').orderBy('p.created_at', 'asc').orderBy('p.id', 'asc');
    case 'oldest':
      return query.orderBy('p.created_at', 'asc').orderBy('p.id', 'asc');
    case 'newest':
      return query.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc');
  }
}

/** Rows strictly after `key` in the order of `sort` (comments: oldest first). */
export function keysetAfter(eb: PostFilter, sort: Sort | 'comments', key: CursorKey) {
  const later = (op: '>' | '<') =>
    eb.or([
      eb('p.created_at', op, key.createdAt),
      eb.and([eb('p.created_at', '=', key.createdAt), eb('p.id', op, key.id)]),
    ]);
  switch (sort) {
    case 'votes':
      return eb.or([
        eb('p.score', '<', key.score),
        eb.and([eb('p.score', '=', key.score), later('>')]),
      ]);
    case 'oldest':
    case 'comments':
      return later('>');
    case 'newest':
      return later('<');
  }
}
