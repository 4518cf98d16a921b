import type {PropertyValues} from 'lit';
import {limits} from '../../api/schemas.js';
import {QuandaEditEvent} from '../../actions/action-events.js';
import {requestIntent} from '../../events/quanda-event.js';
import {enActions} from '../../actions/en-actions.js';
import {PostForm} from '../../write/post-form.js';
import type {PostFormValues} from '../../write/post-form.js';

const LIMITS = {
  question: {min: 1, max: limits.questionBody.max},
  answer: limits.answerBody,
  comment: limits.commentBody,
};

/**
 * The author's edit of their own question, answer or comment. Loaded on first use.
 *
 * @summary Lets an author change what they wrote.
 * @tag quanda-edit-form
 * @fires {QuandaEditEvent} quanda-edit - The author saved: `detail.postId`, `detail.edit`. Cancelable.
 * @fires {QuandaFormDoneEvent} quanda-form-done - The change was saved.
 * @fires {QuandaFormCancelEvent} quanda-form-cancel - The author stopped editing.
 * @fires {Event} done - Deprecated (removed in Quanda 0.3): listen to `quanda-form-done`. Fired with it; does not bubble.
 * @fires {Event} cancel - Deprecated (removed in Quanda 0.3): listen to `quanda-form-cancel`. Fired with it; does not bubble.
 * @csspart label - "Edit your text".
 * @csspart textarea - The text being edited.
 * @csspart field-error - What is wrong with the text.
 * @csspart form-error - Why saving failed.
 * @csspart submit-button - "Save changes".
 */
export class QuandaEditForm extends PostForm {
  static override properties = {
    postId: {attribute: 'post-id'},
    kind: {},
    value: {},
  };

  protected readonly text = {
    label: 'form.edit.label',
    submit: 'form.edit.submit',
    cancel: true,
  } as const;
  protected override readonly withAuthorFields = false;

  /** The post being edited. */
  postId = '';

  /** What kind of post it is; decides the length limits. */
  kind: 'question' | 'answer' | 'comment' = 'answer';

  /** The text as it stands. */
  value = '';

  constructor() {
    super();
    this.i18n.addEnglish(enActions); // these strings come with the form
  }

  protected get bodyLimits() {
    return LIMITS[this.kind];
  }

  override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    this.initialBody = this.value;
  }

  /** @internal DraftHost */
  get draftName() {
    return `edit:${this.postId}`;
  }

  protected send(values: PostFormValues) {
    return requestIntent(
      this,
      new QuandaEditEvent({postId: this.postId, edit: {body: values.body}}),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-edit-form': QuandaEditForm;
  }
}
