/**
 * What Edit, Remove and Flag open under a post: the edit form, the removal to confirm,
 * the flag dialog. Loaded on the first press (see `PostActions`).
 */
import {html} from 'lit';
import type {ReactiveControllerHost} from 'lit';
import type {PostBody, ViewerCan} from '../api/schemas.js';
import {EDIT_FORM_PARTS, FLAG_DIALOG_PARTS} from './exportparts.js';
import {QuandaRemoveEvent} from './action-events.js';
import {requestIntent} from '../events/quanda-event.js';
import {describeError} from '../i18n/describe-error.js';
import type {Localizer} from '../i18n/localizer.js';
import {loadElement} from '../lazy.js';

/** What the actions need to know of a question, an answer or a comment. */
export interface ActionablePost {
  id: string;
  kind: 'question' | 'answer' | 'comment';
  body: PostBody;
  viewerCan: ViewerCan;
}

/** What a press opened under a post: its edit form, the removal to confirm, the flag dialog. */
export interface OpenAction {
  kind: 'edit' | 'confirm' | 'flag';
  id: string;
  /** What the post is, for labels: "answer by Jonas". */
  label: string;
}

/** What the panels draw from and change: the view of a post's actions (`PostActions`). */
export interface ActionsView {
  open?: OpenAction;
  failure?: {id: string; text: string};
  readonly flagged: Set<string>;
  readonly host: ReactiveControllerHost &
    HTMLElement & {readonly renderRoot: HTMLElement | DocumentFragment};
  readonly i18n: () => Localizer;
  /** Opens `open` (or closes what is open), re-renders, and focuses `focus`. */
  show(open: OpenAction | undefined, focus: string): void;
}

/** Acts on a press: loads what it opens, opens it, and moves focus into it. */
export async function press(view: ActionsView, open: OpenAction) {
  if (open.kind === 'confirm') return view.show(open, '[part~="confirm-remove-button"]');
  await loadElement(open.kind === 'edit' ? 'quanda-edit-form' : 'quanda-flag-dialog');
  if (open.kind === 'edit') return view.show(open, 'quanda-edit-form');
  view.open = open;
  view.host.requestUpdate();
  await view.host.updateComplete;
  await view.host.renderRoot.querySelector('quanda-flag-dialog')?.show();
}

export function editForm(view: ActionsView, post: ActionablePost) {
  const close = () => view.show(undefined, `[data-edit="${post.id}"]`);
  return html`<quanda-edit-form
    exportparts=${EDIT_FORM_PARTS}
    post-id=${post.id}
    kind=${post.kind}
    .value=${editableText(post.body)}
    @quanda-form-done=${close}
    @quanda-form-cancel=${close}
  ></quanda-edit-form>`;
}

export function confirmRemove(view: ActionsView, {id, label}: OpenAction) {
  const i18n = view.i18n();
  return html`<div
    part="actions"
    class="actions"
    role="group"
    aria-label=${i18n.t('post.removeLabel', {what: label})}
  >
    <span>${i18n.t('post.removeConfirm')}</span>
    <button part="confirm-remove-button" type="button" @click=${() => remove(view, id)}>
      ${i18n.t('post.removeYes')}
    </button>
    <button
      part="keep-button"
      type="button"
      @click=${() => view.show(undefined, `[data-remove="${id}"]`)}
    >
      ${i18n.t('post.removeNo')}
    </button>
  </div>`;
}

export function flagDialog(view: ActionsView, {id, label}: OpenAction) {
  return html`<quanda-flag-dialog
    exportparts=${FLAG_DIALOG_PARTS}
    post-id=${id}
    label=${label}
    @quanda-form-done=${() => {
      view.flagged.add(id);
      view.host.requestUpdate(); // "Flagged" on the button, once the dialog closes
    }}
    @close=${() => view.show(undefined, `[data-flag="${id}"]`)}
  ></quanda-flag-dialog>`;
}

async function remove(view: ActionsView, id: string) {
  view.failure = undefined;
  try {
    await requestIntent(view.host, new QuandaRemoveEvent({postId: id}));
  } catch (error) {
    const i18n = view.i18n();
    view.failure = {id, text: i18n.t('post.removeFailed', {reason: describeError(i18n, error)})};
  }
  view.open = undefined;
  view.host.requestUpdate();
}

/** What the author edits: their Markdown (or text); empty when the backend sent none. */
function editableText(body: PostBody): string {
  return body.format === 'text' ? body.text : body.format === 'markdown' ? (body.source ?? '') : '';
}
