import {css, html, nothing} from 'lit';
import {limits} from '../../api/schemas.js';
import type {FlagReason} from '../../api/requests.js';
import {QuandaFlagEvent} from '../../actions/action-events.js';
import {requestIntent} from '../../events/quanda-event.js';
import {QuandaFormDoneEvent, fireFormEvent} from '../../write/write-events.js';
import {describeError} from '../../i18n/describe-error.js';
import {enActions} from '../../actions/en-actions.js';
import {enFlag} from '../../i18n/locales/en-flag.js';
import {enWrite} from '../../write/en-write.js';
import {hostStyles} from '../../styles/host.styles.js';
import {formStyles} from '../../write/form.styles.js';
import {LocalizedElement} from '../shared/localized-element.js';

const REASONS: FlagReason[] = ['spam', 'abusive', 'other'];

/**
 * Asks why a post should be looked at, in a modal dialog, and sends the flag. Loaded
 * the first time a reader flags something.
 *
 * @summary Lets a reader report a post to the moderators.
 * @tag quanda-flag-dialog
 * @fires {QuandaFlagEvent} quanda-flag - The reader sent a flag: `detail.postId`, `detail.flag`. Cancelable.
 * @fires {QuandaFormDoneEvent} quanda-form-done - The flag was sent.
 * @fires {Event} done - Deprecated (removed in Quanda 0.3): listen to `quanda-form-done`. Fired with it; does not bubble.
 * @fires {Event} close - The dialog closed, sent or not (does not bubble).
 * @csspart dialog - The dialog box.
 * @csspart heading - "Why should a moderator look at this?"
 * @csspart label - "What is wrong?", the note's label.
 * @csspart textarea - The note.
 * @csspart field-error - Why the note is needed.
 * @csspart form-error - Why sending the flag failed.
 * @csspart submit-button - "Send to moderators".
 * @cssprop [--quanda-flag-dialog-background=Canvas] - The dialog's opaque background (it sits over the page). Set it with `--quanda-flag-dialog-color`.
 * @cssprop [--quanda-flag-dialog-color=CanvasText] - The dialog's text colour; goes with its background, not the page's text.
 */
export class QuandaFlagDialog extends LocalizedElement {
  static override properties = {
    postId: {attribute: 'post-id'},
    label: {},
    reason: {state: true},
    noteError: {state: true},
    failure: {state: true},
    pending: {state: true},
  };

  // The dialog sits in the top layer, over the page: it needs an opaque background, and a
  // text colour that goes with it rather than the page's (light text from a dark page that
  // declares no color-scheme would be unreadable on Canvas). `:host > dialog` wins over the
  // isolation rule that sets the colours of `:host > *`.
  static override styles = [
    hostStyles,
    formStyles,
    css`
      :host {
        --_dialog-background: var(--quanda-flag-dialog-background, Canvas);
        --_dialog-color: var(--quanda-flag-dialog-color, CanvasText);
      }

      :host > dialog {
        inline-size: min(28em, calc(100vw - 32px));
        padding: var(--_space-l);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_dialog-background);
        color: var(--_dialog-color);
      }

      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }

      fieldset {
        display: flex;
        flex-direction: column;
        gap: var(--_space-s);
        margin: 0;
        padding: 0;
        border: 0;
      }

      legend {
        margin-block-end: var(--_space-s);
        padding: 0;
      }
    `,
  ];

  /** The post being flagged. */
  postId = '';

  /** What is flagged, for the dialog's name: "answer by Jonas". */
  label = '';

  private reason: FlagReason = 'spam';
  private noteError = '';
  private failure = '';
  private pending = false;

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  constructor() {
    super();
    this.i18n.addEnglish({...enWrite, ...enActions, ...enFlag}); // these strings come with the dialog
  }

  /** Opens the dialog (modal: focus stays inside until it closes). */
  async show() {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  override render() {
    const {i18n} = this;
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      @cancel=${this.handleCancel}
      @keydown=${this.handleKeydown}
      @close=${() => this.dispatchEvent(new Event('close'))}
    >
      <form novalidate @submit=${this.handleSubmit}>
        <fieldset>
          <legend id="heading" part="heading">${i18n.t('flag.heading')}</legend>
          ${REASONS.map(
            (reason) =>
              html`<div class="check">
                <input
                  type="radio"
                  id=${reason}
                  name="reason"
                  .value=${reason}
                  .checked=${this.reason === reason}
                  @change=${() => (this.reason = reason)}
                />
                <label for=${reason}>${i18n.t(`flag.reason.${reason}`)}</label>
              </div>`,
          )}
        </fieldset>
        <div class="field">
          <label part="label" for="note">${i18n.t('flag.note')}</label>
          <textarea
            id="note"
            part="textarea"
            name="note"
            rows="3"
            maxlength=${limits.flagNote}
            aria-invalid=${this.noteError ? 'true' : 'false'}
            aria-describedby=${this.noteError ? 'note-error' : nothing}
          ></textarea>
          ${
            this.noteError
              ? html`<p id="note-error" part="field-error" class="error">${this.noteError}</p>`
              : nothing
          }
        </div>
        ${
          this.failure
            ? html`<p part="form-error" class="failure" role="alert">${this.failure}</p>`
            : nothing
        }
        <div part="actions" class="actions">
          <button part="cancel-button" type="button" @click=${this.handleCancel}>
            ${i18n.t('form.cancel')}
          </button>
          <button
            part="submit-button"
            type="submit"
            aria-disabled=${this.pending ? 'true' : 'false'}
          >
            ${i18n.t(this.pending ? 'form.sending' : 'flag.submit')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private readonly handleCancel = (event: Event) => {
    event.preventDefault();
    if (!this.pending) this.dialog.close();
  };

  /**
   * Tab from the last control comes back to the first, Shift+Tab the other way: a modal
   * dialog alone would send focus out to the browser's own controls.
   */
  private readonly handleKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    // The checked reason is the radio group's one stop.
    const stops = [...this.renderRoot.querySelectorAll<HTMLElement>(':checked, textarea, button')];
    const [first, last] = event.shiftKey ? [stops.at(-1), stops[0]] : [stops[0], stops.at(-1)];
    if (this.shadowRoot!.activeElement !== last) return;
    event.preventDefault();
    first?.focus();
  };

  private readonly handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.pending) return;
    const textarea = this.renderRoot.querySelector('textarea')!;
    const note = textarea.value.trim();
    this.failure = '';
    this.noteError = this.reason === 'other' && !note ? this.i18n.t('flag.noteRequired') : '';
    if (this.noteError) {
      textarea.focus();
      return;
    }
    this.pending = true;
    try {
      const flag = {reason: this.reason, ...(note ? {note} : {})};
      // Vetoed, or nobody took it: nothing was sent, and the dialog keeps the reader's note.
      if (!(await requestIntent(this, new QuandaFlagEvent({postId: this.postId, flag}))).answered)
        return;
      fireFormEvent(this, new QuandaFormDoneEvent(), 'done');
      this.dialog.close();
    } catch (error) {
      this.failure = this.i18n.t('flag.failed', {reason: describeError(this.i18n, error)});
    } finally {
      this.pending = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-flag-dialog': QuandaFlagDialog;
  }
}
