/**
 * What readers type, made fit to store and to show: titles, bodies and display names
 * lose the characters that are invisible or steer how text around them displays, and
 * lengths are counted in what a reader sees.
 *
 * - Control characters (Unicode Cc) go, except a body's line breaks and tabs; a name or a
 *   title is one line, its spacing collapsed.
 * - Format characters (Unicode Cf: bidi overrides and isolates, zero-width spaces, soft
 *   hyphens, the byte-order mark…) go, except the zero-width joiner and non-joiner between
 *   two letters or marks of a word, which scripts such as Persian, Hindi and emoji need.
 * - More than `MAX_MARKS` combining marks on one character are cut to that many: no
 *   language stacks more, and a tower of them paints over the lines around it.
 */

/** Combining marks kept on one base character (Vietnamese and Indic text use up to 3–4). */
export const MAX_MARKS = 4;

const WORD = '[\\p{L}\\p{M}\\p{N}\\p{Extended_Pictographic}]';
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/** A joiner that does not sit between two characters of a word. */
const STRAY_JOINER = new RegExp(`(?<!${WORD})[\u200c\u200d]|[\u200c\u200d](?!${WORD})`, 'gu');
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/** The text without invisible characters (see above); `multiline` keeps \n and \t. */
export function cleanText(text: string, {multiline}: {multiline: boolean}): string {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replace(STRAY_JOINER, '')
    .replace(INVISIBLE, (char) => {
      if (char === '\u200c' || char === '\u200d') return char;
      if (multiline && (char === '\n' || char === '\t')) return char;
      return !multiline && /\s/.test(char) ? ' ' : '';
    })
    .replace(MARK_RUN, '$1');
  return multiline ? cleaned.trim() : cleaned.replace(/\s+/g, ' ').trim();
}

/** Characters (code points) a reader sees: what remains once invisible ones are gone. */
export function visibleLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length - (text.match(/\p{Cf}/gu)?.length ?? 0);
}

/**
 * The form two names or two bodies are compared in: compatibility-normalized (NFKC),
 * without invisible characters, case folded, spacing collapsed.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, (char) => (/\s/.test(char) ? ' ' : ''))
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
