import {limits} from '../../api/schemas.js';
import {QuandaCommentSubmitEvent} from '../../actions/action-events.js';
import {requestIntent} from '../../events/quanda-event.js';
import {enActions} from '../../actions/en-actions.js';
import {PostForm} from '../../write/post-form.js';
import type {PostFormValues} from '../../write/post-form.js';

/**
 * A comment on the question or an answer, with the same optional name and email as an
 * answer. Loaded on first use.
 *
 * @summary Lets a reader comment on a post.
 * @tag quanda-comment-form
 * @fires {QuandaCommentSubmitEvent} quanda-comment-submit - The reader sent a comment: `detail.postId`, `detail.comment`. Cancelable.
 * @fires {QuandaFormDoneEvent} quanda-form-done - The comment was posted (or queued to post).
 * @fires {QuandaFormCancelEvent} quanda-form-cancel - The reader pressed Cancel.
 * @fires {Event} done - Deprecated (removed in Quanda 0.3): listen to `quanda-form-done`. Fired with it; does not bubble.
 * @fires {Event} cancel - Deprecated (removed in Quanda 0.3): listen to `quanda-form-cancel`. Fired with it; does not bubble.
 * @csspart hint - The name field's help text.
 * @csspart textarea - Where the comment is written.
 * @csspart submit-button - "Post comment".
 */
export class QuandaCommentForm extends PostForm {
  static override properties = {
    postId: {attribute: 'post-id'},
  };

  protected readonly text = {
    label: 'form.comment.label',
    notify: 'form.comment.notify',
    submit: 'form.comment.submit',
    cancel: true,
  } as const;

  protected readonly bodyLimits = limits.commentBody;

  /** The question or answer commented on. */
  postId = '';

  constructor() {
    super();
    this.i18n.addEnglish(enActions); // these strings come with the form
  }

  /** @internal DraftHost */
  get draftName() {
    return `comment:${this.postId}`;
  }

  protected send(values: PostFormValues) {
    return requestIntent(
      this,
      new QuandaCommentSubmitEvent({postId: this.postId, comment: values}),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-comment-form': QuandaCommentForm;
  }
}
