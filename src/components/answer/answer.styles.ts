import {css} from 'lit';

export const styles = css`
  :host {
    padding-block: var(--_space-m);
    border-block-start: 1px solid var(--_border);
  }

  [part~='badge'] {
    display: inline-block;
    margin-block-end: var(--_space-s);
    padding: 2px var(--_space-s);
    border-radius: var(--_radius);
    background: var(--quanda-answer-best-color, var(--_success));
    color: var(--quanda-answer-best-text, #ffffff);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }

  :host(:focus) {
    outline: none;
  }

  :host(:focus-visible) article {
    outline: 2px solid var(--_focus);
    outline-offset: 4px;
  }
`;
