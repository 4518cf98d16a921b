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
  static readonly eventName = 'quanda-voted';
  constructor(detail: QuandaVotedEvent['detail']) {
    super(QuandaVotedEvent.eventName, detail);
  }
}

/** The best answer changed: `answerId` is null when it was cleared. */
export class QuandaAcceptedEvent extends QuandaEvent<{answerId: string | null}> {
  static readonly eventName = 'quanda-accepted';
  constructor(detail: QuandaAcceptedEvent['detail']) {
    super(QuandaAcceptedEvent.eventName, detail);
  }
}

/** The reader sent a comment on a post. */
export class QuandaCommentSubmitEvent extends QuandaIntentEvent<{
  postId: string;
  comment: NewComment;
}> {
  static readonly eventName = 'quanda-comment-submit';
  constructor(detail: QuandaCommentSubmitEvent['detail']) {
    super(QuandaCommentSubmitEvent.eventName, detail);
  }
}

/** A comment was posted. */
export class QuandaCommentedEvent extends QuandaEvent<{comment: Comment}> {
  static readonly eventName = 'quanda-commented';
  constructor(detail: QuandaCommentedEvent['detail']) {
    super(QuandaCommentedEvent.eventName, detail);
  }
}

/** The reader sent a flag on a post. */
export class QuandaFlagEvent extends QuandaIntentEvent<{postId: string; flag: NewFlag}> {
  static readonly eventName = 'quanda-flag';
  constructor(detail: QuandaFlagEvent['detail']) {
    super(QuandaFlagEvent.eventName, detail);
  }
}

/** A flag was sent. */
export class QuandaFlaggedEvent extends QuandaEvent<{postId: string}> {
  static readonly eventName = 'quanda-flagged';
  constructor(detail: QuandaFlaggedEvent['detail']) {
    super(QuandaFlaggedEvent.eventName, detail);
  }
}

/** A post's author saved a change. */
export class QuandaEditEvent extends QuandaIntentEvent<{postId: string; edit: PostEdit}> {
  static readonly eventName = 'quanda-edit';
  constructor(detail: QuandaEditEvent['detail']) {
    super(QuandaEditEvent.eventName, detail);
  }
}

/** An edit was saved. */
export class QuandaEditedEvent extends QuandaEvent<{post: Post}> {
  static readonly eventName = 'quanda-edited';
  constructor(detail: QuandaEditedEvent['detail']) {
    super(QuandaEditedEvent.eventName, detail);
  }
}

/** A post's author confirmed removing it. */
export class QuandaRemoveEvent extends QuandaIntentEvent<{postId: string}> {
  static readonly eventName = 'quanda-remove';
  constructor(detail: QuandaRemoveEvent['detail']) {
    super(QuandaRemoveEvent.eventName, detail);
  }
}

/** A post was removed. */
export class QuandaRemovedEvent extends QuandaEvent<{postId: string}> {
  static readonly eventName = 'quanda-removed';
  constructor(detail: QuandaRemovedEvent['detail']) {
    super(QuandaRemovedEvent.eventName, detail);
  }
}
