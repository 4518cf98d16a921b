/**
 * The Quanda contract: every shape that crosses the wire between a Quanda widget and a
 * Quanda backend. The browser client parses every response with these schemas, the
 * reference server validates every request with them, and the OpenAPI document served at
 * `/api/openapi.json` is generated from them. Edit here, nowhere else.
 *
 * Written with `zod/mini` so the browser pays ~9 KB gzip for the whole contract instead of
 * ~25 KB with full zod. Wire names are camelCase so the inferred types are the TypeScript
 * types used everywhere.
 */
import * as z from 'zod/mini';

/** Rules shared by the widget's forms and the server's validation. */
export const limits = {
  idLength: 100,
  cursorLength: 512,
  titleLength: {min: 8, max: 200},
  questionBody: {min: 0, max: 12_000},
  answerBody: {min: 12, max: 12_000},
  commentBody: {min: 2, max: 2_000},
  displayName: 40,
  email: 254,
  flagNote: 500,
  /** Comments each post carries in a thread page; the rest load on request. */
  commentsShown: 3,
  category: 60,
  tags: 10,
  tagLength: 40,
  pageSize: {default: 10, max: 50},
} as const;

/** Opaque identifier of a question, answer or comment. Site owners may pick readable ones. */
export const Id = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(limits.idLength),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'Use letters, digits, "-" and "_" only'),
  );

/** An ISO-8601 timestamp. Quanda servers send UTC (`…Z`); offsets are tolerated. */
export const Timestamp = z.iso.datetime({offset: true});

export const PostStatus = z.enum(['published', 'pending', 'hidden']);

/** How the body of a post is written. Plain text keeps paragraphs and line breaks. */
export const PostBody = z.object({
  format: z.literal('text'),
  text: z.string(),
});

export const Author = z.object({
  /** What the author chose to be called; null shows as "anonymous". */
  displayName: z.nullable(z.string()),
  /** Reputation on this site; null when the backend has no such notion. */
  points: z.nullable(z.int()),
  /** True when the reader viewing the thread wrote this post. */
  isViewer: z.boolean(),
});

/**
 * Whether the viewer may do something, and when not, why. `reason` is a short code the
 * widget translates (`own-post`, `hidden`, `rate-limited`, `not-asker`, …); unknown codes
 * show a generic explanation, so a backend may add its own.
 */
export const Permission = z.object({
  allowed: z.boolean(),
  reason: z.optional(z.string().check(z.maxLength(60))),
});

export const ViewerCan = z.object({
  vote: Permission,
  accept: Permission,
  edit: Permission,
  flag: Permission,
  comment: Permission,
});

export const LastEdit = z.object({
  at: Timestamp,
  by: Author,
});

export const VoteValue = z.literal([-1, 0, 1]);

/** A comment on the question or on an answer. Comments are not voted on. */
export const Comment = z.object({
  id: Id,
  kind: z.literal('comment'),
  /** The question or answer commented on. */
  parentId: Id,
  status: PostStatus,
  body: PostBody,
  author: Author,
  createdAt: Timestamp,
  lastEdit: z.nullable(LastEdit),
  viewerCan: ViewerCan,
});

/** The latest few comments of a post (oldest first), and how many it has in all. */
export const CommentList = z.object({
  items: z.array(Comment),
  count: z.int().check(z.nonnegative()),
});

const postFields = {
  id: Id,
  status: PostStatus,
  body: PostBody,
  author: Author,
  createdAt: Timestamp,
  lastEdit: z.nullable(LastEdit),
  score: z.int(),
  viewerVote: VoteValue,
  viewerCan: ViewerCan,
  comments: CommentList,
};

export const Question = z.object({
  ...postFields,
  kind: z.literal('question'),
  title: z.string(),
  category: z.nullable(z.string()),
  tags: z.array(z.string()),
  answerCount: z.int().check(z.nonnegative()),
});

export const Answer = z.object({
  ...postFields,
  kind: z.literal('answer'),
  isAccepted: z.boolean(),
});

export const Sort = z.enum(['votes', 'oldest', 'newest']);

/** What the thread knows about the reader looking at it. */
export const Viewer = z.object({
  /** The reader asked this question, so may choose the best answer. */
  isAsker: z.boolean(),
  canAnswer: Permission,
});

/**
 * One page of a thread. The first page lists the accepted answer first; `nextCursor`
 * fetches the next page with the same sort, or is null on the last page.
 */
export const Thread = z.object({
  question: Question,
  answers: z.array(Answer),
  nextCursor: z.nullable(z.string().check(z.maxLength(limits.cursorLength))),
  viewer: Viewer,
  /** The server's clock, so relative times ("3 days ago") don't depend on the reader's. */
  serverTime: Timestamp,
});

export const ThreadQuery = z.object({
  sort: z._default(Sort, 'votes'),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(limits.cursorLength))),
});

const trimmed = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/** Site owner creates the question an article asks (admin token required). */
export const NewQuestion = z.object({
  id: z.optional(Id),
  title: trimmed(limits.titleLength.min, limits.titleLength.max),
  body: z._default(trimmed(limits.questionBody.min, limits.questionBody.max), ''),
  category: z.optional(trimmed(1, limits.category)),
  tags: z._default(z.array(trimmed(1, limits.tagLength)).check(z.maxLength(limits.tags)), []),
  author: z.optional(
    z.object({
      displayName: z.optional(trimmed(0, limits.displayName)),
      points: z.optional(z.int().check(z.nonnegative())),
    }),
  ),
});

export const CreatedQuestion = z.object({
  question: Question,
  /** Viewer token of the asker: whoever holds it may choose the best answer. */
  askerToken: z.string(),
});

/** A new anonymous viewer: the token to send as `Authorization: Bearer …` from now on. */
export const ViewerSession = z.object({
  token: z.string().check(z.minLength(16), z.maxLength(512)),
});

/** Valid email syntax, within the length a mailbox can have. */
export const Email = z.email().check(z.maxLength(limits.email));

/**
 * Who wrote a post and whether they want to hear back. The email is checked (and kept)
 * only when `notify` is true; it is used for those notifications alone and never appears
 * in any response.
 */
const authorFields = {
  displayName: z.optional(trimmed(0, limits.displayName)),
  notify: z._default(z.boolean(), false),
  email: z.optional(z.string().check(z.trim(), z.maxLength(limits.email))),
};

const emailWhenNotifying = z.refine<{notify: boolean; email?: string | undefined}>(
  (value) => !value.notify || z.safeParse(Email, value.email ?? '').success,
  {path: ['email'], message: 'Enter a valid email address to be notified'},
);

export const NewAnswer = z
  .object({body: trimmed(limits.answerBody.min, limits.answerBody.max), ...authorFields})
  .check(emailWhenNotifying);

export const NewComment = z
  .object({body: trimmed(limits.commentBody.min, limits.commentBody.max), ...authorFields})
  .check(emailWhenNotifying);

export const VoteRequest = z.object({value: VoteValue});

/** The post's score after the vote, and the viewer's vote as the server now has it. */
export const VoteResult = z.object({score: z.int(), viewerVote: VoteValue});

export const AcceptRequest = z.object({answerId: Id});

export const AcceptResult = z.object({acceptedAnswerId: z.nullable(Id)});

export const FlagReason = z.enum(['spam', 'abusive', 'other']);

export const NewFlag = z
  .object({reason: FlagReason, note: z.optional(trimmed(0, limits.flagNote))})
  .check(
    z.refine<{reason: string; note?: string | undefined}>(
      (value) => value.reason !== 'other' || !!value.note,
      {
        path: ['note'],
        message: 'Say what is wrong',
      },
    ),
  );

export const FlagResult = z.object({flagged: z.literal(true)});

/** The author's edit of their own post. Length limits are those of the post's kind. */
export const PostEdit = z.object({
  body: trimmed(1, Math.max(limits.answerBody.max, limits.questionBody.max)),
});

export const Post = z.discriminatedUnion('kind', [Question, Answer, Comment]);

export const Removed = z.object({id: Id, removed: z.literal(true)});

/** A post's comments, oldest first, a page at a time. */
export const CommentsPage = z.object({
  comments: z.array(Comment),
  nextCursor: z.nullable(z.string().check(z.maxLength(limits.cursorLength))),
});

export const CommentsQuery = z.object({
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(limits.cursorLength))),
});

// Moderation (the moderator token from the server's environment).

export const ModerationFilter = z.enum(['flagged', 'pending', 'hidden']);

export const ModerationQuery = z.object({status: z._default(ModerationFilter, 'flagged')});

export const FlagRecord = z.object({
  reason: FlagReason,
  note: z.nullable(z.string()),
  createdAt: Timestamp,
});

export const ModeratedPost = z.object({
  id: Id,
  kind: z.enum(['question', 'answer', 'comment']),
  questionId: Id,
  status: PostStatus,
  body: PostBody,
  displayName: z.nullable(z.string()),
  createdAt: Timestamp,
  flags: z.array(FlagRecord),
});

export const ModerationQueue = z.object({posts: z.array(ModeratedPost)});

export const ModerationAction = z.object({action: z.enum(['hide', 'restore', 'approve'])});

export const ErrorCode = z.enum([
  'validation',
  'bad_request',
  'not_found',
  'unauthorized',
  'forbidden',
  'conflict',
  'duplicate',
  'idempotency_key_reused',
  'rate_limited',
  'payload_too_large',
  'internal',
]);

/**
 * Every error response: a stable code, a readable message, per-field messages, and for a
 * refused action (`forbidden`) the same short `reason` code `viewerCan` uses (`own-post`,
 * `not-asker`, …), so the widget can explain it in the reader's language.
 */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    reason: z.optional(z.string().check(z.maxLength(60))),
  }),
});

export type Id = z.infer<typeof Id>;
export type PostBody = z.infer<typeof PostBody>;
export type Author = z.infer<typeof Author>;
export type Permission = z.infer<typeof Permission>;
export type ViewerCan = z.infer<typeof ViewerCan>;
export type LastEdit = z.infer<typeof LastEdit>;
export type VoteValue = z.infer<typeof VoteValue>;
export type Question = z.infer<typeof Question>;
export type Answer = z.infer<typeof Answer>;
export type Sort = z.infer<typeof Sort>;
export type Viewer = z.infer<typeof Viewer>;
export type Thread = z.infer<typeof Thread>;
export type ThreadQuery = z.infer<typeof ThreadQuery>;
export type NewQuestion = z.input<typeof NewQuestion>;
export type CreatedQuestion = z.infer<typeof CreatedQuestion>;
export type ErrorCode = z.infer<typeof ErrorCode>;
export type Comment = z.infer<typeof Comment>;
export type CommentList = z.infer<typeof CommentList>;
export type ViewerSession = z.infer<typeof ViewerSession>;
export type NewAnswer = z.input<typeof NewAnswer>;
export type NewComment = z.input<typeof NewComment>;
export type VoteResult = z.infer<typeof VoteResult>;
export type AcceptResult = z.infer<typeof AcceptResult>;
export type FlagReason = z.infer<typeof FlagReason>;
export type NewFlag = z.input<typeof NewFlag>;
export type PostEdit = z.infer<typeof PostEdit>;
export type Post = z.infer<typeof Post>;
export type Removed = z.infer<typeof Removed>;
export type CommentsPage = z.infer<typeof CommentsPage>;
export type ModeratedPost = z.infer<typeof ModeratedPost>;
export type ModerationQueue = z.infer<typeof ModerationQueue>;
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
