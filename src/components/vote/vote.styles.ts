import {css} from 'lit';

export const styles = css`
  :host {
    --_vote-accent: var(--quanda-vote-accent, var(--_accent));
    --_vote-width: var(--quanda-vote-width, 48px);
    --_score-size: var(--quanda-vote-score-size, 1.5em);
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    min-inline-size: var(--_vote-width);
    text-align: center;
  }

  .total {
    display: flex;
    flex-direction: column;
    align-items: center;
    margin: 0;
    font-size: var(--_font-size-small);
    line-height: 1.2;
    text-align: center;
    color: var(--_muted);
  }

  [part~='score'] {
    font-size: var(--_score-size);
    font-weight: 600;
    color: var(--_text);
  }

  :host([my-vote='1']) [part~='score'],
  :host([my-vote='-1']) [part~='score'] {
    color: var(--_vote-accent);
  }
`;
