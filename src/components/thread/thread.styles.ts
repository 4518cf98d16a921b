import {css} from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  [part~='thread'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
  }

  [part~='answers-header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
    padding-block-start: var(--_space-m);
    border-block-start: 2px solid var(--_border);
  }

  [part~='answers-heading'] {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-s);
    font-size: var(--_font-size-small);
  }

  select,
  button {
    min-block-size: 32px;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  [part~='answers'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='status'],
  [part~='empty'] {
    margin: 0;
    color: var(--_muted);
  }

  [part~='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_raised);
  }

  [part~='error'] p {
    margin: 0;
  }

  [part~='more-button'] {
    align-self: center;
  }
`;
