import {defineElement} from './define-element.js';
import {loadEditor} from './load-editor.js';

/**
 * Elements a reader needs only once they act — write, comment, edit, flag — load on
 * first use (or when the browser is idle), so they cost nothing in the first load.
 */
const loaders = {
  'quanda-answer-form': () =>
    import('./components/answer-form/answer-form.js').then((m) => m.QuandaAnswerForm),
  'quanda-comment-form': () =>
    import('./components/comment-form/comment-form.js').then((m) => m.QuandaCommentForm),
  'quanda-edit-form': () =>
    import('./components/edit-form/edit-form.js').then((m) => m.QuandaEditForm),
  'quanda-flag-dialog': () =>
    import('./components/flag-dialog/flag-dialog.js').then((m) => m.QuandaFlagDialog),
};

export type LazyTag = keyof typeof loaders;

const loading = new Map<LazyTag, Promise<void>>();

/** Loads and registers a lazy element; resolves once it is defined. */
export function loadElement(tag: LazyTag): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    // A writing form's toolbar is asked for with the form, so both arrive together.
    if (tag !== 'quanda-flag-dialog') void loadEditor().catch(() => undefined);
    pending = loaders[tag]().then(
      (element) => defineElement(tag, element),
      (error: unknown) => {
        loading.delete(tag); // a flaky network: let the next use try again
        throw error;
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/** Loads lazy elements once the browser has nothing better to do. */
export function preloadWhenIdle(...tags: LazyTag[]) {
  const load = () => tags.forEach((tag) => void loadElement(tag).catch(() => undefined));
  if ('requestIdleCallback' in window) requestIdleCallback(load, {timeout: 3000});
  else setTimeout(load, 500);
}
