import type {NewComment, NewFlag, PostEdit} from '../api/requests.js';
import type {Comment, Post, VoteValue} from '../api/schemas.js';
import {QuandaEvent, QuandaIntentEvent} from '../events/quanda-event.js';

/*
 * The events of voting, choosing the best answer, commenting, flagging, editing and
 * removing, past the first load's intents: they load with the code that fires them.
 */

/** The server saved a vote. */
export class QuandaVotedEvent extends QuandaEvent<{
  postId: string;
  value: VoteValue;
  score: number;
}> {
  constructor(detail: QuandaVotedEvent['detail']) {
    super('quanda-voted', detail);
  }
}

/** The best answer changed: `answerId` is null when it was cleared. */
export class QuandaAcceptedEvent extends QuandaEvent<{answerId: string | null}> {
  constructor(detail: QuandaAcceptedEvent['detail']) {
    super('quanda-accepted', detail);
  }
}

/** The reader sent a comment on a post. */
export class QuandaCommentSubmitEvent extends QuandaIntentEvent<{
  postId: string;
  comment: NewComment;
}> {
  constructor(detail: QuandaCommentSubmitEvent['detail']) {
    super('quanda-comment-submit', detail);
  }
}

/** A comment was posted. */
export class QuandaCommentedEvent extends QuandaEvent<{comment: Comment}> {
  constructor(detail: QuandaCommentedEvent['detail']) {
    super('quanda-commented', detail);
  }
}

/** The reader sent a flag on a post. */
export class QuandaFlagEvent extends QuandaIntentEvent<{postId: string; flag: NewFlag}> {
  constructor(detail: QuandaFlagEvent['detail']) {
    super('quanda-flag', detail);
  }
}

/** A flag was sent. */
export class QuandaFlaggedEvent extends QuandaEvent<{postId: string}> {
  constructor(detail: QuandaFlaggedEvent['detail']) {
    super('quanda-flagged', detail);
  }
}

/** A post's author saved a change. */
export class QuandaEditEvent extends QuandaIntentEvent<{postId: string; edit: PostEdit}> {
  constructor(detail: QuandaEditEvent['detail']) {
    super('quanda-edit', detail);
  }
}

/** An edit was saved. */
export class QuandaEditedEvent extends QuandaEvent<{post: Post}> {
  constructor(detail: QuandaEditedEvent['detail']) {
    super('quanda-edited', detail);
  }
}

/** A post's author confirmed removing it. */
export class QuandaRemoveEvent extends QuandaIntentEvent<{postId: string}> {
  constructor(detail: QuandaRemoveEvent['detail']) {
    super('quanda-remove', detail);
  }
}

/** A post was removed. */
export class QuandaRemovedEvent extends QuandaEvent<{postId: string}> {
  constructor(detail: QuandaRemovedEvent['detail']) {
    super('quanda-removed', detail);
  }
}
