import {en} from './locales/en.js';
import type {enActions} from '../actions/en-actions.js';
import type {enEditor} from '../editor/en-editor.js';
import type {enFlag} from './locales/en-flag.js';
import type {enBoard} from '../components/board/en-board.js';
import type {enWrite} from '../write/en-write.js';
import type {enEmail} from '../email/en-email.js';

type Source = typeof en &
  typeof enWrite &
  typeof enEditor &
  typeof enActions &
  typeof enFlag &
  typeof enEmail &
  typeof enBoard;
export type MessageKey = keyof Source;

/** A message: text with `{name}` placeholders, or plural forms chosen by `count`. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & {other: string};
export type Message = string | PluralForms;

/** A locale's catalogue: one message for every key of the English source (both parts). */
export type Catalog = {
  readonly [K in MessageKey]: Source[K] extends string ? string : PluralForms;
};

type Params = Record<string, unknown>;

/**
 * English, the fallback for every locale: what the first load needs, and what
 * `addEnglish` adds when the writing modules load.
 */
const englishMessages: Partial<Record<MessageKey, Message>> = {...en};

/** How `compact()` shows a number: "6.5K", "1,5 M", "1 ألف". */
export const COMPACT = {notation: 'compact', maximumFractionDigits: 1} as const;

/** Languages written right to left, by their language subtag. */
const RTL = /^(ar|fa|he|ur|ps|ckb|dv|yi)\b/i;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * Formats everything a reader sees for one locale: catalogue messages, plurals, numbers
 * and relative times, all through `Intl`. Elements get one through context from
 * `<quanda-thread>`, or fall back to English when used alone.
 */
export class Localizer {
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  readonly #catalog: Catalog;
  readonly #plurals: Intl.PluralRules;
  readonly #numbers = new Map<string, Intl.NumberFormat>();
  readonly #relative: Intl.RelativeTimeFormat;
  // Built once: `toLocaleString` with options builds a new formatter on every call, which
  // was an eighth of the time to render a 200-answer thread (npm run bench).
  readonly #dateTime: Intl.DateTimeFormat;

  constructor(locale: string, catalog: Catalog) {
    this.locale = locale;
    this.#catalog = catalog;
    this.dir = RTL.test(locale) ? 'rtl' : 'ltr';
    this.#plurals = new Intl.PluralRules(locale);
    this.#relative = new Intl.RelativeTimeFormat(locale, {numeric: 'auto'});
    this.#dateTime = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeStyle: 'short'});
  }

  /**
   * Adds English messages that load later (en-write.ts comes with the modules that
   * write, en-actions.ts and en-flag.ts with those that do the rest). English is every locale's fallback, so this serves all localizers.
   */
  addEnglish(messages: Partial<Record<MessageKey, Message>>) {
    Object.assign(englishMessages, messages);
  }

  /** The message for `key` as text, with its placeholders filled. */
  t(key: MessageKey, params: Params = {}): string {
    return this.parts(key, params).join('');
  }

  /**
   * The message for `key` split around its placeholders, so a placeholder can be a
   * template (a bold name, a link) while the words around it stay translatable.
   */
  parts(key: MessageKey, params: Params = {}): unknown[] {
    const text = this.#pick(key, params['count']);
    const out: unknown[] = [];
    let last = 0;
    for (const match of text.matchAll(/\{(\w+)\}/g)) {
      out.push(text.slice(last, match.index));
      const value = params[match[1]];
      out.push(typeof value === 'number' ? this.number(value) : (value ?? match[0]));
      last = match.index + match[0].length;
    }
    out.push(text.slice(last));
    return out.filter((part) => part !== '');
  }

  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    const id = JSON.stringify(options);
    let format = this.#numbers.get(id);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, options);
      this.#numbers.set(id, format);
    }
    return format.format(value);
  }

  /** 6500 → "6.5K" in English, "6,5 mil" in Spanish. */
  compact(value: number): string {
    return this.number(value, COMPACT);
  }

  /**
   * The count that picks the plural form for `compact(value)`. In English the exact count
   * gives the form of the number shown ("1.5M points" either way); every other language's
   * localizer, built when its catalogue loads, reads the count back from what is shown
   * (`ShownCountLocalizer` in load.ts), so the first load carries none of that.
   */
  compactCount(value: number): number {
    return value;
  }

  /** "3 days ago", measured from `now` (the server's clock, not the reader's). */
  relativeTime(date: Date, now: Date): string {
    const seconds = (date.getTime() - now.getTime()) / 1000;
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size) return this.#relative.format(Math.trunc(seconds / size), unit);
    }
    return this.#relative.format(0, 'second');
  }

  /** An absolute date and time, for tooltips and `<time>` titles. */
  dateTime(date: Date): string {
    return this.#dateTime.format(date);
  }

  #pick(key: MessageKey, count: unknown): string {
    const message: Message = this.#catalog[key] ?? englishMessages[key] ?? key;
    if (typeof message === 'string') return message;
    const rule = typeof count === 'number' ? this.#plurals.select(count) : 'other';
    return message[rule] ?? message.other;
  }
}

/** The English catalogue as it stands (the writing strings join it when they load). */
export const englishCatalog = englishMessages as Catalog;

export const english = new Localizer('en', englishCatalog);
