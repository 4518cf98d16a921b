import {html, nothing} from 'lit';
import type {PropertyDeclarations} from 'lit';
import type {QuestionSummary} from '../../api/board.js';
import {limits} from '../../api/schemas.js';
import {QuandaAskSubmitEvent} from '../../board/board-events.js';
import {requestIntent} from '../../events/quanda-event.js';
import {enBoard} from '../board/en-board.js';
import {PostForm, describedBy, fieldError} from '../../write/post-form.js';
import type {Errors, PostFormValues} from '../../write/post-form.js';
import type {DraftFields} from '../../write/draft-controller.js';

/** How long typing in the title pauses before similar questions are looked up. */
const SIMILAR_DELAY = 300;

/**
 * A reader's question on a board: a title, details with the same Markdown editor and
 * limits as answers, and an optional name. While the title is typed, similar questions
 * already asked are offered, so a reader can read an answer instead of asking again.
 * Drafts and the outbox work exactly as for answers. Loaded when the reader asks.
 *
 * @summary Lets a reader ask a question about the article.
 * @tag quanda-ask-form
 * @fires {QuandaAskSubmitEvent} quanda-ask-submit - The reader sent a question: `detail.question`. Cancelable; the board posts it.
 * @fires {QuandaFormDoneEvent} quanda-form-done - The question was posted (or queued) and the form emptied.
 * @fires {QuandaFormCancelEvent} quanda-form-cancel - The reader closed the form.
 * @csspart form - The form.
 * @csspart heading - "Ask a question".
 * @csspart label - Each field's label.
 * @csspart hint - Each field's help text.
 * @csspart title-input - The title.
 * @csspart similar - Similar questions already asked.
 * @csspart textarea - Where the details are written.
 * @csspart toolbar - The formatting toolbar.
 * @csspart tool-button - Each formatting button.
 * @csspart write-button - "Write".
 * @csspart preview-button - "Preview".
 * @csspart preview - The preview.
 * @csspart input - The name field.
 * @csspart field-error - A field's error.
 * @csspart form-error - Why sending failed.
 * @csspart draft-status - "Draft restored", and the like.
 * @csspart discard-button - "Discard", beside a restored draft.
 * @csspart actions - The buttons.
 * @csspart submit-button - "Post your question".
 * @csspart cancel-button - "Cancel".
 */
export class QuandaAskForm extends PostForm {
  static override properties: PropertyDeclarations = {
    ...PostForm.properties,
    headingLevel: {type: Number, attribute: 'heading-level'},
    topic: {},
    similarFor: {attribute: false},
    similar: {state: true},
  };

  protected readonly text = {
    label: 'ask.bodyLabel',
    hint: 'ask.bodyHint',
    submit: 'ask.submit',
    notify: 'form.question.notify',
    cancel: true,
  } as const;

  protected readonly bodyLimits = limits.questionBody;

  /** Level of the form's heading. */
  headingLevel = 3;

  /** The board's topic: its own similar questions open in it, others on their article's page. */
  topic = '';

  /** Looks up questions like a title (the board sets it); none are offered without it. */
  similarFor?: (title: string, signal: AbortSignal) => Promise<readonly QuestionSummary[]>;

  protected similar: readonly QuestionSummary[] = [];
  #lookup?: AbortController;
  #timer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.i18n.addEnglish(enBoard);
  }

  get draftName() {
    return 'ask';
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#lookup?.abort();
  }

  protected override renderHeading() {
    return html`<div part="heading" role="heading" aria-level=${this.headingLevel}>
      ${this.i18n.t('ask.heading')}
    </div>`;
  }

  protected override renderLead() {
    const {i18n, errors} = this;
    const {min, max} = limits.titleLength;
    return html`<div class="field">
      <label part="label" for="title">${i18n.t('ask.titleLabel')}</label>
      <p id="title-hint" part="hint" class="hint">${i18n.t('ask.titleHint', {min, max})}</p>
      <input
        id="title"
        name="title"
        part="title-input"
        autocomplete="off"
        maxlength=${max + 20}
        ?readonly=${this.pending}
        aria-invalid=${errors.title ? 'true' : 'false'}
        aria-describedby=${describedBy('title-hint', errors.title && 'title-error')}
        @input=${this.handleTitleInput}
      />
      ${fieldError('title', errors.title)} ${this.#renderSimilar()}
    </div>`;
  }

  #renderSimilar() {
    if (!this.similar.length) return nothing;
    return html`<div part="similar" role="group" aria-labelledby="similar-heading">
      <p id="similar-heading" class="hint">${this.i18n.t('ask.similar')}</p>
      <ul>
        ${this.similar.map(
          (question) =>
            html`<li>
              <a href=${similarHref(question, this.topic)}>${question.title}</a>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  protected override values(): PostFormValues {
    const title = this.form!.querySelector<HTMLInputElement>('#title')!.value.trim();
    return {...super.values(), title};
  }

  protected override check(values: PostFormValues): Errors {
    const errors = super.check(values);
    const {min, max} = limits.titleLength;
    const length = [...(values.title ?? '')].length;
    const title =
      length < min
        ? this.i18n.t('form.error.tooShort', {min})
        : length > max
          ? this.i18n.t('form.error.tooLong', {max, count: length})
          : undefined;
    // The title comes first on the form, so its error is the first to fix.
    return title ? {title, ...errors} : errors;
  }

  override draftFields(): DraftFields {
    const title = this.renderRoot.querySelector<HTMLInputElement>('#title')?.value ?? '';
    return {...super.draftFields(), ...(title ? {title} : {})};
  }

  override fillDraft(fields: DraftFields, refused?: string) {
    super.fillDraft(fields, refused);
    const title = this.renderRoot.querySelector<HTMLInputElement>('#title');
    if (title) title.value = fields.title ?? '';
  }

  override reset() {
    super.reset();
    this.similar = [];
  }

  protected send(values: PostFormValues) {
    const {title = '', body, displayName, notify, email} = values;
    const question = {title, body, displayName, notify, email};
    return requestIntent(this, new QuandaAskSubmitEvent({question}));
  }

  private readonly handleTitleInput = (event: Event) => {
    const title = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#lookup?.abort();
    const lookup = this.similarFor;
    if (!lookup || [...title.trim()].length < limits.titleLength.min) {
      this.similar = [];
      return;
    }
    this.#timer = setTimeout(() => {
      const request = (this.#lookup = new AbortController());
      lookup(title, request.signal).then(
        (found) => {
          if (!request.signal.aborted) this.similar = found;
        },
        () => undefined, // suggestions are a help, not a step: a failure offers none
      );
    }, SIMILAR_DELAY);
  };
}

/** Where a similar question opens: in this board, or on its own article's page. */
function similarHref(question: QuestionSummary, topic: string): string {
  const here = `#quanda=${encodeURIComponent(question.id)}`;
  return question.topic !== topic && question.topic.startsWith('/')
    ? `${question.topic}${here}`
    : here;
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-ask-form': QuandaAskForm;
  }
}
