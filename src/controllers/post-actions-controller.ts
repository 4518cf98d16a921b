import {html, nothing} from 'lit';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {PostBody, ViewerCan} from '../api/schemas.js';
import {editableText} from '../components/shared/post-parts.js';
import {requestIntent} from '../events/quanda-event.js';
import {describeError} from '../i18n/describe-error.js';
import type {Localizer} from '../i18n/localizer.js';
import {loadElement} from '../lazy.js';
import {EDIT_FORM_PARTS, FLAG_DIALOG_PARTS} from '../components/shared/post-parts.js';

/** What the actions need to know of a question, an answer or a comment. */
export interface ActionablePost {
  id: string;
  kind: 'question' | 'answer' | 'comment';
  body: PostBody;
  viewerCan: ViewerCan;
}

type Host = ReactiveControllerHost &
  HTMLElement & {readonly renderRoot: HTMLElement | DocumentFragment};

/**
 * Edit, Remove and Flag for the posts an element shows: which post is being edited,
 * which removal awaits confirmation, which flag dialog is open. Shared by the question,
 * each answer and each list of comments, so the three behave alike.
 */
export class PostActionsController implements ReactiveController {
  #editing: string | null = null;
  #confirming: string | null = null;
  #flagging: {id: string; label: string} | null = null;
  #failure: {id: string; text: string} | null = null;
  readonly #flagged = new Set<string>();
  readonly #host: Host;
  readonly #i18n: () => Localizer;

  constructor(host: Host, i18n: () => Localizer) {
    this.#host = host;
    this.#i18n = i18n;
    host.addController(this);
  }

  hostConnected() {}

  /** The post's text, or the edit form while its author edits it. */
  body(post: ActionablePost, content: unknown): unknown {
    if (this.#editing !== post.id) return content;
    const close = () => this.#set(() => (this.#editing = null), `[data-edit="${post.id}"]`);
    return html`<quanda-edit-form
      exportparts=${EDIT_FORM_PARTS}
      post-id=${post.id}
      kind=${post.kind}
      .value=${editableText(post.body)}
      @done=${close}
      @cancel=${close}
    ></quanda-edit-form>`;
  }

  /** The buttons the viewer may use on this post, and whatever they opened. */
  actions(post: ActionablePost, label: string): unknown {
    const i18n = this.#i18n();
    const {id, viewerCan} = post;
    if (this.#confirming === id) {
      return html`<div
        part="actions"
        class="actions"
        role="group"
        aria-label=${i18n.t('post.removeLabel', {what: label})}
      >
        <span>${i18n.t('post.removeConfirm')}</span>
        <button part="confirm-remove-button" type="button" @click=${() => this.#remove(id)}>
          ${i18n.t('post.removeYes')}
        </button>
        <button
          part="keep-button"
          type="button"
          @click=${() => this.#set(() => (this.#confirming = null), `[data-remove="${id}"]`)}
        >
          ${i18n.t('post.removeNo')}
        </button>
      </div>`;
    }
    const editable = viewerCan.edit.allowed && this.#editing !== id;
    const flagged = this.#flagged.has(id);
    if (!editable && !viewerCan.flag.allowed) return nothing;
    return html`<div part="actions" class="actions">
        ${
          editable
            ? html`<button
                  part="edit-button"
                  type="button"
                  data-edit=${id}
                  aria-label=${i18n.t('post.editLabel', {what: label})}
                  @click=${() => void this.#edit(id)}
                >
                  ${i18n.t('post.edit')}
                </button>
                <button
                  part="remove-button"
                  type="button"
                  data-remove=${id}
                  aria-label=${i18n.t('post.removeLabel', {what: label})}
                  @click=${() => this.#set(() => (this.#confirming = id), '[part~="confirm-remove-button"]')}
                >
                  ${i18n.t('post.remove')}
                </button>`
            : nothing
        }
        ${
          viewerCan.flag.allowed
            ? html`<button
                part="flag-button"
                type="button"
                data-flag=${id}
                aria-label=${flagged ? nothing : i18n.t('flag.label', {what: label})}
                aria-disabled=${flagged ? 'true' : 'false'}
                @click=${() => void this.#flag(id, label)}
              >
                ${i18n.t(flagged ? 'flag.done' : 'flag.open')}
              </button>`
            : nothing
        }
      </div>
      ${
        this.#failure?.id === id
          ? html`<p part="action-error" class="failure" role="alert">${this.#failure.text}</p>`
          : nothing
      }
      ${
        this.#flagging?.id === id
          ? html`<quanda-flag-dialog
              exportparts=${FLAG_DIALOG_PARTS}
              post-id=${id}
              label=${this.#flagging.label}
              @done=${() => {
                this.#flagged.add(id);
                this.#host.requestUpdate(); // "Flagged" on the button, once the dialog closes
              }}
              @close=${() => this.#set(() => (this.#flagging = null), `[data-flag="${id}"]`)}
            ></quanda-flag-dialog>`
          : nothing
      }`;
  }

  async #edit(id: string) {
    await loadElement('quanda-edit-form');
    this.#set(() => (this.#editing = id), 'quanda-edit-form');
  }

  async #flag(id: string, label: string) {
    if (this.#flagged.has(id)) return;
    await loadElement('quanda-flag-dialog');
    this.#flagging = {id, label};
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    await this.#host.renderRoot.querySelector('quanda-flag-dialog')?.show();
  }

  async #remove(id: string) {
    this.#failure = null;
    try {
      await requestIntent(this.#host, 'quanda-remove', {postId: id});
      this.#confirming = null;
    } catch (error) {
      const i18n = this.#i18n();
      this.#failure = {id, text: i18n.t('post.removeFailed', {reason: describeError(i18n, error)})};
      this.#confirming = null;
    }
    this.#host.requestUpdate();
  }

  /** Changes state, re-renders, and puts focus where the reader's next step is. */
  #set(change: () => void, focus: string) {
    change();
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() =>
      this.#host.renderRoot.querySelector<HTMLElement>(focus)?.focus(),
    );
  }
}
