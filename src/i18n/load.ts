import {Localizer, english} from './localizer.js';
import type {Catalog} from './localizer.js';

/**
 * Catalogues other than English load on demand, each its own small chunk, so a reader
 * downloads only their language. Add a locale by adding a file and a line here.
 */
const loaders: Record<string, () => Promise<Catalog>> = {};

export const supportedLocales = ['en', ...Object.keys(loaders)] as const;

/** The best supported locale for a BCP 47 tag: exact, then language only, then English. */
export function resolveLocale(tag: string | null | undefined): string {
  const wanted = (tag ?? '').trim().toLowerCase();
  if (!wanted) return 'en';
  const supported = supportedLocales.find((locale) => locale.toLowerCase() === wanted);
  if (supported) return supported;
  const language = wanted.split('-')[0];
  return supportedLocales.find((locale) => locale.toLowerCase() === language) ?? 'en';
}

const cache = new Map<string, Promise<Localizer>>([['en', Promise.resolve(english)]]);

/** A localizer for `tag`; resolves to English if the catalogue cannot be loaded. */
export function loadLocalizer(tag: string | null | undefined): Promise<Localizer> {
  const locale = resolveLocale(tag);
  let localizer = cache.get(locale);
  if (!localizer) {
    localizer = loaders[locale]!().then(
      (catalog) => new Localizer(locale, catalog),
      () => {
        cache.delete(locale);
        return english;
      },
    );
    cache.set(locale, localizer);
  }
  return localizer;
}
