/**
 * Whether a thread's backend sends notification mail, which decides whether its forms
 * offer it. The thread asks once it can write (`offerMail`, from thread-writes.ts), and
 * its forms wait for the answer (`mailFor`) and show the email fields (src/email/) only
 * with mail on. Both meet on the thread's storage settings, the object every form
 * of the thread already receives through `storageContext`; a form outside a thread gets
 * none, and offers no mail.
 */
import type {QuandaClient} from '../api/client.js';
import type {StorageSettings} from '../context/contexts.js';
// A type-only import: the fields' module itself is loaded lazily, when mail is on.
import type * as EmailFieldsModule from '../email/email-fields.js';

export type EmailFields = typeof EmailFieldsModule;

const offers = new WeakMap<
  StorageSettings,
  {promise: Promise<EmailFields | null>; resolve: (fields: Promise<EmailFields | null>) => void}
>();

function offer(storage: StorageSettings) {
  let entry = offers.get(storage);
  if (!entry) {
    let resolve!: (fields: Promise<EmailFields | null>) => void;
    const promise = new Promise<EmailFields | null>((done) => (resolve = done));
    offers.set(storage, (entry = {promise, resolve}));
  }
  return entry;
}

/** The thread: asks its backend (with the email fields' module), and offers them if it sends mail. */
export function offerMail(storage: StorageSettings, client: QuandaClient) {
  offer(storage).resolve(
    import('../email/email-fields.js')
      .then(async (fields) => ((await fields.sendsMail(client)) ? fields : null))
      // No answer (offline, no such route, a shape the contract does not have): no mail.
      .catch(() => null),
  );
}

/** A form in a thread: its email fields, or null when the backend sends no mail. */
export function mailFor(storage: StorageSettings): Promise<EmailFields | null> {
  return offer(storage).promise;
}
