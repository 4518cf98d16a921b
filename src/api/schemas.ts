/**
 * The Quanda contract: every shape that crosses the wire between a Quanda widget and a
 * Quanda backend. The browser client parses every response with these schemas, the
 * reference server validates every request with them, and the OpenAPI document served at
 * `/api/openapi.json` is generated from them. Edit here, nowhere else.
 *
 * This file holds what the widget reads (every response); requests.ts holds what is sent
 * (request bodies and queries, which the server validates and the forms mirror), and
 * moderation.ts the moderator's API, which the widget never calls. The split keeps the
 * first load down to the schemas a reader needs before anything is written.
 *
 * Written with `zod/mini` so the browser pays ~9 KB gzip for the contract instead of
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
export const Id = z.string().check(
  z.minLength(1),
  z.maxLength(limits.idLength),
  // The server words this check's message (zod-locale.ts): the widget never shows it.
  z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/),
);

/**
 * A date and time (RFC 3339, as `Date.prototype.toISOString` writes it): seconds required,
 * an offset or `Z` (Quanda servers send UTC). The pattern is calendar-exact, leap days
 * included, so every value that parses is a date the widget can format; it is also the
 * pattern in the OpenAPI document, so a mock built from the document sends real dates.
 */
export const Timestamp = z
  .string()
  .check(
    z.regex(
      /^(?:\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)T(?:[01]\d|2[0-3])(?::[0-5]\d){2}(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/,
    ),
  );

export const PostStatus = z.enum(['published', 'pending', 'hidden']);

/**
 * A post's text, by how it was written:
 *
 * - `markdown`: what the author typed, as HTML (`html`), and the Markdown itself
 *   (`source`) only for whoever may edit it. The reference server stores Markdown.
 * - `html`: HTML from a backend that stores HTML.
 * - `text`: plain text; blank lines make paragraphs and single newlines line breaks.
 *
 * The widget sanitizes every `html` with its allow-list before showing it, whichever
 * backend sent it: a backend need not be trusted, and the reference server sanitizes too.
 *
 * A union discriminated by `format` (TypeScript narrows on it); parsed with `z.union`, as
 * `z.discriminatedUnion` would add half a kilobyte to the first load for three options.
 */
export const PostBody = z.union([
  z.object({format: z.literal('markdown'), html: z.string(), source: z.optional(z.string())}),
  z.object({format: z.literal('html'), html: z.string()}),
  z.object({format: z.literal('text'), text: z.string()}),
]);

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

/** A new anonymous viewer: the token to send as `Authorization: Bearer …` from now on. */
export const ViewerSession = z.object({
  token: z.string().check(z.minLength(16), z.maxLength(512)),
});

/** The post's score after the vote, and the viewer's vote as the server now has it. */
export const VoteResult = z.object({score: z.int(), viewerVote: VoteValue});

export const AcceptResult = z.object({acceptedAnswerId: z.nullable(Id)});

export const FlagResult = z.object({flagged: z.literal(true)});

export const Post = z.union([Question, Answer, Comment]);

export const Removed = z.object({id: Id, removed: z.literal(true)});

/** A post's comments, oldest first, a page at a time. */
export const CommentsPage = z.object({
  comments: z.array(Comment),
  nextCursor: z.nullable(z.string().check(z.maxLength(limits.cursorLength))),
});

/**
 * Every error response: a stable code, a readable message, per-field messages, and for a
 * refused action (`forbidden`) the same short `reason` code `viewerCan` uses (`own-post`,
 * `not-asker`, …), so the widget can explain it in the reader's language.
 */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.catchall(z.object({}), z.string())),
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
export type Comment = z.infer<typeof Comment>;
export type CommentList = z.infer<typeof CommentList>;
export type ViewerSession = z.infer<typeof ViewerSession>;
export type VoteResult = z.infer<typeof VoteResult>;
export type AcceptResult = z.infer<typeof AcceptResult>;
export type FlagResult = z.infer<typeof FlagResult>;
export type Post = z.infer<typeof Post>;
export type Removed = z.infer<typeof Removed>;
export type CommentsPage = z.infer<typeof CommentsPage>;
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
