/**
 * The writing forms' "Email me…" box and email field, with the address check and the
 * note that a confirmation mail went out: loaded only when the thread's backend sends
 * mail (write/mail-offer.ts), so otherwise there is no field, no box and no word about
 * email.
 */
import {html, nothing} from 'lit';
import * as z from 'zod/mini';
import {RestClient} from '../api/client.js';
import type {QuandaClient} from '../api/client.js';
import {Email} from '../api/email.js';
import {Settings} from '../api/settings.js';
import type {Localizer, MessageKey} from '../i18n/localizer.js';
import {enEmail} from './en-email.js';

export {enEmail};

/** What the fields show. */
export interface EmailState {
  notify: boolean;
  pending: boolean;
  error?: string;
  /** The last post asked for mail: say to look for the confirmation. */
  mailed: boolean;
  /** What the box says, by form. */
  label: MessageKey;
}

export function emailFields(i18n: Localizer, state: EmailState, onNotify: (event: Event) => void) {
  const {notify, error} = state;
  return html`<div class="check">
      <input
        id="notify"
        name="notify"
        type="checkbox"
        part="checkbox"
        .checked=${notify}
        ?disabled=${state.pending}
        @change=${onNotify}
      />
      <label for="notify">${i18n.t(state.label)}</label>
    </div>
    <div class="field" ?hidden=${!notify}>
      <label part="label" for="email">${i18n.t('form.email.label')}</label>
      <p id="email-hint" part="hint" class="hint">${i18n.t('form.email.privacy')}</p>
      <input
        id="email"
        name="email"
        type="email"
        part="input"
        autocomplete="email"
        ?readonly=${state.pending}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'email-hint email-error' : 'email-hint'}
      />
      ${error ? html`<p id="email-error" part="field-error" class="error">${error}</p>` : nothing}
    </div>
    <p part="hint" class="hint" role="status">
      ${state.mailed ? i18n.t('form.email.confirm') : nothing}
    </p>`;
}

/** The address's error, in the reader's language, or nothing when it will do. */
export function emailError(i18n: Localizer, email: string | undefined): string | undefined {
  return z.safeParse(Email, email ?? '').success ? undefined : i18n.t('form.error.email');
}

/** Whether the backend sends mail: `GET /settings` for the contract, `getSettings` for a site's own client. */
export async function sendsMail(client: QuandaClient): Promise<boolean> {
  const settings = client.getSettings
    ? await client.getSettings()
    : client instanceof RestClient
      ? await client.call({method: 'GET', path: 'settings', schema: Settings})
      : null;
  // A site's own client is held to the contract too.
  return z.safeParse(Settings, settings).data?.notifications === true;
}
