/**
 * What a UI state is, and the one way to mount a thread for one. A state has a name, a
 * `render` that mounts the element and takes it there, and a `reached` check of what the
 * name says, so a test (axe, target sizes, screenshots, the pseudo-locale) provably looks
 * at the state it names: `render` fails when `reached` does not come true, or stops being
 * true once every element has settled.
 */
import {fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaClient} from '../../../src/api/client.js';
import type {QuandaThread} from '../../../src/components/thread/thread.js';
import {localStore} from '../../../src/storage/idb/local-store.js';
import type {Change} from '../../../src/storage/idb/local-store.js';
import {deep, rendered} from '../dom.js';
import {ScriptedClient} from '../scripted-client.js';
import type {Reply} from '../scripted-client.js';

export interface UiState<E extends Element = QuandaThread> {
  readonly name: string;
  /** The element, mounted in `lang`, settled in this state. */
  render(lang: string): Promise<E>;
  /** Whether the element shows what the name says. */
  reached(el: E): boolean;
}

export type ThreadState = UiState<QuandaThread>;

/** IndexedDB and lazy chunks share two busy cores with the other test files: be patient. */
export const PATIENT = {timeout: 10_000};

/** A state whose `render` holds to its `reached`: it waits for it, and checks it again settled. */
export function defineState<E extends Element>(state: UiState<E>): UiState<E> {
  return {
    ...state,
    async render(lang) {
      const el = await state.render(lang);
      await waitUntil(() => state.reached(el), `never reached "${state.name}"`, PATIENT);
      await rendered(el);
      if (!state.reached(el)) throw new Error(`"${state.name}" did not hold once settled`);
      return el;
    },
  };
}

/** The state of that name, or an error naming it. */
export function stateNamed<E extends Element>(states: UiState<E>[], name: string): UiState<E> {
  const state = states.find((candidate) => candidate.name === name);
  if (!state) throw new Error(`no state "${name}"`);
  return state;
}

let databases = 0;
/** A database of its own for each render, so states never see each other's drafts. */
export const freshDatabase = () => `quanda-states-${Date.now()}-${++databases}`;

export interface Mount {
  /** The thread's client, or the replies of a read-only one. */
  client: QuandaClient | Reply[];
  questionId?: string;
  database?: string;
  /** Records the database holds before the thread connects (drafts, queued posts). */
  seed?: Change[];
}

/** A `<quanda-thread>` in `lang`: the one way every thread state is mounted. */
export async function mountThread(
  lang: string,
  {client, questionId = 'q1', database = freshDatabase(), seed = []}: Mount,
): Promise<QuandaThread> {
  if (seed.length) await localStore(database).write(...seed);
  return fixture<QuandaThread>(
    html`<quanda-thread
      lang=${lang}
      .client=${Array.isArray(client) ? new ScriptedClient().reply(...client) : client}
      .databaseName=${database}
      question-id=${questionId}
    ></quanda-thread>`,
  );
}

/** A check that the composed path of selectors matches (see `deep`). */
export const shows =
  (...selectors: string[]) =>
  (el: Element) =>
    !!deep(el, ...selectors);

/** Waits for the composed path of selectors to match, and returns the match. */
export async function until(root: Element, ...selectors: string[]): Promise<HTMLElement> {
  await waitUntil(() => deep(root, ...selectors), `never showed ${selectors.join(' » ')}`, PATIENT);
  return deep(root, ...selectors)!;
}

export const press = async (root: Element, ...selectors: string[]) =>
  (await until(root, ...selectors)).click();

/** The thread's polite live region (the loading line, a status too, has a part name). */
export const LIVE_REGION = '[part~="thread"] > [role="status"]:not([part])';

/** The words in the thread's live region. */
export const announcement = (el: QuandaThread) => deep(el, LIVE_REGION)?.textContent?.trim() ?? '';
