/**
 * DOMPurify held to Quanda's allow-list: the browser's fallback where `Element.setHTML`
 * is missing (loaded on demand). The hooks make DOMPurify cut exactly what the native Sanitizer API cuts with the same
 * lists: each element keeps only its own attributes, and an element that is neither
 * allowed nor a harmless wrapper goes with its content (DOMPurify would otherwise keep
 * the text of `<svg>`, `<form>` or an unknown element).
 */
import type {Config, DOMPurify} from 'dompurify';
import type {AllowList} from './allow-list.js';

/**
 * A sanitizer on a DOMPurify instance of its own (its hooks are added to it): HTML in,
 * a fragment of the instance's document out, links finished.
 *
 * `allowList`: allow-list.ts, handed in rather than imported, so that the browser's
 * fallback chunk takes it from the first load instead of making the bundler split the
 * list into a chunk of its own (which cost the first load half a kilobyte).
 * `policy`: the Trusted Types policy DOMPurify parses with; null for none.
 */
export function purifier(
  purify: DOMPurify,
  {allowedElements, unwrappedElements, finishLinks}: AllowList,
  policy: Config['TRUSTED_TYPES_POLICY'] = null,
) {
  // DOMPurify's walk starts at the <body> it parsed into: that one holds the content.
  const unwrapped = new Set([...unwrappedElements, 'body']);
  purify.addHook('uponSanitizeElement', (node, data) => {
    const tag = data.tagName;
    if (node.nodeType === 1 && !(tag in allowedElements) && !unwrapped.has(tag)) {
      node.textContent = ''; // the element goes next, and nothing of it stays
    }
  });
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    data.keepAttr = !!allowedElements[node.nodeName.toLowerCase()]?.includes(data.attrName);
  });
  const config: Config & {RETURN_DOM_FRAGMENT: true} = {
    ALLOWED_TAGS: Object.keys(allowedElements),
    ALLOWED_ATTR: ['href', 'start'],
    // Every attribute value not marked URI-safe is held to this pattern, `start` included.
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    ADD_URI_SAFE_ATTR: ['start'],
    ALLOW_ARIA_ATTR: false,
    ALLOW_DATA_ATTR: false,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
    TRUSTED_TYPES_POLICY: policy,
  };
  return (html: string) => {
    const fragment = purify.sanitize(html, config);
    finishLinks(fragment);
    return fragment;
  };
}
