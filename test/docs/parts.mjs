// @ts-check
/**
 * The `exportparts` attribute of each inner element, generated from the table of parts
 * (src/components/shared/parts.ts) as plain strings, so the widget ships the strings and
 * not the table. Run by `npm run manifest`, under tsx (the table is TypeScript):
 *
 *   node --import tsx test/docs/parts.mjs           rewrite the modules below
 *   node --import tsx test/docs/parts.mjs --check   fail if one is not what it would write
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import * as prettier from 'prettier';
import {PARTS, exportparts} from '../../src/components/shared/parts.js';

/**
 * Which module holds which strings. The edit form and the flag dialog are drawn only by what
 * Edit and Flag load (src/actions/post-action-panels.ts): their strings load with it, not
 * with the first paint. Every other inner element is drawn by the first load.
 */
const LATER = ['quanda-edit-form', 'quanda-flag-dialog'];
const MODULES = {
  'src/components/shared/exportparts.ts': (/** @type {string} */ tag) => !LATER.includes(tag),
  'src/actions/exportparts.ts': (/** @type {string} */ tag) => LATER.includes(tag),
};

/** `quanda-comment-form` → `COMMENT_FORM_PARTS`. @param {string} tag */
const constant = (tag) => `${tag.slice('quanda-'.length).replace(/-/g, '_').toUpperCase()}_PARTS`;

/** "`<quanda-question>` and `<quanda-answer>`". @param {string} tag */
function insideOf(tag) {
  const outer = Object.entries(PARTS)
    .filter(([, entry]) => /** @type {readonly string[]} */ (entry.inner ?? []).includes(tag))
    .map(([name]) => `\`<${name}>\``);
  return outer.length > 1 ? `${outer.slice(0, -1).join(', ')} and ${outer.at(-1)}` : outer[0];
}

/**
 * Each module's path and text, formatted as `npm run lint` wants it.
 * @returns {Promise<[string, string][]>}
 */
export async function renderExportparts() {
  const inner = [...new Set(Object.values(PARTS).flatMap((entry) => entry.inner ?? []))].sort();
  return Promise.all(
    Object.entries(MODULES).map(async ([path, holds]) => {
      const text = [
        '// Generated from src/components/shared/parts.ts by `npm run manifest`',
        '// (test/docs/parts.mjs): edit the table, not this.',
        ...inner
          .filter(holds)
          .flatMap((tag) => [
            `/** \`exportparts\` of \`<${tag}>\`, inside ${insideOf(tag)}. */`,
            `export const ${constant(tag)} = '${exportparts(tag)}';`,
          ]),
        '',
      ].join('\n');
      const file = fileURLToPath(new URL(`../../${path}`, import.meta.url));
      const options = {...(await prettier.resolveConfig(file)), filepath: file};
      return /** @type {[string, string]} */ ([path, await prettier.format(text, options)]);
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [path, next] of await renderExportparts()) {
    const url = new URL(`../../${path}`, import.meta.url);
    let current = '';
    try {
      current = readFileSync(url, 'utf8');
    } catch {
      // not written yet
    }
    if (next === current) continue;
    if (process.argv.includes('--check')) {
      console.error(`✖ ${path} is out of date: run \`npm run manifest\`.`);
      process.exitCode = 1;
    } else {
      writeFileSync(url, next);
      console.log(`${path}: written`);
    }
  }
}
