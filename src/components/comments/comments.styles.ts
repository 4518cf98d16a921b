import {css} from 'lit';

/**
 * The text-like buttons (earlier comments, Add a comment, Edit, Remove, Flag) are at least
 * 24×24 px (WCAG 2.2, 2.5.8) however short the word: "報告" is two glyphs. (Reasons live
 * here, not in the CSS: comments inside a template literal ship with the bundle.)
 */
export const styles = css`
  :host {
    display: block;
    margin-block-start: var(--_space-s);
    font-size: var(--_font-size-small);
  }

  [part~='comment-list'] {
    margin: 0;
    padding: 0;
    list-style: none;
    border-block-start: 1px solid var(--_border);
  }

  [part~='comment'] {
    padding-block: var(--_space-s);
    border-block-end: 1px solid var(--_border);
  }

  [part~='comment-body'] > p {
    display: inline;
    margin: 0;
  }

  [part~='comment-body'] > p + p::before {
    content: ' ';
  }

  .meta,
  p {
    margin: 0;
  }

  .meta {
    color: var(--_muted);
  }

  .link {
    min-inline-size: 24px;
    min-block-size: 24px;
    padding: 2px 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }

  .actions button {
    min-inline-size: 24px;
    min-block-size: 24px;
    padding: 0 var(--_space-xs);
    border: 0;
    background: none;
    color: var(--_muted);
    cursor: pointer;
    text-decoration: underline;
  }

  .failure {
    color: var(--_danger);
  }

  quanda-comment-form {
    margin-block-start: var(--_space-s);
  }
`;
