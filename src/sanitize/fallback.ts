/**
 * The sanitizer for browsers without the HTML Sanitizer API: DOMPurify with Quanda's
 * allow-list (purify.ts). Loaded only there, on first use.
 *
 * Under Trusted Types, DOMPurify must hand its HTML parser a TrustedHTML. It gets it from
 * Quanda's policy, `quanda` (policy.ts): the policy passes the string through unchanged, which is what lets DOMPurify parse it into an
 * inert document of its own before anything is kept. Sites list `quanda` in their
 * `trusted-types` directive (see docs/embedding.md). Where the page forbids that name, DOMPurify
 * is told to use no policy rather than try one of its own; if the page then blocks the
 * parse too, posts show as plain text.
 */
import createDOMPurify from 'dompurify';
import type {Config} from 'dompurify';
import type {AllowList} from './allow-list.js';
import {hasTrustedTypes, quandaPolicy} from './policy.js';
import {purifier} from './purify.js';

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;

export function fallbackSanitizer(allowList: AllowList): (html: string) => DocumentFragment {
  const policy = quandaPolicy() as Policy | null;
  if (!policy && hasTrustedTypes() && !canParse()) return asText;
  return purifier(createDOMPurify(window), allowList, policy);
}

/** Whether the page lets a plain string be parsed as HTML (Trusted Types not enforced). */
function canParse() {
  try {
    new DOMParser().parseFromString('', 'text/html');
    return true;
  } catch {
    return false;
  }
}

/** The words of the HTML, as text: never markup. */
function asText(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(
    html
      .replace(/<[^>]*>?/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return fragment;
}
