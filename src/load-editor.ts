import type * as MarkdownEditor from './editor/markdown-editor-controller.js';

let editor: Promise<typeof MarkdownEditor> | undefined;

/**
 * The writing forms' Markdown toolbar and Write / Preview, which load beside a form, not
 * inside it: a form is usable before they arrive (a slow connection does not hold up the
 * first word) and without them (offline, Markdown typed by hand still works). Asked for
 * together with a form's own code, so they normally arrive with it.
 *
 * This loader is in the first load: `loadElement` asks for the editor together with a
 * form, and the form's own code (src/write/) asks again to use it (one request either way).
 */
export function loadEditor() {
  editor ??= import('./editor/markdown-editor-controller.js').catch((error: unknown) => {
    editor = undefined; // the next form tries again
    throw error;
  });
  return editor;
}
