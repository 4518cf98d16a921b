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
 * @csspart form - The form.
 * @csspart label - Each field's label.
 * @csspart hint - The name field's help text.
 * @csspart textarea - Where the comment is written.
 * @csspart input - The name and email fields.
 * @csspart checkbox - "Email me…".
 * @csspart field-error - A field's error.
 * @csspart form-error - Why sending failed.
 * @csspart actions - The buttons.
 * @csspart toolbar - The formatting toolbar (bold, italic, link, lists, quote; Write and Preview).
 * @csspart tool-button - Each formatting button; its glyph is CSS (`::before`), its name a label.
 * @csspart write-button - "Write": back to the text.
 * @csspart preview-button - "Preview": the text as it will show, rendered as the server renders it.
 * @csspart preview - The preview.
 * @csspart submit-button - "Post comment".
 * @csspart cancel-button - "Cancel".
 * @csspart draft-status - "Draft restored", "Changed in another tab", or that drafts can't be kept on this device.
 * @csspart discard-button - "Discard", beside a restored draft.
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
