import {property} from 'lit/decorators.js';
import {limits} from '../../api/schemas.js';
import {requestIntent} from '../../events/quanda-event.js';
import {PostForm} from '../shared/post-form.js';
import type {PostFormValues} from '../shared/post-form.js';

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
 * @fires {QuandaEvent} quanda-edit - The author saved: `detail.postId`, `detail.edit`. Cancelable.
 * @fires {Event} done - The change was saved (does not bubble).
 * @fires {Event} cancel - The author stopped editing (does not bubble).
 * @csspart form - The form.
 * @csspart textarea - The text being edited.
 * @csspart submit-button - "Save changes".
 * @csspart cancel-button - "Cancel".
 * @csspart draft-status - "Draft restored", "Changed in another tab", or that drafts can't be kept on this device.
 * @csspart discard-button - "Discard", beside a restored draft.
 */
export class QuandaEditForm extends PostForm {
  protected readonly text = {
    label: 'form.edit.label',
    submit: 'form.edit.submit',
    cancel: true,
  } as const;
  protected override readonly withAuthorFields = false;

  /** The post being edited. */
  @property({attribute: 'post-id'}) postId = '';

  /** What kind of post it is; decides the length limits. */
  @property() kind: 'question' | 'answer' | 'comment' = 'answer';

  /** The text as it stands. */
  @property() value = '';

  protected get bodyLimits() {
    return LIMITS[this.kind];
  }

  override willUpdate() {
    this.initialBody = this.value;
  }

  get draftName() {
    return `edit:${this.postId}`;
  }

  protected send(values: PostFormValues) {
    return requestIntent(this, 'quanda-edit', {postId: this.postId, edit: {body: values.body}});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-edit-form': QuandaEditForm;
  }
}
