import {html, nothing} from 'lit';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {describeError} from '../i18n/describe-error.js';
import {enEditor} from './en-editor.js';
import type {Localizer, MessageKey} from '../i18n/localizer.js';
import {editorStyles} from './editor.styles.js';

type Tool = 'bold' | 'italic' | 'link' | 'bulleted' | 'numbered' | 'quote';

const TOOLS: Tool[] = ['bold', 'italic', 'link', 'bulleted', 'numbered', 'quote'];

/** Ctrl (or ⌘) + key, as in every editor. */
const SHORTCUTS: Record<string, Tool> = {b: 'bold', i: 'italic', k: 'link'};

/** Markers around the selection; `_` for italics, so it never reads as half of `**`. */
const MARKS: Partial<Record<Tool, string>> = {bold: '**', italic: '_'};

/** What starts each line of a list or a quote. */
const PREFIXES: Partial<Record<Tool, RegExp>> = {
  bulleted: /^- /,
  numbered: /^\d+\. /,
  quote: /^> ?/,
};

type Host = ReactiveControllerHost & HTMLElement & {readonly renderRoot: ParentNode};

/**
 * The writing forms' Markdown editor around their textarea: a toolbar (bold, italic,
 * link, bulleted and numbered lists, quote; Ctrl/⌘+B, I and K) that edits the Markdown
 * text itself, and Write / Preview. The preview renders with the parser and options the
 * reference server renders with, sanitized as the thread sanitizes posts, so it shows
 * what will be posted; the parser loads the first time it is asked for.
 *
 * The toolbar is one tab stop: arrow keys, Home and End move along it (mirrored right to
 * left). Edits go through the browser's editing commands, so Undo takes them back and
 * they fire `input` like typing.
 */
export class MarkdownEditorController implements ReactiveController {
  /** The preview is shown; the textarea is hidden, with every word still in it. */
  previewing = false;
  #preview: unknown = nothing;
  readonly #host: Host;
  readonly #i18n: () => Localizer;
  readonly #textarea: () => HTMLTextAreaElement;

  constructor(host: Host, i18n: () => Localizer, textarea: () => HTMLTextAreaElement) {
    this.#host = host;
    this.#i18n = i18n;
    i18n().addEnglish(enEditor); // what the toolbar and the preview say comes with them
    this.#textarea = textarea;
    host.addController(this);
  }

  hostConnected() {
    // The toolbar's and the preview's looks come with them, not in every form's styles.
    const root = this.#host.renderRoot;
    const sheet = editorStyles.styleSheet;
    if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  /** The toolbar, its Write and Preview buttons last. `busy`: the form is sending. */
  toolbar(busy: boolean) {
    const i18n = this.#i18n();
    const mode = (preview: boolean) =>
      html`<button
        part=${preview ? 'preview-button' : 'write-button'}
        type="button"
        tabindex="-1"
        aria-pressed=${this.previewing === preview}
        @click=${() => void this.show(preview)}
      >
        ${i18n.t(preview ? 'editor.preview' : 'editor.write')}
      </button>`;
    return html`<div
      part="toolbar"
      role="toolbar"
      aria-label=${i18n.t('editor.toolbar')}
      aria-controls="body"
      @keydown=${this.#handleArrows}
    >
      ${TOOLS.map(
        (tool, i) =>
          html`<button
            part="tool-button"
            type="button"
            data-tool=${tool}
            tabindex=${i ? -1 : 0}
            title=${i18n.t(`editor.${tool}` as MessageKey)}
            aria-label=${i18n.t(`editor.${tool}` as MessageKey)}
            aria-disabled=${this.previewing || busy}
            @click=${() => !this.previewing && !busy && this.#apply(tool)}
          ></button>`,
      )}
      ${mode(false)} ${mode(true)}
    </div>`;
  }

  /** What the preview shows, or nothing while writing. */
  preview() {
    return this.previewing
      ? html`<div
          part="preview"
          class="rich"
          role="region"
          dir="auto"
          aria-label=${this.#i18n().t('editor.preview')}
        >
          ${this.#preview}
        </div>`
      : nothing;
  }

  /** Ctrl/⌘+B, I, K in the textarea. */
  readonly handleShortcut = (event: KeyboardEvent) => {
    const tool = SHORTCUTS[event.key.toLowerCase()];
    if (!tool || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    event.preventDefault();
    this.#apply(tool);
  };

  /** Shows the preview of what is written now, or goes back to writing. */
  async show(preview: boolean) {
    if (preview === this.previewing) return;
    const i18n = this.#i18n();
    const textarea = this.#textarea();
    const source = textarea.value.trim();
    this.previewing = preview;
    const say = (key: MessageKey, reason = '') => {
      this.#preview = html`<p class="hint">${i18n.t(key, {reason})}</p>`;
      this.#host.requestUpdate();
    };
    if (!preview) {
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      return textarea.focus();
    }
    if (!source) return say('editor.previewEmpty');
    say('editor.previewLoading');
    try {
      const {renderPreview} = await import('../markdown/preview.js');
      const fragment = await renderPreview(source);
      if (this.previewing && textarea.value.trim() === source) {
        this.#preview = fragment;
        this.#host.requestUpdate();
      }
    } catch (error) {
      say('editor.previewFailed', describeError(i18n, error));
    }
  }

  #apply(tool: Tool) {
    const textarea = this.#textarea();
    if (textarea.readOnly) return;
    const {value, selectionStart, selectionEnd} = textarea;
    const {from, to, text, select} = toolEdit(tool, value, selectionStart, selectionEnd);
    textarea.focus();
    textarea.setSelectionRange(from, to);
    // insertText keeps the browser's undo history and fires `input`, like typing.
    if (!document.execCommand('insertText', false, text)) {
      textarea.setRangeText(text, from, to);
      textarea.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    }
    textarea.setSelectionRange(...select);
  }

  /** Roving focus along the toolbar: one tab stop, arrows between its buttons. */
  readonly #handleArrows = (event: KeyboardEvent) => {
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll('button')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    const back = getComputedStyle(this.#host).direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : event.key === back
            ? at - 1
            : /^Arrow(Left|Right)$/.test(event.key)
              ? at + 1
              : null;
    if (next === null || at < 0) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length];
    for (const button of buttons) button.tabIndex = button === target ? 0 : -1;
    target.focus();
  };
}

/** What a tool does: the text from `from` to `to` becomes `text`, then `select` is selected. */
interface Edit {
  from: number;
  to: number;
  text: string;
  select: [number, number];
}

function toolEdit(tool: Tool, value: string, start: number, end: number): Edit {
  const mark = MARKS[tool];
  const prefix = PREFIXES[tool];
  if (mark) return markEdit(mark, value, start, end);
  if (prefix) return lineEdit(tool, prefix, value, start, end);
  // A link: the selection is its text; the address is selected, ready to type over.
  const selected = value.slice(start, end);
  const after = start + selected.length;
  return {from: start, to: end, text: `[${selected}](https://)`, select: [after + 3, after + 11]};
}

/** Bold or italic around the selection, or taken away when it is already there. */
function markEdit(mark: string, value: string, start: number, end: number): Edit {
  const selected = value.slice(start, end);
  const size = mark.length;
  if (value.slice(start - size, start) === mark && value.slice(end, end + size) === mark) {
    const from = start - size;
    return {from, to: end + size, text: selected, select: [from, from + selected.length]};
  }
  return {from: start, to: end, text: mark + selected + mark, select: [start + size, end + size]};
}

/** A list or quote prefix on whole lines, from the start of the first to the end of the last. */
function lineEdit(tool: Tool, prefix: RegExp, value: string, start: number, end: number): Edit {
  const from = value.lastIndexOf('\n', start - 1) + 1;
  let to = value.indexOf('\n', end > start && value[end - 1] === '\n' ? end - 1 : end);
  if (to < 0) to = value.length;
  const lines = value.slice(from, to).split('\n');
  const undo = lines.every((line) => prefix.test(line));
  const marker = (i: number) =>
    tool === 'numbered' ? `${i + 1}. ` : tool === 'quote' ? '> ' : '- ';
  const text = lines
    .map((line, i) => (undo ? line.replace(prefix, '') : marker(i) + line))
    .join('\n');
  // A selection stays selected; a caret goes to the end, to go on typing.
  return {from, to, text, select: [start === end ? from + text.length : from, from + text.length]};
}
