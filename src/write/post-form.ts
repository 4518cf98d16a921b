import {html, nothing} from 'lit';
import type {PropertyValues, TemplateResult, PropertyDeclarations} from 'lit';
import {ContextConsumer} from '@lit/context';
import {QuandaError} from '../api/api-error.js';
import {storageContext} from '../context/contexts.js';
import {DraftController} from './draft-controller.js';
import type {DraftFields, DraftHost} from './draft-controller.js';
import {limits} from '../api/schemas.js';
import type {MarkdownEditorController} from '../editor/markdown-editor-controller.js';
import {loadEditor} from '../load-editor.js';
import {describeError} from '../i18n/describe-error.js';
import {QuandaFormCancelEvent, QuandaFormDoneEvent, fireFormEvent} from './write-events.js';
import {enWrite} from './en-write.js';
import type {MessageKey} from '../i18n/localizer.js';
import {hostStyles} from '../styles/host.styles.js';
import {formStyles} from './form.styles.js';
import {mailFor} from './mail-offer.js';
import type {EmailFields} from './mail-offer.js';
import {LocalizedElement} from '../components/shared/localized-element.js';

type Field = 'title' | 'body' | 'displayName' | 'email';
export type Errors = Partial<Record<Field, string>>;

export interface PostFormValues {
  /** A question's title (the ask form). */
  title?: string;
  body: string;
  displayName?: string;
  notify: boolean;
  email?: string;
}

/** What a form variant is called and checks: its words, its limits, its fields. */
export interface FormText {
  label: MessageKey;
  hint?: MessageKey;
  notify?: MessageKey;
  submit: MessageKey;
  /** The thread announces success; this is what the form itself says, if anything. */
  cancel?: boolean;
}

/**
 * The shared shape of Quanda's writing forms (answer, comment, edit): a native form with
 * real labels, checks that mirror the server's, each error tied to its field
 * (`aria-invalid`, `aria-describedby`) with focus moved to the first, and text that is
 * never lost: a failed send keeps everything and says why, and a draft is kept on the
 * device as the reader types (DraftController) until the server has the post.
 *
 * Subclasses say what they send by firing their intent in `send()`; the thread answers it
 * with the server's outcome.
 */
export abstract class PostForm extends LocalizedElement implements DraftHost {
  static override styles = [hostStyles, formStyles];

  static override properties: PropertyDeclarations = {
    notify: {state: true},
    mail: {state: true},
    mailed: {state: true},
    errors: {state: true},
    pending: {state: true},
    failure: {state: true},
  };
  static override shadowRootOptions = {...LocalizedElement.shadowRootOptions, delegatesFocus: true};

  protected abstract readonly text: FormText;
  protected abstract readonly bodyLimits: {min: number; max: number};
  /** Name, notify and email fields (answers and comments have them; edits don't). */
  protected readonly withAuthorFields: boolean = true;
  /** Fires the intent and resolves with the outcome (rejects with a QuandaError). */
  protected abstract send(values: PostFormValues): Promise<{answered: boolean; outcome: unknown}>;
  /**
   * @internal DraftHost: the form among the thread's forms, for its draft: `answer`,
   * `comment:<post>`, `edit:<post>`.
   */
  abstract readonly draftName: string;

  protected notify = false;
  /** The email fields, when the thread's backend sends mail (write/mail-offer.ts). */
  protected mail?: EmailFields;
  /** The last post asked for mail: the form says to look for the confirmation. */
  protected mailed = false;
  protected errors: Errors = {};
  protected pending = false;
  protected failure = '';

  protected get form(): HTMLFormElement | null {
    return this.renderRoot.querySelector('form');
  }

  protected get textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  /** Text the form starts with (an edit starts from the post's text). */
  protected initialBody = '';

  /** The toolbar and Write / Preview around the textarea, once loaded (see `loadEditor`). */
  protected editor?: MarkdownEditorController;

  protected readonly drafts = new DraftController(this);

  constructor() {
    super();
    this.i18n.addEnglish(enWrite); // strings only writing needs come with the modules that write
    new ContextConsumer(this, {
      context: storageContext,
      callback: (storage) =>
        void (storage ? mailFor(storage) : Promise.resolve(null)).then((mail) => {
          if (mail) this.i18n.addEnglish(mail.enEmail);
          this.mail = mail ?? undefined;
        }),
    });
    loadEditor().then(
      ({MarkdownEditorController}) => {
        this.editor = new MarkdownEditorController(
          this,
          () => this.i18n,
          () => this.textarea!,
        );
        this.requestUpdate();
      },
      () => undefined, // offline: the form works on without its toolbar
    );
  }

  override render() {
    const {i18n, text, errors} = this;
    const bodyHint = text.hint ? i18n.t(text.hint, {min: this.bodyLimits.min}) : '';
    return html`<form
      part="form"
      novalidate
      aria-busy=${this.pending}
      @submit=${this.handleSubmit}
      @input=${this.handleInput}
    >
      ${this.renderHeading()} ${this.renderLead()}
      <div class="field">
        <label part="label" for="body">${i18n.t(text.label)}</label>
        ${bodyHint ? html`<p id="body-hint" part="hint" class="hint">${bodyHint}</p>` : nothing}
        ${this.editor?.toolbar(this.pending)}
        <textarea
          id="body"
          name="body"
          part="textarea"
          rows="6"
          .defaultValue=${this.initialBody}
          ?readonly=${this.pending}
          ?hidden=${!!this.editor?.previewing}
          aria-invalid=${errors.body ? 'true' : 'false'}
          aria-describedby=${describedBy(bodyHint && 'body-hint', errors.body && 'body-error')}
          @keydown=${this.editor?.handleShortcut}
        ></textarea>
        ${this.editor?.preview()} ${fieldError('body', errors.body)} ${this.#renderDraftStatus()}
      </div>
      ${this.withAuthorFields ? this.#renderAuthorFields() : nothing}
      ${
        this.failure
          ? html`<p part="form-error" class="failure" role="alert">${this.failure}</p>`
          : nothing
      }
      <div part="actions" class="actions">
        ${
          text.cancel
            ? html`<button part="cancel-button" type="button" @click=${this.handleCancel}>
                ${i18n.t('form.cancel')}
              </button>`
            : nothing
        }
        <button part="submit-button" type="submit" aria-disabled=${this.pending ? 'true' : 'false'}>
          ${i18n.t(this.pending ? 'form.sending' : text.submit)}
        </button>
      </div>
    </form>`;
  }

  /** Focus goes to the text being written, not to the toolbar before it. */
  override focus(options?: FocusOptions) {
    if (this.textarea && !this.editor?.previewing) this.textarea.focus(options);
    else super.focus(options);
  }

  /** "Draft restored · Discard", and the like: quiet, and always present so it is announced. */
  #renderDraftStatus() {
    const {status} = this.drafts;
    return html`<p part="draft-status" class="hint" role="status">
      ${status ? this.i18n.t(`draft.${status}`) : nothing}
      ${
        status === 'restored' || status === 'elsewhere'
          ? html`<button
              part="discard-button"
              type="button"
              class="link"
              @click=${this.handleDiscard}
            >
              ${this.i18n.t('draft.discard')}
            </button>`
          : nothing
      }
    </p>`;
  }

  protected renderHeading(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Fields before the text (the ask form's title). */
  protected renderLead(): TemplateResult | typeof nothing {
    return nothing;
  }

  #renderAuthorFields() {
    const {i18n, errors} = this;
    return html`<div class="field">
        <label part="label" for="name">${i18n.t('form.name.label')}</label>
        <p id="name-hint" part="hint" class="hint">${i18n.t('form.name.hint')}</p>
        <input
          id="name"
          name="displayName"
          part="input"
          autocomplete="nickname"
          maxlength=${limits.displayName + 20}
          ?readonly=${this.pending}
          aria-invalid=${errors.displayName ? 'true' : 'false'}
          aria-describedby=${describedBy('name-hint', errors.displayName && 'displayName-error')}
        />
        ${fieldError('displayName', errors.displayName)}
      </div>
      ${
        this.withAuthorFields && this.mail
          ? this.mail.emailFields(
              i18n,
              {
                notify: this.notify,
                pending: this.pending,
                error: errors.email,
                mailed: this.mailed,
                label: this.text.notify ?? 'form.answer.notify',
              },
              this.handleNotifyChange,
            )
          : nothing
      }`;
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    // Sent from the preview, and the text needs fixing: back to the text.
    if (changed.has('errors') && this.errors.body && this.editor) this.editor.previewing = false;
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (changed.has('errors') && Object.keys(this.errors).length) {
      // Focus the first field that needs fixing; its error is read with it.
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }

  /** The values as typed, trimmed as the server will trim them. */
  protected values(): PostFormValues {
    const data = new FormData(this.form!);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    return {
      body: value('body'),
      ...(this.withAuthorFields
        ? {
            displayName: value('displayName') || undefined,
            // Only offered by a backend that sends mail.
            notify: !!this.mail && this.notify,
            email: this.mail && this.notify ? value('email') : undefined,
          }
        : {notify: false}),
    };
  }

  /** The same checks the server makes, in the reader's language. */
  protected check(values: PostFormValues): Errors {
    const {i18n} = this;
    const errors: Errors = {};
    const {min, max} = this.bodyLimits;
    const length = [...values.body].length;
    if (length < min) errors.body = i18n.t('form.error.tooShort', {min});
    else if (length > max) errors.body = i18n.t('form.error.tooLong', {max, count: length});
    if ((values.displayName?.length ?? 0) > limits.displayName) {
      errors.displayName = i18n.t('form.error.nameTooLong', {max: limits.displayName});
    }
    const email = values.notify && this.mail?.emailError(i18n, values.email);
    if (email) errors.email = email;
    return errors;
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.pending) return;
    const values = this.values();
    this.errors = this.check(values);
    this.failure = '';
    if (Object.keys(this.errors).length) return;
    this.pending = true;
    try {
      // Vetoed, or nobody took it: nothing was sent, so every word stays.
      if (!(await this.send(values)).answered) return;
      // Posted, or queued to post (the queue holds the text now): the draft has served.
      this.drafts.clear(true);
      this.reset();
      this.mailed = values.notify;
      fireFormEvent(this, new QuandaFormDoneEvent(), 'done');
    } catch (error) {
      this.#explain(error, values);
    } finally {
      this.pending = false;
    }
  }

  private handleCancel() {
    fireFormEvent(this, new QuandaFormCancelEvent(), 'cancel');
  }

  private handleInput() {
    this.drafts.changed();
  }

  private handleDiscard() {
    this.drafts.clear();
    this.reset();
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private readonly handleNotifyChange = (event: Event) => {
    this.notify = (event.target as HTMLInputElement).checked;
    if (!this.notify && this.errors.email) this.errors = {...this.errors, email: undefined};
  };

  /** Empties the form after a confirmed send. */
  reset() {
    this.form?.reset();
    if (this.editor) this.editor.previewing = false;
    this.notify = false;
    this.mailed = false;
    this.errors = {};
    this.failure = '';
  }

  /** @internal DraftHost: what is in the form now (never the email address). */
  draftFields(): DraftFields {
    const form = this.form;
    const body = form?.querySelector('textarea')?.value ?? '';
    if (!this.withAuthorFields) return {body: body === this.initialBody ? '' : body};
    const name = form?.querySelector<HTMLInputElement>('#name')?.value;
    return {body, ...(name ? {displayName: name} : {}), ...(this.notify ? {notify: true} : {})};
  }

  /** @internal DraftHost: puts a draft in the form; a refusal's reason shows as the failure. */
  fillDraft(fields: DraftFields, refused?: string) {
    const form = this.form;
    const textarea = form?.querySelector('textarea');
    if (textarea) textarea.value = fields.body || this.initialBody;
    const name = form?.querySelector<HTMLInputElement>('#name');
    if (name) name.value = fields.displayName ?? '';
    this.notify = !!fields.notify;
    this.errors = {};
    this.failure = refused ? this.i18n.t('form.failed', {reason: refused}) : '';
  }

  /** Says why the server refused, next to the field when it names one; keeps every word. */
  #explain(error: unknown, values: PostFormValues) {
    const {i18n} = this;
    if (error instanceof QuandaError && error.code === 'duplicate') {
      this.errors = {body: i18n.t('form.error.duplicate')};
      return;
    }
    if (error instanceof QuandaError && error.envelope?.reason === 'too-complex') {
      this.errors = {body: i18n.t('form.error.too-complex')};
      return;
    }
    if (error instanceof QuandaError && error.status === 429) {
      const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 3600) / 60));
      this.failure = i18n.t('form.error.waitMinutes', {count: minutes});
      return;
    }
    const local = this.check(values);
    const named = Object.keys(error instanceof QuandaError ? (error.envelope?.fields ?? {}) : {});
    const matched = named.filter((field): field is Field => field in local);
    if (matched.length) {
      this.errors = Object.fromEntries(matched.map((field) => [field, local[field]]));
      return;
    }
    this.failure = i18n.t('form.failed', {reason: describeError(i18n, error)});
  }
}

export function describedBy(...ids: (string | false | undefined)[]) {
  const list = ids.filter(Boolean).join(' ');
  return list || nothing;
}

export function fieldError(field: Field, message: string | undefined) {
  return message
    ? html`<p id="${field}-error" part="field-error" class="error">${message}</p>`
    : nothing;
}
