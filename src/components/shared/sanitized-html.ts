import {noChange, nothing} from 'lit';
import type {ChildPart} from 'lit';
import {Directive, directive} from 'lit/directive.js';
import {sanitize, sanitizerReady} from '../../sanitize/sanitize.js';

/**
 * Renders HTML from a backend as sanitized nodes: never as markup Lit would parse, and
 * never through `unsafeHTML`. The nodes stay as long as the HTML does, so a re-render of
 * the post (a vote, a new comment) leaves its text, and any selection in it, alone.
 */
class SanitizedHtml extends Directive {
  #html?: string;

  // Declares the directive's argument (`sanitizedHtml(html)`); `update` does the work.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  render(_html: string): unknown {
    return nothing;
  }

  override update(part: ChildPart, [html]: [string]) {
    if (html === this.#html) return noChange;
    const fragment = sanitize(html);
    if (!fragment) {
      // The fallback sanitizer is on its way: the element draws again when it is here.
      const host = part.options?.host as {requestUpdate?: () => void} | undefined;
      sanitizerReady().then(
        () => host?.requestUpdate?.(),
        () => undefined, // the next render tries again
      );
      return nothing;
    }
    this.#html = html;
    return fragment;
  }
}

export const sanitizedHtml = directive(SanitizedHtml);
