/**
 * The Quanda contract, requests: what a widget sends and the reference server validates.
 * The writing forms check the same limits before anything is sent. Responses are in
 * schemas.ts.
 */
import * as z from 'zod/mini';
import {Topic, boardLimits} from './board.js';
import {Email} from './email.js';
import {Id, Question, Sort, VoteValue, limits} from './schemas.js';

const trimmed = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const ThreadQuery = z.object({
  sort: z._default(Sort, 'votes'),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(limits.cursorLength))),
});

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

/** The admin API's answer to a new question. */
export const CreatedQuestion = z.object({
  question: Question,
  /** Viewer token of the asker: whoever holds it may choose the best answer. */
  askerToken: z.string(),
});

export {Email};

/**
 * Who wrote a post and whether they want to hear back. The email is checked (and kept)
 * only when `notify` is true; it is used for those notifications alone and never appears
 * in any response.
 */
const authorFields = {
  displayName: z.optional(trimmed(0, limits.displayName)),
  notify: z._default(z.boolean(), false),
  email: z.optional(z.string().check(z.trim(), z.maxLength(limits.email))),
  /** The reader's language (BCP 47), which the mails they asked for are written in. */
  locale: z.optional(z.string().check(z.maxLength(35))),
  /**
   * The page the reader wrote on (the widget sends its URL): mails about the thread link
   * back to it. Used only from an origin allowed to embed the widget.
   */
  page: z.optional(z.string().check(z.maxLength(2048))),
};

const emailWhenNotifying = z.refine<{notify: boolean; email?: string | undefined}>(
  (value) => !value.notify || z.safeParse(Email, value.email ?? '').success,
  {path: ['email'], message: 'Enter a valid email address to be notified'},
);

export const NewAnswer = z
  .object({body: trimmed(limits.answerBody.min, limits.answerBody.max), ...authorFields})
  .check(emailWhenNotifying);

/**
 * A reader's question on a board's topic; mail as for an answer (the asker hears of
 * answers to it).
 */
export const AskedQuestion = z
  .object({
    topic: Topic,
    /** The page's title, kept with a new topic so moderators can tell topics apart. */
    pageTitle: z.optional(z.string().check(z.maxLength(boardLimits.pageTitle))),
    title: trimmed(limits.titleLength.min, limits.titleLength.max),
    body: z._default(trimmed(limits.questionBody.min, limits.questionBody.max), ''),
    ...authorFields,
  })
  .check(emailWhenNotifying);

export const NewComment = z
  .object({body: trimmed(limits.commentBody.min, limits.commentBody.max), ...authorFields})
  .check(emailWhenNotifying);

export const VoteRequest = z.object({value: VoteValue});

export const AcceptRequest = z.object({answerId: Id});

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

/** The author's edit of their own post. Length limits are those of the post's kind. */
export const PostEdit = z.object({
  body: trimmed(1, Math.max(limits.answerBody.max, limits.questionBody.max)),
});

export const CommentsQuery = z.object({
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(limits.cursorLength))),
});

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
  'unavailable',
  'internal',
]);

export type ThreadQuery = z.infer<typeof ThreadQuery>;
export type NewQuestion = z.input<typeof NewQuestion>;
export type ErrorCode = z.infer<typeof ErrorCode>;
export type NewAnswer = z.input<typeof NewAnswer>;
export type NewComment = z.input<typeof NewComment>;
export type AskedQuestion = z.input<typeof AskedQuestion>;
export type NewFlag = z.input<typeof NewFlag>;
export type PostEdit = z.infer<typeof PostEdit>;
export type CreatedQuestion = z.infer<typeof CreatedQuestion>;
export type FlagReason = z.infer<typeof FlagReason>;
