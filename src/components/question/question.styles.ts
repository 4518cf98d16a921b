import {css} from 'lit';

export const styles = css`
  :host {
    --_title-size: var(--quanda-question-title-size, 1.375em);
    --_title-font-family: var(--quanda-question-title-font-family, inherit);
  }

  [part~='title'] {
    margin: 0 0 var(--_space-s);
    font-family: var(--_title-font-family);
    font-size: var(--_title-size);
    font-weight: 700;
    line-height: 1.3;
  }

  [part~='tags'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    margin: var(--_space-s) 0;
    padding: 0;
    list-style: none;
  }

  [part~='tag'] {
    padding: 2px var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
    font-size: var(--_font-size-small);
  }
`;
