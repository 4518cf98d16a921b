import {css} from 'lit';
import {richTextStyles} from '../components/shared/rich-text.styles.js';

/**
 * The writing forms: plain, roomy, native controls that inherit the page's type. The
 * invalid rule is as specific as the field rules, so a name or email in error is marked
 * too; checkboxes and radios are 24px, the least target WCAG 2.2 allows (2.5.8).
 */
export const formStyles = css`
  ${richTextStyles}
  :host {
    display: block;
  }

  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }

  label {
    font-weight: 600;
  }

  .hint,
  .error,
  .failure {
    margin: 0;
    font-size: var(--_font-size-small);
  }

  .hint {
    color: var(--_muted);
  }

  .error,
  .failure {
    color: var(--_danger);
  }

  .failure {
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_raised);
  }

  textarea,
  input:not([type='checkbox']) {
    inline-size: 100%;
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    line-height: 1.5;
  }

  textarea {
    min-block-size: 8em;
    resize: vertical;
  }

  :is(textarea, input)[aria-invalid='true'] {
    border-color: var(--_danger);
    outline-color: var(--_danger);
  }

  .check {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
  }

  .check input {
    inline-size: 24px;
    block-size: 24px;
    margin: 2px 0 0;
    accent-color: var(--_accent);
  }

  .check label {
    font-weight: 400;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-s);
  }

  button {
    min-block-size: 40px;
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }

  [part~='submit-button'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  /* "Draft restored · Discard" (the button itself is a .link, below). */
  [part~='discard-button']::before {
    content: '· ';
    display: inline-block;
    margin-inline-end: var(--_space-xs);
    color: var(--_muted);
  }

  [part~='heading'] {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }

  /* "Discard" beside a restored draft: a quiet text button, still a 24px target. */
  .link {
    min-inline-size: 24px;
    min-block-size: 24px;
    padding: 0 var(--_space-xs);
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }
`;
