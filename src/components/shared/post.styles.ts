import {css} from 'lit';

/** Layout shared by `<quanda-question>` and `<quanda-answer>`: votes beside the post. */
export const postStyles = css`
  :host {
    display: block;
  }

  article {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--_space-m);
    align-items: start;
  }

  [part~='body'] {
    overflow-wrap: anywhere;
  }

  [part~='body'] > p {
    margin: 0 0 var(--_space-s);
  }

  .meta {
    margin: var(--_space-xs) 0 0;
    font-size: var(--_font-size-small);
    color: var(--_muted);
  }

  .meta strong {
    font-weight: 600;
    color: var(--_text);
  }

  p {
    margin: 0;
  }
`;
