import {createContext} from '@lit/context';
import type {QuandaClient} from '../api/client.js';
import type {Localizer} from '../i18n/localizer.js';

/** The backend client of the nearest `<quanda-thread>`. */
export const clientContext = createContext<QuandaClient | undefined>(Symbol('quanda-client'));

/** Formats text, numbers and times in the thread's language. */
export const localizerContext = createContext<Localizer>(Symbol('quanda-localizer'));
