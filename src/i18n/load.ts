import {COMPACT, Localizer, english, englishCatalog} from './localizer.js';
import type {Catalog} from './localizer.js';

/**
 * A localizer for a language loaded on demand, which picks a compact number's plural form
 * from the number as shown, not as stored: 1,003 shows as "1 ألف", which takes Arabic's
 * form for a thousand ("نقطة"), not for 3; 1,500,000 shows as "1,5 M", which takes
 * French's form for millions ("de points"). It reads the number back from what
 * `compact()` shows, and works the same in every browser, whether or not its
 * `Intl.PluralRules` knows the `notation` option.
 */
class ShownCountLocalizer extends Localizer {
  override compactCount(value: number): number {
    // In Latin digits, ungrouped, with a full stop for the decimal sign: "1,5 M" → "1.5".
    const latin = {...COMPACT, numberingSystem: 'latn', useGrouping: false} as const;
    const shown = parseFloat(
      this.number(value, latin)
        .replace(',', '.')
        .replace(/[^\d.]/g, ''),
    );
    const exponent = Math.round(Math.log10(Math.abs(value) / shown)) || 0;
    // From a compact exponent of 6 up, CLDR's rules (its `e` operand) treat a number as a
    // whole million would be: that exponent's power of ten stands in for it.
    return exponent > 5 ? 10 ** exponent : Number(`${shown}e${exponent}`);
  }
}

/** Loads a locale: its catalogue, or a ready localizer (the tests' pseudo-locale). */
export type LocaleLoader = () => Promise<Catalog | Localizer>;

/**
 * Catalogues other than English load on demand, each its own small chunk, so a reader
 * downloads only their language. Add a locale by adding a file and a line here.
 */
const loaders = new Map<string, LocaleLoader>([
  ['es', () => import('./locales/es.js').then((module) => module.es)],
  ['de', () => import('./locales/de.js').then((module) => module.de)],
  ['fr', () => import('./locales/fr.js').then((module) => module.fr)],
  ['ja', () => import('./locales/ja.js').then((module) => module.ja)],
  ['ar', () => import('./locales/ar.js').then((module) => module.ar)],
]);

/** Every locale with a catalogue: English first, then those loaded on demand. */
export function supportedLocales(): string[] {
  return ['en', ...loaders.keys()];
}

/**
 * Adds (or replaces) a locale. Not part of the public API yet: the tests register their
 * pseudo-locale through it, so it never ships in a bundle.
 */
export function registerLocale(locale: string, loader: LocaleLoader) {
  loaders.set(locale, loader);
  catalogs.delete(locale);
  for (const key of [...cache.keys()]) if (key.startsWith(`${locale}|`)) cache.delete(key);
}

/** The best supported locale for a BCP 47 tag: exact, then language only, then English. */
export function resolveLocale(tag: string | null | undefined): string {
  const wanted = (tag ?? '').trim().toLowerCase();
  if (!wanted) return 'en';
  const supported = supportedLocales();
  const exact = supported.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return supported.find((locale) => locale.toLowerCase() === language) ?? 'en';
}

/**
 * The tag to format numbers and dates with: the page's own when it names the catalogue's
 * language (`de-CH` gets Swiss separators, `ar-EG` Arabic-Indic digits with the Arabic
 * words), else the catalogue's, so an English fallback never mixes in another locale's
 * numbers.
 */
function formattingLocale(tag: string, locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    const language = (locale: string) => locale.split('-')[0].toLowerCase();
    if (canonical && language(canonical) === language(locale)) {
      if (Intl.NumberFormat.supportedLocalesOf(canonical).length) return canonical;
    }
  } catch {
    // Not a well-formed tag (`lang="english"` is; `lang="en_US!"` is not): use the catalogue's.
  }
  return locale;
}

/** Catalogues by locale; localizers by catalogue locale and formatting locale. */
const catalogs = new Map<string, Promise<Catalog | Localizer>>();
const cache = new Map<string, Promise<Localizer>>([['en|en', Promise.resolve(english)]]);

/** A localizer for `tag`; resolves to English if the catalogue cannot be loaded. */
export function loadLocalizer(tag: string | null | undefined): Promise<Localizer> {
  const locale = resolveLocale(tag);
  const formatting = formattingLocale(tag ?? '', locale);
  const key = `${locale}|${formatting}`;
  let localizer = cache.get(key);
  if (!localizer) {
    localizer = loadCatalog(locale).then(
      (loaded) =>
        loaded instanceof Localizer ? loaded : new ShownCountLocalizer(formatting, loaded),
      () => {
        // A chunk that failed to load (offline, a deploy removed it) may load next time.
        catalogs.delete(locale);
        cache.delete(key);
        return english;
      },
    );
    cache.set(key, localizer);
  }
  return localizer;
}

/** A locale's catalogue (or ready localizer), loaded once. */
export function loadCatalog(locale: string): Promise<Catalog | Localizer> {
  if (locale === 'en') return Promise.resolve(englishCatalog);
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = loaders.get(locale)!();
    catalogs.set(locale, catalog);
  }
  return catalog;
}
