/**
 * The Quanda contract, moderation: the moderator's API (a token from the server's
 * environment). The widget never calls it, so none of this reaches the browser bundle.
 */
import * as z from 'zod/mini';
import {FlagReason} from './requests.js';
import {Id, PostBody, PostStatus, Timestamp} from './schemas.js';

export const ModerationFilter = z.enum(['flagged', 'pending', 'hidden']);

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

export const ModerationQuery = z.object({status: z._default(ModerationFilter, 'flagged')});

export const ModerationAction = z.object({action: z.enum(['hide', 'restore', 'approve'])});

export type ModerationFilter = z.infer<typeof ModerationFilter>;
export type ModerationAction = z.infer<typeof ModerationAction>['action'];
export type ModeratedPost = z.infer<typeof ModeratedPost>;
export type ModerationQueue = z.infer<typeof ModerationQueue>;
