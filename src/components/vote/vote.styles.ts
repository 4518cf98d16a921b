import {css} from 'lit';

/**
 * A score being saved is muted like the label around it, not faded: it must stay
 * readable (4.5:1). That rule comes last, to win over the colour of the reader's vote.
 */
export const styles = css`
  :host {
    --_vote-accent: var(--quanda-vote-accent, var(--_accent));
    --_vote-size: var(--quanda-vote-button-size, 32px);
    --_vote-width: var(--quanda-vote-width, 48px);
    --_score-size: var(--quanda-vote-score-size, 1.5em);
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    gap: 2px;
    min-inline-size: var(--_vote-width);
    text-align: center;
  }

  p {
    margin: 0;
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

  button {
    display: grid;
    place-items: center;
    inline-size: var(--_vote-size);
    block-size: var(--_vote-size);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_muted);
    cursor: pointer;
  }

  button:hover {
    color: var(--_vote-accent);
    border-color: var(--_vote-accent);
  }

  button[aria-pressed='true'] {
    background: var(--_vote-accent);
    border-color: var(--_vote-accent);
    color: var(--_on-accent);
  }

  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  svg {
    inline-size: 60%;
    block-size: 60%;
    fill: currentColor;
  }

  [part~='note'] {
    max-inline-size: 12em;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }

  :host([my-vote='1']) [part~='score'],
  :host([my-vote='-1']) [part~='score'] {
    color: var(--_vote-accent);
  }

  :host(:state(pending)) [part~='score'] {
    color: inherit;
  }
`;
