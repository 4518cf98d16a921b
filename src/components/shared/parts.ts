/**
 * The one table of `::part`s: which parts each element draws in its own shadow root, which
 * inner elements pass theirs up through it (`exportparts`), and under which names outside.
 * A page styles any part through the outermost element (`quanda-thread::part(score)`),
 * however deep it sits.
 *
 * Generated from it by `npm run manifest` (never written by hand):
 * - exportparts.ts, the `exportparts` attribute of each inner element (the table itself
 *   stays out of the widget's bundle: the strings are all it needs);
 * - every element's documented part list (custom-elements-manifest.config.mjs): its JSDoc
 *   describes the parts it draws itself, which must be the ones listed here, less those
 *   described once in `SHARED` below; the parts it passes up are added with the
 *   description of the element that draws them.
 */

/** Edit, Remove and Flag under a post (src/components/shared/post-actions.ts). */
const ACTIONS =
  'actions edit-button remove-button confirm-remove-button keep-button flag-button action-error';
/** The writing forms' Markdown toolbar and preview, and their draft line. */
const EDITOR =
  'toolbar tool-button write-button preview-button preview draft-status discard-button';

/**
 * Parts that shared code draws alike in every element that uses it, described once here
 * rather than in each element's `@csspart` lines. An element that means one otherwise
 * describes it itself (a post's `actions` are Edit, Remove and Flag, a form's its buttons);
 * a copy of the description here is refused.
 */
export const SHARED: Readonly<Record<string, string>> = {
  // Under a post (src/components/shared/post-actions.ts).
  'edit-button': '"Edit" (the author only).',
  'remove-button': '"Remove" (the author only).',
  'confirm-remove-button': '"Yes, remove", once Remove was pressed.',
  'keep-button': '"Keep it", once Remove was pressed.',
  'flag-button': '"Flag", then "Flagged".',
  'action-error': 'Why a removal failed.',
  // The writing forms' toolbar and draft line (src/editor/, src/write/post-form.ts).
  toolbar: 'The formatting toolbar (bold, italic, link, lists, quote; Write and Preview).',
  'tool-button': 'Each formatting button; its glyph is CSS (`::before`), its name a label.',
  'write-button': '"Write": back to the text.',
  'preview-button': '"Preview": the text as it will show, rendered as the server renders it.',
  preview: 'The preview.',
  'draft-status':
    '"Draft restored", "Changed in another tab", or that drafts can\'t be kept on this device.',
  'discard-button': '"Discard", beside a restored draft.',
  // The forms and the flag dialog (src/write/post-form.ts, src/components/flag-dialog/).
  form: 'The form.',
  label: "Each field's label.",
  input: 'The name and email fields.',
  checkbox: '"Email me…".',
  'field-error': "A field's error.",
  'form-error': 'Why sending failed.',
  actions: 'The buttons.',
  'cancel-button': '"Cancel".',
};

export interface PartsEntry {
  /** Parts drawn in the element's own shadow root, space-separated. */
  own: string;
  /** Elements inside it whose parts it passes up. */
  inner?: readonly Tag[];
  /** Parts named otherwise outside the element (`note` → `vote-note`); `''`: not passed up. */
  outside?: Readonly<Record<string, string>>;
}

export type Tag =
  | 'quanda-thread'
  | 'quanda-question'
  | 'quanda-answer'
  | 'quanda-comments'
  | 'quanda-vote'
  | 'quanda-answer-form'
  | 'quanda-comment-form'
  | 'quanda-edit-form'
  | 'quanda-flag-dialog';

/** Every form's buttons are `form-actions` outside it, apart from a post's `actions`. */
const FORM_OUTSIDE = {actions: 'form-actions'};
const FORMS_INSIDE_A_POST = ['quanda-edit-form', 'quanda-flag-dialog'] as const;

export const PARTS: Readonly<Record<Tag, PartsEntry>> = {
  'quanda-thread': {
    own:
      'thread status offline error retry-button answers-header answers-heading sort-label sort ' +
      'answers empty more-button answer-form',
    inner: ['quanda-question', 'quanda-answer', 'quanda-answer-form'],
  },
  'quanda-question': {
    own: `question title body tags tag meta edited author status-note vote comments ${ACTIONS}`,
    inner: ['quanda-vote', 'quanda-comments', ...FORMS_INSIDE_A_POST],
  },
  'quanda-answer': {
    own: `answer badge status-note body meta edited author accept-button vote comments ${ACTIONS}`,
    inner: ['quanda-vote', 'quanda-comments', ...FORMS_INSIDE_A_POST],
    // Beside the question's, in the thread.
    outside: {body: 'answer-body', meta: 'answer-meta', edited: 'answer-edited'},
  },
  'quanda-comments': {
    own:
      'comments earlier-button comment-list comment comment-body comment-meta add-comment-button ' +
      `author edited status-note ${ACTIONS}`,
    inner: ['quanda-comment-form', ...FORMS_INSIDE_A_POST],
    // `comments` is the part of the element itself in a post, not of the list inside it.
    outside: {edited: 'comment-edited', comments: ''},
  },
  'quanda-vote': {
    own: 'up-button down-button score score-label note',
    outside: {note: 'vote-note'},
  },
  'quanda-answer-form': {
    own: `form heading label hint textarea ${EDITOR} input checkbox field-error form-error actions submit-button`,
    outside: {...FORM_OUTSIDE, heading: 'form-heading'},
  },
  'quanda-comment-form': {
    own: `form label hint textarea input checkbox field-error form-error actions ${EDITOR} submit-button cancel-button`,
    outside: FORM_OUTSIDE,
  },
  'quanda-edit-form': {
    own: `form label textarea field-error form-error actions ${EDITOR} submit-button cancel-button`,
    outside: FORM_OUTSIDE,
  },
  'quanda-flag-dialog': {
    own: 'dialog heading label textarea field-error form-error actions submit-button cancel-button',
    outside: {...FORM_OUTSIDE, heading: 'dialog-heading'},
  },
};

/** Every part a page can style through `tag`: its own, and those it passes up. */
export function exposedParts(tag: Tag): string[] {
  const {own, inner = []} = PARTS[tag];
  const names = new Set(own.split(' '));
  for (const child of inner) exportedBy(child).forEach(([, outer]) => names.add(outer));
  return [...names];
}

/** `[name inside, name outside]` for each part `tag` passes up to the element around it. */
export function exportedBy(tag: Tag): [string, string][] {
  const outside = PARTS[tag].outside ?? {};
  return exposedParts(tag)
    .map((name): [string, string] => [name, outside[name] ?? name])
    .filter(([, outer]) => outer);
}

/** The `exportparts` attribute of `tag` inside another Quanda element. */
export const exportparts = (tag: Tag): string =>
  exportedBy(tag)
    .map(([name, outer]) => (name === outer ? name : `${name}:${outer}`))
    .join();
