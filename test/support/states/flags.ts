/** The flag dialog, from opening it to a post flagged. */
import {network, pending, writableThread} from './data.js';
import {shows} from './state.js';
import type {ThreadState} from './state.js';
import {
  announced,
  answerEl,
  flagDialogOpen,
  flagSubmit,
  openFlagDialog,
  writing,
} from './writing.js';

const DIALOG = [answerEl('a2'), 'quanda-flag-dialog'];

export const flagStates: ThreadState[] = [
  writing({
    name: 'write: the flag dialog open',
    data: writableThread,
    act: openFlagDialog,
    reached: (el) => flagDialogOpen(el) && !shows(...DIALOG, '[role="alert"], #note-error')(el),
  }),
  writing({
    name: 'write: the flag dialog, "something else" without a note',
    data: writableThread,
    act: async (el) => {
      const dialog = await openFlagDialog(el);
      dialog.shadowRoot!.querySelector<HTMLInputElement>('#other')!.click();
      flagSubmit(dialog);
    },
    reached: (el) => flagDialogOpen(el) && shows(...DIALOG, '#note-error')(el),
  }),
  writing({
    name: 'write: the flag dialog, sending',
    data: writableThread,
    handlers: {flag: pending},
    act: async (el) => flagSubmit(await openFlagDialog(el)),
    reached: shows(...DIALOG, '[part~="submit-button"][aria-disabled="true"]'),
  }),
  writing({
    name: 'write: the flag dialog, the flag could not be sent',
    data: writableThread,
    handlers: {flag: () => Promise.reject(network())},
    act: async (el) => flagSubmit(await openFlagDialog(el)),
    reached: (el) => flagDialogOpen(el) && shows(...DIALOG, '[role="alert"]')(el),
  }),
  writing({
    name: 'write: a post flagged (announced)',
    data: writableThread,
    handlers: {flag: () => Promise.resolve({flagged: true})},
    act: async (el) => flagSubmit(await openFlagDialog(el)),
    reached: (el) =>
      shows(answerEl('a2'), '[part~="flag-button"][aria-disabled="true"]')(el) && announced(el),
  }),
];
