/**
 * What a translator can get wrong in a catalogue, checked against the English source:
 * a key missing or extra, a string where plural forms belong (or the reverse), a
 * placeholder dropped or invented, and plural forms that do not match what
 * `Intl.PluralRules` picks for the language.
 */
type Forms = Record<string, string>;
type AnyCatalog = Record<string, string | Forms>;

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
const union = (sets: Set<string>[]) => new Set(sets.flatMap((set) => [...set]));
const list = (names: Iterable<string>) => [...names].map((name) => `{${name}}`).join(', ');

export function catalogProblems(locale: string, catalog: object, source: object): string[] {
  const target = catalog as AnyCatalog;
  const english = source as AnyCatalog;
  const problems: string[] = [];
  const categories: string[] = [
    ...new Intl.PluralRules(locale).resolvedOptions().pluralCategories,
  ].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));

  for (const key of Object.keys(english)) {
    if (!(key in target)) problems.push(`${locale}: missing key "${key}"`);
  }
  for (const key of Object.keys(target)) {
    if (!(key in english)) problems.push(`${locale}: extra key "${key}" (not in English)`);
  }

  for (const [key, sourceMessage] of Object.entries(english)) {
    const message = target[key];
    if (message === undefined) continue;
    const where = `${locale}: "${key}"`;
    const expected = union(
      typeof sourceMessage === 'string'
        ? [placeholders(sourceMessage)]
        : Object.values(sourceMessage).map(placeholders),
    );
    if (typeof sourceMessage === 'string') {
      if (typeof message !== 'string') {
        problems.push(`${where} should be a string, like the English`);
        continue;
      }
      if (!message.trim()) problems.push(`${where} is empty`);
      const got = placeholders(message);
      const missing = [...expected].filter((name) => !got.has(name));
      const extra = [...got].filter((name) => !expected.has(name));
      if (missing.length) problems.push(`${where} lacks ${list(missing)}`);
      if (extra.length) problems.push(`${where} has ${list(extra)}, unknown in English`);
      continue;
    }
    if (typeof message === 'string') {
      problems.push(`${where} needs plural forms (${categories.join(', ')}), not one string`);
      continue;
    }
    const forms = Object.keys(message);
    const missingForms = categories.filter((category) => !forms.includes(category));
    const extraForms = forms.filter((form) => !categories.includes(form));
    if (missingForms.length)
      problems.push(`${where} lacks plural forms ${missingForms.join(', ')}`);
    if (extraForms.length) {
      problems.push(
        `${where} has plural forms ${extraForms.join(', ')}, which ${locale} never uses`,
      );
    }
    // `other` is the general form: it names every placeholder. The others may leave out
    // what their form already says ("إجابتان" is "two answers"), but never invent one.
    for (const [form, text] of Object.entries(message)) {
      if (!text.trim()) problems.push(`${where}.${form} is empty`);
      const got = placeholders(text);
      const extra = [...got].filter((name) => !expected.has(name));
      if (extra.length) problems.push(`${where}.${form} has ${list(extra)}, unknown in English`);
      if (form === 'other') {
        const missing = [...expected].filter((name) => !got.has(name));
        if (missing.length) problems.push(`${where}.other lacks ${list(missing)}`);
      }
    }
  }
  return problems;
}

/** Messages that are exactly the English: a few are fine ("{name} ({points})"), most are not. */
export function copiedFromEnglish(catalog: object, source: object): string[] {
  const target = catalog as AnyCatalog;
  return Object.entries(source as AnyCatalog)
    .filter(([key, message]) => JSON.stringify(target[key]) === JSON.stringify(message))
    .map(([key]) => key);
}
