/**
 * The pseudo-locale `en-XA`, for tests only (it never ships): every catalogue message
 * accented, a third longer, and bracketed ⟦…⟧, and every number, date and relative time
 * the localizer formats bracketed ⟪…⟫. Text on screen outside those brackets, or outside
 * the ⸨…⸩ that marks the test data's user content, did not go through the i18n layer.
 */
import {registerLocale} from '../../src/i18n/load.js';
import {Localizer} from '../../src/i18n/localizer.js';
import type {Catalog} from '../../src/i18n/localizer.js';
import {englishSource as en} from './english.js';

export const PSEUDO = 'en-XA';

const ACCENTS: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i],
  ]),
);

/** "Show {count} more" → "⟦Šĥöŵ {count} ɱöŕé ·····⟧": placeholders kept as they are. */
export function pseudo(text: string): string {
  const accented = text
    .split(/(\{\w+\})/)
    .map((piece) => (/^\{\w+\}$/.test(piece) ? piece : piece.replace(/[a-z]/gi, (c) => ACCENTS[c])))
    .join('');
  const padding = '·'.repeat(Math.ceil(text.replace(/\{\w+\}/g, '').length / 3));
  return `⟦${accented}${padding ? ` ${padding}` : ''}⟧`;
}

export const pseudoCatalog = Object.fromEntries(
  Object.entries(en).map(([key, message]) => [
    key,
    typeof message === 'string'
      ? pseudo(message)
      : Object.fromEntries(Object.entries(message).map(([form, text]) => [form, pseudo(text)])),
  ]),
) as Catalog;

/** Marks what Intl formatted, so a test can tell it from text that skipped the localizer. */
class PseudoLocalizer extends Localizer {
  override number(value: number, options: Intl.NumberFormatOptions = {}) {
    return `⟪${super.number(value, options)}⟫`;
  }
  override relativeTime(date: Date, now: Date) {
    return `⟪${super.relativeTime(date, now)}⟫`;
  }
  override dateTime(date: Date) {
    return `⟪${super.dateTime(date)}⟫`;
  }
}

registerLocale(PSEUDO, () => Promise.resolve(new PseudoLocalizer(PSEUDO, pseudoCatalog)));

/** Marks test data as user content: the only text allowed on screen without brackets. */
export const user = (text: string) => `⸨${text}⸩`;

/**
 * What is left of `text` after removing everything that went through the i18n layer or
 * is marked user content; empty (but for white space) when nothing escaped it.
 */
export function unlocalized(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(/⸨[^⸨⸩⟦⟧⟪⟫]*⸩|⟪[^⸨⸩⟦⟧⟪⟫]*⟫|⟦[^⸨⸩⟦⟧⟪⟫]*⟧/g, '');
    if (next === rest) return rest.trim();
    rest = next;
  }
}
