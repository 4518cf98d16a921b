/**
 * Writing states: a thread on a client with every write method (its answers set per
 * state), and the reader's clicks and typing that lead to each state.
 */
import {waitUntil} from '@open-wc/testing';
import type {Thread} from '../../../src/api/schemas.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {loadElement} from '../../../src/lazy.js';
import {deep} from '../dom.js';
import {ScriptedWriteClient, ok} from '../scripted-client.js';
import {PATIENT, announcement, defineState, mountThread, press, until} from './state.js';
import type {ThreadState} from './state.js';

export const answerEl = (id: string) => `quanda-answer[data-id="${id}"]`;
export const QUESTION_COMMENTS = ['quanda-question', 'quanda-comments'];
export const FORM = ['quanda-answer-form'];

interface Scene {
  name: string;
  data: () => Thread;
  /** Answers the client gives, by method. */
  handlers?: ScriptedWriteClient['handlers'];
  /** What the reader does to get there. */
  act?: (el: QuandaThread) => Promise<unknown>;
  /** What the thread then shows. */
  reached: (el: QuandaThread) => boolean;
}

/** A state a reader reaches by writing: the thread loaded (with its answer form), then `act`. */
export const writing = ({name, data, handlers = {}, act, reached}: Scene): ThreadState =>
  defineState({
    name,
    reached,
    async render(lang) {
      // The answer form would load when the browser is idle; a state must not wait on that.
      await loadElement('quanda-answer-form');
      const client = new ScriptedWriteClient().always(ok(data()));
      Object.assign(client.handlers, handlers);
      const el = await mountThread(lang, {client});
      await until(el, 'quanda-question');
      if (data().viewer.canAnswer.allowed) await until(el, ...FORM, 'textarea');
      await act?.(el);
      return el;
    },
  });

/** Something was said in the live region. */
export const announced = (el: QuandaThread) => announcement(el) !== '';

/** Types Markdown into a form and switches it to its preview. */
export async function previewOf(form: HTMLElement, markdown: string) {
  ((await until(form, 'textarea')) as HTMLTextAreaElement).value = markdown;
  await press(form, '[part~="preview-button"]');
}

/** Fills a form's fields (by id) the way typing would leave them, then sends it. */
export async function fillAndSend(form: HTMLElement, values: Record<string, string | boolean>) {
  const field = (id: string) => form.shadowRoot!.getElementById(id) as HTMLInputElement;
  await until(form, '#body');
  for (const [id, value] of Object.entries(values)) {
    // The email box shows once the thread knows its backend sends mail.
    await until(form, `#${id}`);
    if (typeof value === 'boolean') {
      if (field(id).checked !== value) field(id).click();
      await (form as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    } else field(id).value = value;
  }
  form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
}

export async function openFlagDialog(el: QuandaThread) {
  await press(el, answerEl('a2'), '[part~="flag-button"]');
  const dialog = await until(el, answerEl('a2'), 'quanda-flag-dialog');
  await waitUntil(() => dialog.shadowRoot?.querySelector('dialog')?.open, 'no dialog', PATIENT);
  return dialog;
}

export const flagSubmit = (dialog: HTMLElement) =>
  dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();

/** The flag dialog under the second answer, open. */
export const flagDialogOpen = (el: QuandaThread) =>
  !!(deep(el, answerEl('a2'), 'quanda-flag-dialog', 'dialog') as HTMLDialogElement | null)?.open;

export async function openEdit(el: QuandaThread, ...where: string[]) {
  await press(el, ...where, '[part~="edit-button"]');
  return until(el, ...where, 'quanda-edit-form');
}

/** The comment form under the question, opened. */
export async function openCommentForm(el: QuandaThread) {
  await press(el, ...QUESTION_COMMENTS, '[part~="add-comment-button"]');
  return until(el, ...QUESTION_COMMENTS, 'quanda-comment-form');
}
