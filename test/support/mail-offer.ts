/**
 * A writing form as a thread holds it, with or without mail: the thread's storage settings
 * through context, and the backend's answer to "do you send mail?" (write/mail-offer.ts).
 */
import {ContextProvider} from '@lit/context';
import {fixtureSync, html, waitUntil} from '@open-wc/testing';
import {render} from 'lit';
import type {TemplateResult} from 'lit';
import {storageContext} from '../../src/context/contexts.js';
import type {StorageSettings} from '../../src/context/contexts.js';
import {offerMail} from '../../src/write/mail-offer.js';

/** Mounts `template` under a thread-like host whose backend answers `settings`. */
export async function mountInThread<T extends HTMLElement>(
  template: TemplateResult,
  settings: unknown = {notifications: true},
): Promise<T> {
  // fixtureSync: `fixture` waits for an animation frame, which a page in the background
  // (the runner runs two files at once) never gets.
  const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
  const storage: StorageSettings = {
    database: 'quanda-mail-offer',
    scope: '',
    persist: false,
    maxAge: 0,
  };
  new ContextProvider(host, {context: storageContext, initialValue: storage});
  offerMail(storage, {
    getThread: () => Promise.reject(new Error('not here')),
    // An Error: the backend does not answer (a 404 from one without the route, say).
    getSettings: () =>
      settings instanceof Error
        ? Promise.reject(settings)
        : Promise.resolve(settings as {notifications: boolean}),
  });
  render(template, host);
  const el = host.firstElementChild as T & {updateComplete?: Promise<unknown>};
  await el.updateComplete;
  if ((settings as {notifications?: unknown})?.notifications === true) {
    await waitUntil(() => el.shadowRoot?.getElementById('notify'), 'no email box');
  }
  return el;
}
