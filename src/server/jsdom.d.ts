/**
 * The little of jsdom the server's sanitizer uses. (@types/jsdom would pull the whole
 * browser DOM into the server's types, where `window` and `document` must not type-check.)
 */
declare module 'jsdom' {
  interface JsdomNode {
    replaceChildren(...nodes: unknown[]): void;
    innerHTML: string;
  }
  export class JSDOM {
    constructor(html?: string);
    readonly window: {document: {createElement(tag: string): JsdomNode}};
  }
}
