import {css} from 'lit';

export const styles = css`
  :host {
    --_vote-accent: var(--quanda-vote-accent, var(--_accent));
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    min-inline-size: 48px;
    text-align: center;
    line-height: 1.2;
  }

  .total {
    display: flex;
    flex-direction: column;
    align-items: center;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }

  [part~='score'] {
    font-size: 1.5em;
    font-weight: 600;
    color: var(--_text);
  }
`;
