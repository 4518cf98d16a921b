/**
 * English strings only the writing forms' Markdown toolbar and preview need: they load
 * with the editor (markdown-editor-controller.ts), beside a form, not with it.
 */
export const enEditor = {
  'editor.toolbar': 'Formatting',
  'editor.bold': 'Bold',
  'editor.italic': 'Italic',
  'editor.link': 'Link',
  'editor.bulleted': 'Bulleted list',
  'editor.numbered': 'Numbered list',
  'editor.quote': 'Quote',
  'editor.write': 'Write',
  'editor.preview': 'Preview',
  'editor.previewEmpty': 'Nothing to preview yet.',
  'editor.previewLoading': 'Loading the preview…',
  'editor.previewFailed': 'The preview could not be shown. {reason}',
} as const;
