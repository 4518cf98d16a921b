// @ts-check
/**
 * The element reference (docs/reference.md), generated from custom-elements.json (itself
 * generated from the elements' JSDoc), so the two cannot drift apart:
 *
 *   node test/docs/api-docs.mjs           rewrite docs/reference.md between the api markers
 *   node test/docs/api-docs.mjs --check   fail if the page is not what it would write
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import * as prettier from 'prettier';

const ROOT = new URL('../../', import.meta.url);
const START =
  '<!-- api:start (generated from custom-elements.json by `npm run manifest`: edit the JSDoc, not this) -->';
const END = '<!-- api:end -->';
const PAGE = 'docs/reference.md';
const ORDER = ['quanda-thread', 'quanda-question', 'quanda-answer', 'quanda-vote'];

/** @param {string | undefined} text */
const cell = (text) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
/** @param {string | undefined} text */
const code = (text) => (text ? `\`${cell(text)}\`` : '');

/** @param {string[]} head @param {string[][]} rows */
function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** @param {any} manifest */
export function renderApi(manifest) {
  /** @type {any[]} */
  const elements = manifest.modules
    .flatMap((/** @type {any} */ module) => module.declarations ?? [])
    .filter((/** @type {any} */ declaration) => declaration.tagName)
    .sort(
      (/** @type {any} */ a, /** @type {any} */ b) =>
        ORDER.indexOf(a.tagName) - ORDER.indexOf(b.tagName),
    );
  // The page tokens are read by every element: listed once, after the elements.
  const shared = elements
    .map((element) => new Set((element.cssProperties ?? []).map((/** @type {any} */ p) => p.name)))
    .reduce((all, names) => new Set([...all].filter((name) => names.has(name))));
  const out = [];
  for (const element of elements) {
    out.push(`## \`<${element.tagName}>\``, '', cell(element.summary ?? element.description), '');
    const fields = (element.members ?? []).filter(
      (/** @type {any} */ m) =>
        m.kind === 'field' &&
        (!m.privacy || m.privacy === 'public') &&
        !m.static &&
        !m.name.startsWith('#'),
    );
    if (fields.length) {
      const attributes = new Map(
        (element.attributes ?? []).map((/** @type {any} */ a) => [a.fieldName, a.name]),
      );
      out.push(
        table(
          ['attribute', 'property', 'type', 'default', ''],
          fields.map((/** @type {any} */ field) => [
            code(attributes.get(field.name)) || '(property only)',
            code(field.name),
            code(field.type?.text),
            code(field.default),
            cell(field.description),
          ]),
        ),
        '',
      );
    }
    if (element.events?.length) {
      out.push(
        table(
          ['event', 'type', ''],
          element.events.map((/** @type {any} */ e) => [
            code(e.name),
            code(e.type?.text),
            cell(e.description),
          ]),
        ),
        '',
      );
    }
    if (element.cssParts?.length) {
      out.push(
        table(
          ['part', ''],
          element.cssParts.map((/** @type {any} */ p) => [code(p.name), cell(p.description)]),
        ),
        '',
      );
    }
    const own = (element.cssProperties ?? []).filter((/** @type {any} */ p) => !shared.has(p.name));
    if (own.length) {
      out.push(
        table(
          ['custom property', 'default', ''],
          own.map((/** @type {any} */ p) => [code(p.name), code(p.default), cell(p.description)]),
        ),
        '',
      );
    }
    if (element.cssStates?.length) {
      out.push(
        table(
          ['state', ''],
          element.cssStates.map((/** @type {any} */ s) => [
            code(`:state(${s.name})`),
            cell(s.description),
          ]),
        ),
        '',
      );
    }
  }
  const tokens = (elements[0]?.cssProperties ?? []).filter((/** @type {any} */ p) =>
    shared.has(p.name),
  );
  out.push(
    '## Page tokens',
    '',
    'Read by every element; set them on `quanda-thread` or any ancestor.',
    '',
    table(
      ['custom property', 'default', ''],
      tokens.map((/** @type {any} */ p) => [code(p.name), code(p.default), cell(p.description)]),
    ),
  );
  return out.join('\n').trim();
}

/** @param {string} page @param {string} api */
export function withApi(page, api) {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${PAGE} has no ${START} … ${END} section`);
  return `${page.slice(0, start)}${START}\n\n${api}\n\n${page.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', ROOT), 'utf8'));
  const pageUrl = new URL(PAGE, ROOT);
  const page = readFileSync(pageUrl, 'utf8');
  // Formatted as `npm run lint` wants it, so the check and prettier agree.
  const file = fileURLToPath(pageUrl);
  const next = await prettier.format(withApi(page, renderApi(manifest)), {
    ...(await prettier.resolveConfig(file)),
    filepath: file,
  });
  if (process.argv.includes('--check')) {
    if (next !== page) {
      console.error(`✖ ${PAGE} is out of date: run \`npm run manifest\`.`);
      process.exitCode = 1;
    }
  } else if (next !== page) {
    writeFileSync(pageUrl, next);
    console.log(`${PAGE}: element reference updated`);
  }
}
