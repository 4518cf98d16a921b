/** Adds a stylesheet to the page, as a host page would; returns a function removing it. */
export function pageStyle(cssText: string): () => void {
  const style = document.createElement('style');
  style.textContent = cssText;
  document.head.append(style);
  return () => style.remove();
}
