import {css} from 'lit';

/**
 * Shared by every Quanda element: inherit the page's font and colour, read every theme
 * token through a private `--_name` whose chain ends in a literal (the host page will not
 * load a Quanda theme), and never size anything in `rem` (the host page owns the root).
 */
export const hostStyles = css`
  :host {
    --_text: var(--quanda-color-text, currentColor);
    --_muted: var(--quanda-color-muted, color-mix(in srgb, currentColor 70%, transparent));
    --_surface: var(--quanda-color-surface, transparent);
    --_raised: var(--quanda-color-raised, color-mix(in srgb, currentColor 5%, transparent));
    --_border: var(--quanda-color-border, color-mix(in srgb, currentColor 22%, transparent));
    --_accent: var(--quanda-color-accent, #1a5fd1);
    --_on-accent: var(--quanda-color-on-accent, #ffffff);
    --_danger: var(--quanda-color-danger, #b3261e);
    --_success: var(--quanda-color-success, #1b7f3b);
    --_focus: var(--quanda-color-focus, var(--quanda-color-accent, #1a5fd1));
    --_font-family: var(--quanda-font-family, inherit);
    --_font-size-small: var(--quanda-font-size-small, 0.875em);
    --_space-xs: var(--quanda-space-xs, 4px);
    --_space-s: var(--quanda-space-s, 8px);
    --_space-m: var(--quanda-space-m, 16px);
    --_space-l: var(--quanda-space-l, 24px);
    --_radius: var(--quanda-radius, 6px);

    box-sizing: border-box;
    font: inherit;
    font-family: var(--_font-family);
    color: var(--_text);
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [hidden] {
    display: none !important;
  }

  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
