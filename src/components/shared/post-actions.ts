import {html, nothing} from 'lit';
import type {ActionablePost, ActionsView, OpenAction} from '../../actions/post-action-panels.js';
import type {Localizer} from '../../i18n/localizer.js';

import type * as PanelsModule from '../../actions/post-action-panels.js';

type Panels = typeof PanelsModule;

/**
 * The view of Edit, Remove and Flag under the posts an element shows (the question, an
 * answer, a list of comments), so the three behave alike. The buttons are drawn here;
 * what they open — the edit form, the confirmation, the flag dialog — is drawn by
 * src/actions/post-action-panels.ts, which loads on the first press.
 */
export class PostActions implements ActionsView {
  /** What is open now, if anything. */
  open?: OpenAction;
  /** Why a removal failed, under its post. */
  failure?: {id: string; text: string};
  /** Posts flagged from this page: their button says so. */
  readonly flagged = new Set<string>();
  readonly host: ActionsView['host'];
  readonly i18n: () => Localizer;
  #panels?: Panels;

  constructor(host: ActionsView['host'], i18n: () => Localizer) {
    this.host = host;
    this.i18n = i18n;
  }

  /** The post's text, or the edit form while its author edits it. */
  body(post: ActionablePost, content: unknown): unknown {
    return this.#openOn(post.id).kind === 'edit' ? this.#panels!.editForm(this, post) : content;
  }

  /** The buttons the viewer may use on this post, and whatever they opened. */
  actions(post: ActionablePost, label: string): unknown {
    const i18n = this.i18n();
    const {id, viewerCan} = post;
    const open = this.#openOn(id);
    if (open.kind === 'confirm') return this.#panels!.confirmRemove(this, open);
    const editable = viewerCan.edit.allowed && open.kind !== 'edit';
    if (!editable && !viewerCan.flag.allowed) return nothing;
    return html`<div part="actions" class="actions">
        ${
          editable
            ? html`<button
                  part="edit-button"
                  type="button"
                  data-edit=${id}
                  aria-label=${i18n.t('post.editLabel', {what: label})}
                  @click=${() => this.#press({kind: 'edit', id, label})}
                >
                  ${i18n.t('post.edit')}
                </button>
                <button
                  part="remove-button"
                  type="button"
                  data-remove=${id}
                  aria-label=${i18n.t('post.removeLabel', {what: label})}
                  @click=${() => this.#press({kind: 'confirm', id, label})}
                >
                  ${i18n.t('post.remove')}
                </button>`
            : nothing
        }
        ${viewerCan.flag.allowed ? this.#flagButton(id, label) : nothing}
      </div>
      ${
        this.failure?.id === id
          ? html`<p part="action-error" class="failure" role="alert">${this.failure.text}</p>`
          : nothing
      }
      ${open.kind === 'flag' ? this.#panels!.flagDialog(this, open) : nothing}`;
  }

  /** "Flag", then "Flagged" (and pressing it again does nothing). */
  #flagButton(id: string, label: string) {
    const i18n = this.i18n();
    const flagged = this.flagged.has(id);
    return html`<button
      part="flag-button"
      type="button"
      data-flag=${id}
      aria-label=${flagged ? nothing : i18n.t('flag.label', {what: label})}
      aria-disabled=${flagged}
      @click=${() => flagged || this.#press({kind: 'flag', id, label})}
    >
      ${i18n.t(flagged ? 'flag.done' : 'flag.open')}
    </button>`;
  }

  /** Opens `open` (or closes what is open), re-renders, and focuses `focus`. */
  show(open: OpenAction | undefined, focus: string) {
    this.open = open;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>(focus)?.focus(),
    );
  }

  /** What is open on this post, or nothing (`{}`). */
  #openOn(id: string): OpenAction | {kind?: undefined} {
    return (this.#panels && this.open?.id === id && this.open) || {};
  }

  async #press(open: OpenAction) {
    this.#panels ??= await import('../../actions/post-action-panels.js');
    await this.#panels.press(this, open);
  }
}
