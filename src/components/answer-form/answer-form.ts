import {html} from 'lit';
import {limits} from '../../api/schemas.js';
import {requestIntent} from '../../events/quanda-event.js';
import {QuandaAnswerSubmitEvent} from '../../write/write-events.js';
import {PostForm} from '../../write/post-form.js';
import type {PostFormValues} from '../../write/post-form.js';

/**
 * The reader's answer: text, an optional name to show, and an optional email for
 * notifications. Inside a thread, what the reader types is kept as a draft on the device
 * (never the email address) until the answer is posted. Loaded on first use.
 *
 * @summary Lets a reader answer the question, anonymously if they like.
 * @tag quanda-answer-form
 * @fires {QuandaAnswerSubmitEvent} quanda-answer-submit - The reader sent an answer that passed the checks: `detail.answer`. Cancelable; the thread posts it and answers with `respondWith`.
 * @fires {QuandaFormDoneEvent} quanda-form-done - The answer was posted (or queued to post) and the form emptied.
 * @fires {Event} done - Deprecated (removed in Quanda 0.3): listen to `quanda-form-done`. Fired with it; does not bubble.
 * @csspart heading - "Your answer".
 * @csspart hint - Each field's help text.
 * @csspart textarea - Where the answer is written.
 * @csspart submit-button - "Post your answer".
 */
export class QuandaAnswerForm extends PostForm {
  static override properties = {
    headingLevel: {type: Number, attribute: 'heading-level'},
  };

  protected readonly text = {
    label: 'form.answer.label',
    hint: 'form.answer.hint',
    notify: 'form.answer.notify',
    submit: 'form.answer.submit',
  } as const;

  protected readonly bodyLimits = limits.answerBody;

  /** Level of the form's heading, one below the answer count's. */
  headingLevel = 3;

  protected override renderHeading() {
    return html`<div part="heading" role="heading" aria-level=${this.headingLevel}>
      ${this.i18n.t('form.answer.heading')}
    </div>`;
  }

  /**
   * Empties the form after a confirmed send. Unticking "Email me" hides the email field,
   * and focus in it would drop to the page: it goes back to the (empty) text instead.
   */
  override reset() {
    super.reset();
    void this.updateComplete.then(() => {
      const focused = this.shadowRoot!.activeElement as HTMLElement | null;
      if (focused && !focused.checkVisibility?.()) this.textarea?.focus();
    });
  }

  /** @internal DraftHost */
  get draftName() {
    return 'answer';
  }

  protected send(values: PostFormValues) {
    return requestIntent(this, new QuandaAnswerSubmitEvent({answer: values}));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-answer-form': QuandaAnswerForm;
  }
}
