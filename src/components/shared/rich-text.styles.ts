import {css} from 'lit';

/**
 * Posts' formatted text (class `rich`): the question, answers, comments and the writing
 * forms' preview. Lists need their markers back: the widget's isolation from the page
 * (host.styles.ts) turns inherited list styles off.
 */
export const richTextStyles = css`
  .rich :is(p, ul, ol, blockquote, pre, h3, h4, h5, h6) {
    margin: 0 0 var(--_space-s);
  }

  .rich :is(ul, ol) {
    padding-inline-start: 1.5em;
  }

  .rich ul {
    list-style: disc;
  }

  .rich ol {
    list-style: decimal;
  }

  .rich :is(h3, h4, h5, h6) {
    font-size: 1em;
  }

  .rich blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_space-s);
    border-inline-start: 3px solid var(--_border);
  }

  .rich pre {
    overflow-x: auto;
    padding: var(--_space-s);
    border-radius: var(--_radius);
    background: var(--_raised);
  }

  .rich code {
    font-family: ui-monospace, monospace;
  }

  .rich a {
    color: var(--_accent);
  }
`;
