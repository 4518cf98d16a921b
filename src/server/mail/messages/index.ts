import {ar} from './ar.js';
import {de} from './de.js';
import {en} from './en.js';
import type {MailCatalog, MailKey} from './en.js';
import {es} from './es.js';
import {fr} from './fr.js';
import {ja} from './ja.js';

export type {MailKey};

/** The mail catalogues, one per language the widget speaks. */
const catalogs: Record<string, MailCatalog> = {en, de, fr, es, ja, ar};

export const mailLocales = Object.keys(catalogs);

/** The catalogue's language for a BCP 47 tag (`de-CH` → `de`), English when there is none. */
export function mailLocale(tag: string | null | undefined): string {
  const language = (tag ?? '').trim().toLowerCase().split('-')[0] ?? '';
  return language in catalogs ? language : 'en';
}

/** Text of one message in a language, with `{name}` placeholders filled in. */
export function mailText(
  locale: string,
  key: MailKey,
  values: Record<string, string | number> = {},
) {
  const template = (catalogs[locale] ?? en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Arabic reads right to left. */
export function mailDirection(locale: string): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
