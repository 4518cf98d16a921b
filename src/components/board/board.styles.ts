import {css} from 'lit';

/** The board: a header, the tools, a plain list of questions; nothing the page must undo. */
export const styles = css`
  :host {
    --_gap: var(--quanda-board-gap, var(--_space-m));
    display: block;
  }

  [part~='board'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  .header,
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }

  [part~='heading'] {
    font-size: 1.25em;
    font-weight: 700;
  }

  [part~='search-label'],
  [part~='sort-label'] {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    font-size: var(--_font-size-small);
  }

  input,
  select,
  button {
    min-block-size: 32px;
    margin: 0;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
    color: var(--_text);
    font: inherit;
    line-height: inherit;
  }

  input {
    background: var(--_surface);
  }

  button,
  select {
    cursor: pointer;
  }

  button:hover,
  select:hover {
    border-color: var(--_accent);
  }

  [part~='ask-button'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  [part~='back-button'],
  [part~='more-button'] {
    align-self: flex-start;
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  [part~='list'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='item'] {
    padding-block: var(--_space-s);
    border-block-start: 1px solid var(--_border);
  }

  [part~='item-title'] {
    color: var(--_accent);
    font-weight: 600;
  }

  [part~='excerpt'],
  [part~='item-meta'],
  .hint {
    margin: var(--_space-xs) 0 0;
    font-size: var(--_font-size-small);
  }

  [part~='item-meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    color: var(--_muted);
  }

  .mark {
    font-weight: 600;
    color: var(--_text);
  }

  [part~='status'],
  [part~='empty'],
  [part~='ask-note'] {
    margin: 0;
    color: var(--_muted);
  }

  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_raised);
  }

  [part~='error'] p {
    margin: 0;
  }

  @media (forced-colors: active) {
    input,
    select,
    button {
      border-color: ButtonText;
    }

    [part~='ask-button'] {
      forced-color-adjust: auto;
    }
  }
`;
