import {css} from 'lit';

/**
 * The Markdown toolbar and the preview: they load with the editor (this folder), beside a
 * form, so a form's own styles carry none of them.
 */
export const editorStyles = css`
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }

  [part~='tool-button'] {
    min-inline-size: 40px;
  }

  /* The glyphs are decoration: each button's name is its (translated) aria-label. */
  [data-tool='bold']::before {
    content: 'B';
    font-weight: 700;
  }

  [data-tool='italic']::before {
    content: 'I';
    font-style: italic;
  }

  [data-tool='link']::before {
    content: '↗';
  }

  [data-tool='bulleted']::before {
    content: '•';
  }

  [data-tool='numbered']::before {
    content: '1.';
  }

  [data-tool='quote']::before {
    content: '❝';
  }

  [part~='write-button'] {
    margin-inline-start: auto;
  }

  [aria-pressed='true'] {
    border-color: currentColor;
    background: var(--_raised);
  }

  [part~='preview'] {
    min-block-size: 8em;
    padding: var(--_space-s);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
`;
