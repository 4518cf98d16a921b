import {css} from 'lit';

/**
 * Shared by every Quanda element. The page tokens below are read by all of them; the
 * custom-elements manifest lists them under each element (see
 * custom-elements-manifest.config.mjs, which reads this comment).
 *
 * Each chain is public token → literal, read by the rules only through a private
 * `--_name`, because the host page will not load a Quanda theme. With no token set the
 * widget inherits the page's font and text colour, derives its greys from that colour,
 * and takes light or dark accents from the page's `color-scheme` (or `theme` on the
 * thread). No size is in `rem`: the host page owns the root font size.
 *
 * @cssprop [--quanda-color-text=currentColor] - Text. Inherits the page's colour.
 * @cssprop [--quanda-color-muted=color-mix(in srgb, currentColor 72%, transparent)] - Secondary text: who asked, when.
 * @cssprop [--quanda-color-surface=transparent] - Background of the thread (`theme` gives it one).
 * @cssprop [--quanda-color-raised=color-mix(in srgb, currentColor 6%, transparent)] - Background of raised surfaces: buttons, tags, the error box.
 * @cssprop [--quanda-color-border=color-mix(in srgb, currentColor 22%, transparent)] - Lines between answers, around controls.
 * @cssprop [--quanda-color-accent=light-dark(#1a5fd1, #8ab4f8)] - The brand colour: the reader's own vote, links, primary buttons.
 * @cssprop [--quanda-color-on-accent=light-dark(#ffffff, #0b1d3a)] - Text on the accent colour.
 * @cssprop [--quanda-color-danger=light-dark(#b3261e, #f2b8b5)] - Errors.
 * @cssprop [--quanda-color-success=light-dark(#1b7f3b, #7dd99a)] - The best answer's badge.
 * @cssprop [--quanda-color-focus=var(--quanda-color-accent)] - The keyboard focus ring.
 * @cssprop [--quanda-font-family=inherit] - Font family. Inherits the page's.
 * @cssprop [--quanda-font-size=1em] - Base size, relative to the page's text (or in px).
 * @cssprop [--quanda-font-size-small=0.875em] - Secondary text, relative to the base.
 * @cssprop [--quanda-font-line-height=1.5] - Line height of all text.
 * @cssprop [--quanda-space-xs=4px] - Smallest gap: between tags.
 * @cssprop [--quanda-space-s=8px] - Inside controls, under paragraphs.
 * @cssprop [--quanda-space-m=16px] - Between the score and the text, between answers.
 * @cssprop [--quanda-space-l=24px] - Around a thread that has a `theme`.
 * @cssprop [--quanda-radius=6px] - Corner radius of controls, tags and badges.
 */
const tokens = css`
  :host {
    --_text: var(--quanda-color-text, currentColor);
    --_muted: var(--quanda-color-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_surface: var(--quanda-color-surface, transparent);
    --_raised: var(--quanda-color-raised, color-mix(in srgb, currentColor 6%, transparent));
    --_border: var(--quanda-color-border, color-mix(in srgb, currentColor 22%, transparent));
    --_accent: var(--quanda-color-accent, light-dark(#1a5fd1, #8ab4f8));
    --_on-accent: var(--quanda-color-on-accent, light-dark(#ffffff, #0b1d3a));
    --_danger: var(--quanda-color-danger, light-dark(#b3261e, #f2b8b5));
    --_success: var(--quanda-color-success, light-dark(#1b7f3b, #7dd99a));
    --_focus: var(--quanda-color-focus, var(--_accent));
    --_font-family: var(--quanda-font-family, inherit);
    --_font-size: var(--quanda-font-size, 1em);
    --_font-size-small: var(--quanda-font-size-small, 0.875em);
    --_line-height: var(--quanda-font-line-height, 1.5);
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
`;

/*
 * No color-scheme of our own by default: it inherits, so light-dark() above follows the
 * page's (a page declaring "light dark" follows the reader's preference; a light-only page
 * stays light even for a reader who prefers dark). theme="…" overrides it and, as the
 * page's colours no longer apply, brings its own text and surface.
 */
const themes = css`
  :host([theme='light']) {
    --_text: var(--quanda-color-text, #1f2328);
    --_surface: var(--quanda-color-surface, #ffffff);
    color-scheme: light;
  }

  :host([theme='dark']) {
    --_text: var(--quanda-color-text, #e6e8eb);
    --_surface: var(--quanda-color-surface, #16191d);
    color-scheme: dark;
  }
`;

/*
 * The page's inherited text styles stop at our first box: only the font family, size and
 * colour come through (by design, above). A page's `* {letter-spacing: …; text-transform:
 * …}` or a reset's `line-height` cannot reach inside. The tokens are applied here rather
 * than on :host, which a page rule on the element itself would beat for the thread's own
 * text but not for the elements nested in it; and the base size is applied once (nested
 * Quanda elements would otherwise compound an em size). Box sizing is set, not inherited,
 * so a reset's content-box on the host does not change our boxes.
 */
const isolation = css`
  :host > * {
    --quanda-font-size: 1em;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_text);
    font-weight: normal;
    font-style: normal;
    font-variant: normal;
    line-height: var(--_line-height);
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    list-style: none;
    cursor: auto;
    visibility: inherit;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

const base = css`
  [hidden] {
    display: none !important;
  }

  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: inherit;
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

/* Important, so transitions a page adds through ::part() give way to the reader's wish too. */
const motion = css`
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition-duration: 0s !important;
      animation-duration: 0s !important;
      animation-iteration-count: 1 !important;
      scroll-behavior: auto !important;
    }
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

export const hostStyles = css`
  ${tokens}
  ${themes}
  ${isolation}
  ${base}
  ${motion}
`;
