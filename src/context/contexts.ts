import {createContext} from '@lit/context';
import type {Localizer} from '../i18n/localizer.js';

/** Formats text, numbers and times in the thread's language. */
export const localizerContext = createContext<Localizer>(Symbol('quanda-localizer'));

/** Where and whether a thread keeps what its reader types (see `<quanda-thread drafts>`). */
export interface StorageSettings {
  /** The IndexedDB database name (tests give their own). */
  database: string;
  /** Endpoint and question, one per line: what drafts and queued posts are keyed by. */
  scope: string;
  /** False with `drafts="off"`: nothing typed is kept on the device. */
  persist: boolean;
  /** How long a draft is kept, in ms. */
  maxAge: number;
}

/**
 * Posts whose comment form opens by itself, because text waits in it: a draft kept on the
 * device, or a comment the server refused.
 */
export const commentFormsContext = createContext<ReadonlySet<string>>(
  Symbol('quanda-comment-forms'),
);

export const storageContext = createContext<StorageSettings | undefined>(Symbol('quanda-storage'));
