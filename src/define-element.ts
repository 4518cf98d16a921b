/**
 * Registers a custom element once. Harmless when Quanda is loaded twice: a second copy
 * leaves the first one's elements in place (and says so if they differ).
 */
export function defineElement(tag: string, element: CustomElementConstructor) {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element) {
    console.warn(`Quanda: <${tag}> is already defined by another script; keeping that one.`);
  }
}
