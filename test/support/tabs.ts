/**
 * Real second tabs, driven from a test through the wtr plugin (wtr-plugins.mjs): the same
 * browser and profile as the test's page, so the same IndexedDB and BroadcastChannel, but
 * a page of their own that can be reloaded, navigated away from, taken offline or crashed.
 */
import {executeServerCommand} from '@web/test-runner-commands';

/** Selectors from the page down through shadow roots to the answer form's textarea. */
export const ANSWER_TEXTAREA = ['quanda-thread', 'quanda-answer-form', 'textarea'];
export const ANSWER_FORM = ['quanda-thread', 'quanda-answer-form'];

type Step =
  | {do: 'type'; path: string[]; text: string; delay?: number}
  | {do: 'value' | 'text' | 'click'; path: string[]}
  | {do: 'eval'; expression: string}
  | {do: 'reload' | 'close'}
  | {do: 'goto'; url: string}
  | {do: 'crash'; url: string}
  | {do: 'offline'; on: boolean}
  | {do: 'quota'; bytes: number | null};

export class Tab {
  readonly id: string;
  /** The URL it was opened on, to come back to. */
  readonly url: string;

  constructor(id: string, url: string) {
    this.id = id;
    this.url = url;
  }

  /** Opens the thread page (tab.html) on a question, with its own database name. */
  static async open(
    query: {api: string; question: string; db: string; idb?: 'broken'},
    {origin = location.origin, quota}: {origin?: string; quota?: number} = {},
  ): Promise<Tab> {
    const url = `${origin}/test/support/tab.html?${new URLSearchParams(query)}`;
    const {id} = await executeServerCommand<{id: string}, {url: string; quota?: number}>(
      'quanda-tab-open',
      {url, quota},
    );
    return new Tab(id, url);
  }

  async do<T = unknown>(step: Step): Promise<T> {
    const {value} = await executeServerCommand<{value: T}, Step & {id: string}>('quanda-tab', {
      ...step,
      id: this.id,
    });
    return value;
  }

  type(text: string, delay = 0, path = ANSWER_TEXTAREA) {
    return this.do({do: 'type', path, text, delay});
  }

  value(path = ANSWER_TEXTAREA) {
    return this.do<string | null>({do: 'value', path});
  }

  text(path: string[]) {
    return this.do<string | null>({do: 'text', path});
  }

  click(path: string[]) {
    return this.do({do: 'click', path});
  }

  eval<T>(expression: string) {
    return this.do<T>({do: 'eval', expression});
  }

  /** Resolves once `expression` is truthy in the tab. */
  async until(expression: string, what: string, timeout = 15_000) {
    const start = Date.now();
    for (;;) {
      if (await this.eval(expression).catch(() => false)) return;
      if (Date.now() - start > timeout) throw new Error(`the tab never showed ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  reload() {
    return this.do({do: 'reload'});
  }

  /** Leaves for another page, then comes back. */
  async navigateAwayAndBack() {
    await this.do({do: 'goto', url: 'about:blank'});
    await this.do({do: 'goto', url: this.url});
  }

  /** Kills the renderer, then opens the page again in a fresh one. */
  crashAndReopen() {
    return this.do({do: 'crash', url: this.url});
  }

  offline(on: boolean) {
    return this.do({do: 'offline', on});
  }

  quota(bytes: number | null) {
    return this.do({do: 'quota', bytes});
  }

  close() {
    return this.do({do: 'close'});
  }
}

/** Stops a reference server's process, keeping its database (and its port for `serverUp`). */
export function serverDown(url: string) {
  return executeServerCommand<boolean, {url: string}>('quanda-server-down', {url});
}

/** Starts it again: same port, same database. */
export function serverUp(url: string) {
  return executeServerCommand<boolean, {url: string}>('quanda-server-up', {url});
}

/** JS run in a tab: the element at a path of selectors, through shadow roots. */
export const deep = (path: string[]) =>
  `${JSON.stringify(path)}.reduce((node, s) => node && (node.shadowRoot ?? node).querySelector(s), document)`;
