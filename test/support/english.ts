/** The whole English source: what the first load carries and what writing brings. */
import {en} from '../../src/i18n/locales/en.js';
import {enActions} from '../../src/actions/en-actions.js';
import {enEditor} from '../../src/editor/en-editor.js';
import {enFlag} from '../../src/i18n/locales/en-flag.js';
import {enWrite} from '../../src/write/en-write.js';
import {enEmail} from '../../src/email/en-email.js';
import {enBoard} from '../../src/components/board/en-board.js';

export const englishSource = {
  ...en,
  ...enWrite,
  ...enEditor,
  ...enActions,
  ...enFlag,
  ...enEmail,
  ...enBoard,
};
