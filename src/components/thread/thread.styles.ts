import {css} from 'lit';

/** With a theme of its own the thread paints a surface, so its text needs room from the edge. */
export const styles = css`
  :host {
    --_gap: var(--quanda-thread-gap, var(--_space-m));
    --_padding: var(--quanda-thread-padding, 0);
    display: block;
    padding: var(--_padding);
    background: var(--_surface);
  }

  :host([theme]) {
    --_padding: var(--quanda-thread-padding, var(--_space-l));
    border-radius: var(--_radius);
  }

  [part~='thread'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
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

  [part~='sort-label'] {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    font-size: var(--_font-size-small);
  }

  select,
  button {
    min-block-size: 32px;
    margin: 0;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
    color: var(--_text);
    line-height: inherit;
    cursor: pointer;
    transition:
      background-color 120ms ease-out,
      border-color 120ms ease-out;
  }

  button:hover,
  select:hover {
    border-color: var(--_accent);
  }

  button:active {
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
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
    border-radius: var(--_radius);
    background: var(--_raised);
  }

  [part~='error'] p {
    margin: 0;
  }

  [part~='more-button'] {
    align-self: center;
  }

  @media (forced-colors: active) {
    select,
    button {
      border-color: ButtonText;
    }

    button[aria-disabled='true'] {
      color: GrayText;
    }

    [part~='error'] {
      border: 1px solid CanvasText;
      border-inline-start-width: 4px;
    }
  }
`;
