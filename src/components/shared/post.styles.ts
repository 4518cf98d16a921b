import {css} from 'lit';

/**
 * Layout shared by `<quanda-question>` and `<quanda-answer>`: votes beside the post. The
 * footer's buttons are at least 24×24 px (WCAG 2.2, 2.5.8), however short the word.
 */
export const postStyles = css`
  :host {
    display: block;
  }

  article {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--_space-m);
    align-items: start;
  }

  [part~='body'] {
    overflow-wrap: anywhere;
  }

  .meta {
    margin: var(--_space-xs) 0 0;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }

  .meta strong {
    font-weight: 600;
    color: var(--_text);
  }

  p {
    margin: 0;
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    margin-block-start: var(--_space-s);
  }

  .footer:empty {
    display: none;
  }

  .footer button {
    min-inline-size: 24px;
    min-block-size: 24px;
    padding: 2px var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: var(--_font-size-small);
    cursor: pointer;
  }

  [part~='accept-button'][aria-pressed='true'] {
    border-color: var(--_success);
    color: var(--_success);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    font-size: var(--_font-size-small);
  }

  .failure {
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }
`;

/** `statusNote()` ("Awaiting moderation", "Waiting to post…"), wherever a post shows one. */
export const statusNoteStyles = css`
  .status-note {
    margin-block-end: var(--_space-s);
    padding: var(--_space-xs) var(--_space-s);
    border-inline-start: 3px solid var(--_accent);
    background: var(--_raised);
    font-size: var(--_font-size-small);
  }
`;
