import {css} from 'lit';

/** In forced colours the badge's background is dropped: a border keeps it a badge. */
export const styles = css`
  :host {
    --_best: var(--quanda-answer-best-color, var(--_success));
    --_best-text: var(--quanda-answer-best-text, light-dark(#ffffff, #06210f));
    --_accepted-surface: var(--quanda-answer-accepted-surface, transparent);
    padding-block: var(--_space-m);
    border-block-start: 1px solid var(--_border);
  }

  :host(:state(accepted)) {
    background: var(--_accepted-surface);
  }

  [part~='badge'] {
    display: inline-block;
    margin-block-end: var(--_space-s);
    padding: 2px var(--_space-s);
    border-radius: var(--_radius);
    background: var(--_best);
    color: var(--_best-text);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }

  article:focus-visible {
    outline-offset: 4px;
  }

  @media (forced-colors: active) {
    [part~='badge'] {
      border: 1px solid CanvasText;
    }
  }
`;
