/** The whole English source: what the first load carries and what writing brings. */
import {en} from '../../src/i18n/locales/en.js';
import {enActions} from '../../src/i18n/locales/en-actions.js';
import {enEditor} from '../../src/i18n/locales/en-editor.js';
import {enFlag} from '../../src/i18n/locales/en-flag.js';
import {enWrite} from '../../src/i18n/locales/en-write.js';

export const englishSource = {...en, ...enWrite, ...enEditor, ...enActions, ...enFlag};
