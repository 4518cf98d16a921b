import {ContextConsumer} from '@lit/context';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {storageContext} from '../context/contexts.js';
import type {StorageSettings} from '../context/contexts.js';
import type {Draft} from '../storage/idb/database.js';
import {channelName, localStore} from '../storage/idb/local-store.js';
import type {LocalStore, StorageMessage} from '../storage/idb/local-store.js';
import {storageKey} from '../storage/keys.js';

/** What a draft holds of a form. */
export type DraftFields = Pick<Draft, 'body' | 'title' | 'displayName' | 'notify'>;

/** What the form says about its draft: restored, changed in another tab, posted there, or that it cannot be kept. */
export type DraftStatus = '' | 'restored' | 'elsewhere' | 'posted' | 'unavailable';

export interface DraftHost extends ReactiveControllerHost, HTMLElement {
  /** The form among the thread's forms: `answer`, `comment:<post>`, `edit:<post>`. */
  readonly draftName: string;
  /** What is in the form now; an empty body means nothing worth keeping. */
  draftFields(): DraftFields;
  /** Puts a draft in the form; `refused` says why the server turned it down. */
  fillDraft(fields: DraftFields, refused?: string): void;
}

/** Typing is saved at most this long after the keystroke (coalesced: one write per pause). */
const SAVE_DELAY = 250;

/**
 * Keeps what a reader types in a form: autosaved to IndexedDB a moment after they type
 * (never on the input path: a keystroke only starts a timer), restored when the form
 * comes back, kept in step with the same form in other tabs (the newer edit wins, and the
 * form says so), and cleared once the server has the post. At `pagehide` and when the tab
 * is hidden, unsaved typing also goes to localStorage synchronously (an IndexedDB write
 * started then does not survive a reload); the next load merges it back and removes it
 * once IndexedDB holds it. Where and whether to keep drafts comes from the thread
 * (`storageContext`); a form outside a thread keeps none.
 */
export class DraftController implements ReactiveController {
  status: DraftStatus = '';
  readonly #host: DraftHost;
  #settings?: StorageSettings;
  #store?: LocalStore;
  #key = '';
  /** When the text in the form was last edited, here or in another tab. */
  #editedAt = 0;
  /** Edits not yet handed to the store. */
  #dirty = false;
  /** Writes on their way to IndexedDB. */
  #writing = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #channel?: BroadcastChannel;
  #connected = false;

  constructor(host: DraftHost) {
    this.#host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: storageContext,
      subscribe: true,
      callback: (settings) => this.#use(settings),
    });
  }

  hostConnected() {
    this.#connected = true;
    addEventListener('pagehide', this.#onHide);
    document.addEventListener('visibilitychange', this.#onHide);
    this.#listen();
  }

  hostDisconnected() {
    this.#connected = false;
    removeEventListener('pagehide', this.#onHide);
    document.removeEventListener('visibilitychange', this.#onHide);
    this.#channel?.close();
    this.#channel = undefined;
    void this.#save(); // a form closed mid-pause keeps its last words
  }

  /** The form changed (any field): save soon. */
  changed() {
    if (!this.#store) return;
    this.#editedAt = Date.now();
    this.#dirty = true;
    if (this.status !== 'unavailable' && this.status) this.#say('');
    this.#timer ??= setTimeout(() => void this.#save(), SAVE_DELAY);
  }

  /** The reader threw the draft away (or the server has the post: `posted`). */
  clear(posted = false) {
    this.#stopTimer();
    this.#dirty = false;
    this.#editedAt = Date.now();
    if (this.status !== 'unavailable') this.#say('');
    const store = this.#store;
    if (!store) return;
    removeBackstop(store.database, this.#key);
    void store.write({store: 'drafts', delete: this.#key});
    store.tell({draft: {key: this.#key, body: '', savedAt: this.#editedAt}, posted});
  }

  #say(status: DraftStatus) {
    this.status = status;
    this.#host.requestUpdate();
  }

  #use(settings: StorageSettings | undefined) {
    const on = settings?.persist && settings.scope;
    const key = on ? storageKey(settings.scope, this.#host.draftName) : '';
    if (key === this.#key && settings?.database === this.#settings?.database) return;
    void this.#save(); // under the old key
    const switching = !!this.#key;
    this.#settings = settings;
    this.#key = key;
    this.#store = key ? localStore(settings!.database) : undefined;
    this.#listen();
    if (switching) this.#emptied();
    void this.#restore();
  }

  /** Another question: its own draft, or nothing. */
  #emptied() {
    this.#editedAt = 0;
    this.#host.fillDraft({body: ''});
    this.#say(this.status === 'unavailable' ? 'unavailable' : '');
  }

  #stopTimer() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #listen() {
    this.#channel?.close();
    this.#channel = undefined;
    if (!this.#connected || !this.#store || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(channelName(this.#store.database));
    this.#channel.onmessage = this.#onMessage;
  }

  async #restore() {
    const store = this.#store;
    const key = this.#key;
    if (!store) return;
    await store.sweep(this.#settings!.maxAge);
    const draft = await storedDraft(store, key);
    await this.#host.updateComplete;
    // The reader typed meanwhile (their words are newer), or the form moved on.
    if (!draft || key !== this.#key || draft.savedAt <= this.#editedAt) return;
    if (draft.savedAt < Date.now() - this.#settings!.maxAge) return;
    this.#editedAt = draft.savedAt;
    this.#host.fillDraft(draft, draft.refused);
    if (!draft.refused) this.#say('restored');
  }

  async #save() {
    this.#stopTimer();
    const store = this.#store;
    if (!store || !this.#dirty) return;
    this.#dirty = false;
    const draft: Draft = {key: this.#key, ...this.#host.draftFields(), savedAt: this.#editedAt};
    this.#writing++;
    const kept = await store.write(
      isEmpty(draft) ? {store: 'drafts', delete: draft.key} : {store: 'drafts', put: draft},
    );
    this.#writing--;
    if (kept && !this.#dirty && !this.#writing) removeBackstop(store.database, draft.key);
    if (!kept) this.#cannotKeep(store);
    store.tell({draft});
  }

  /** "Drafts can't be kept on this device" is said once a page (per database). */
  #cannotKeep(store: LocalStore) {
    if (store.told) return;
    store.told = true;
    this.#say('unavailable');
  }

  /** Leaving, or hidden (a phone may discard a hidden tab): keep unsaved words synchronously. */
  readonly #onHide = (event: Event) => {
    const store = this.#store;
    if (event.type !== 'pagehide' && document.visibilityState !== 'hidden') return;
    if (!store || !(this.#dirty || this.#writing)) return;
    const draft: Draft = {key: this.#key, ...this.#host.draftFields(), savedAt: this.#editedAt};
    try {
      localStorage.setItem(backstopKey(store.database, this.#key), JSON.stringify(draft));
    } catch {
      // No localStorage either (or full): the IndexedDB write below may still land.
    }
    void this.#save();
  };

  readonly #onMessage = ({data}: MessageEvent<StorageMessage>) => {
    if ('forget' in data) {
      this.#stopTimer();
      this.#dirty = false;
      return;
    }
    const {draft, posted} = data;
    if (draft.key !== this.#key || draft.savedAt <= this.#editedAt) return;
    const mine = this.#host.draftFields();
    this.#editedAt = draft.savedAt;
    this.#dirty = false;
    this.#stopTimer();
    if (draft.refused) {
      // A queued post came back: keep whatever the reader has written here since, after it.
      const body = mine.body.trim() ? `${draft.body}\n\n${mine.body}` : draft.body;
      this.#host.fillDraft({...draft, body}, draft.refused);
      if (body !== draft.body) this.changed(); // the merged text is the draft now
      return;
    }
    if (sameFields(mine, draft)) return;
    this.#host.fillDraft(draft);
    this.#say(posted ? 'posted' : 'elsewhere');
  };
}

const isEmpty = (draft: DraftFields) =>
  !draft.body.trim() && !draft.title?.trim() && !draft.displayName && !draft.notify;

const sameFields = (a: DraftFields, b: DraftFields) =>
  a.body === b.body &&
  (a.title ?? '') === (b.title ?? '') &&
  (a.displayName ?? '') === (b.displayName ?? '') &&
  !!a.notify === !!b.notify;

/**
 * The draft kept for `key`: IndexedDB's, or its localStorage backstop when that is newer
 * (which then moves into IndexedDB).
 */
async function storedDraft(store: LocalStore, key: string): Promise<Draft | undefined> {
  const draft = await store.get('drafts', key);
  const backstop = readBackstop(store.database, key);
  if (!backstop) return draft;
  if (backstop.savedAt <= (draft?.savedAt ?? 0)) {
    removeBackstop(store.database, key); // IndexedDB already holds newer text
    return draft;
  }
  if (await store.write({store: 'drafts', put: backstop})) removeBackstop(store.database, key);
  return backstop;
}

/** Where the synchronous backstop of a form's draft lives in localStorage. */
export const backstopKey = (database: string, key: string) => `quanda:${database}:${key}`;

function readBackstop(database: string, key: string): Draft | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(backstopKey(database, key)) ?? 'null') as Draft;
    return draft?.key === key && typeof draft.body === 'string' ? draft : undefined;
  } catch {
    return undefined;
  }
}

function removeBackstop(database: string, key: string) {
  try {
    localStorage.removeItem(backstopKey(database, key));
  } catch {
    // nothing kept there
  }
}
