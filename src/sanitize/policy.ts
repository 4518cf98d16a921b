/**
 * Quanda's one Trusted Types policy, `quanda` (sites list it in their `trusted-types`
 * directive, docs/embedding.md), made once and shared by what needs it: DOMPurify, in
 * browsers without the Sanitizer API (fallback.ts), and the JSON-LD that describes a
 * question to search engines (src/seo/). It passes HTML and script URLs through for
 * DOMPurify's own parser, and lets only JSON become script text.
 *
 * Null where the browser has no Trusted Types, or the page does not allow the name.
 */
export interface QuandaPolicy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
  createScript(input: string): unknown;
}

type TrustedTypes = {createPolicy(name: string, rules: object): QuandaPolicy};

let policy: QuandaPolicy | null | undefined;

export function quandaPolicy(): QuandaPolicy | null {
  if (policy === undefined) {
    try {
      policy =
        (window as {trustedTypes?: TrustedTypes}).trustedTypes?.createPolicy('quanda', {
          createHTML: (input: string) => input,
          createScriptURL: (input: string) => input,
          // Only data: JSON.parse throws on anything that is not JSON.
          createScript: (input: string) => (JSON.parse(input), input),
        }) ?? null;
    } catch {
      policy = null; // the page's `trusted-types` directive does not allow `quanda`
    }
  }
  return policy;
}

/** Whether the browser has Trusted Types (so writing script text needs the policy). */
export const hasTrustedTypes = () => 'trustedTypes' in window;
