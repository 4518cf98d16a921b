// @ts-check
/**
 * `npm run manifest` → custom-elements.json, from the elements' JSDoc (`cem analyze`).
 * Two plugins. The parts plugin completes each element's part list from the table of parts
 * (src/components/shared/parts.ts): a JSDoc describes only the parts its element draws, less
 * those shared code draws alike (described once, in the table's `SHARED`), and the parts it
 * passes up from inner elements are added, described by the element that draws them. The shared-tokens plugin: the page tokens every element reads (documented once, in the JSDoc of
 * src/styles/host.styles.ts) are added to each element's cssProperties, so a tool
 * looking at any one element sees every custom property that styles it. It also drops
 * the events the analyzer guesses from `dispatchEvent(new XEvent())` (named after the
 * class, "quandaError") when a documented `@fires` has the same type.
 */
import {readFileSync} from 'node:fs';
// TypeScript: analyze.mjs runs the analyzer under tsx.
import {PARTS, SHARED, exportedBy, exposedParts} from './src/components/shared/parts.js';

const HOST_STYLES = 'src/styles/host.styles.ts';

/** `@cssprop [--name=default] - description` lines of a file's JSDoc. */
function sharedTokens() {
  const source = readFileSync(new URL(`./${HOST_STYLES}`, import.meta.url), 'utf8');
  return [...source.matchAll(/@cssprop \[(--[\w-]+)=([^\]]*)\] - (.*)/g)].map(
    ([, name, fallback, description]) => ({name, default: fallback, description}),
  );
}

/**
 * Names declared `{state: true}` in a module's `static properties`: internal reactive
 * state, which the analyzer would otherwise list as attributes.
 * @param {string} path
 */
function statesOf(path) {
  const source = readFileSync(new URL(`./${path}`, import.meta.url), 'utf8');
  return new Set([...source.matchAll(/^\s+(\w+): \{state: true\},?$/gm)].map(([, name]) => name));
}

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function sharedTokensPlugin() {
  return {
    name: 'quanda-shared-tokens',
    packageLinkPhase({customElementsManifest}) {
      const tokens = sharedTokens();
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!('tagName' in declaration) || !declaration.tagName) continue;
          const states = new Set(
            [module.path, ...(declaration.members ?? []).map((m) => m.inheritedFrom?.module ?? '')]
              .filter((path) => path)
              .flatMap((path) => [...statesOf(path)]),
          );
          declaration.attributes = declaration.attributes?.filter(
            (a) => !states.has(a.fieldName ?? ''),
          );
          for (const member of declaration.members ?? []) {
            if (states.has(member.name) && 'attribute' in member) delete member.attribute;
          }
          if (declaration.events) {
            const documented = new Set(
              declaration.events.filter((e) => e.description).map((e) => e.type?.text),
            );
            declaration.events = declaration.events.filter(
              (e) => e.description || !documented.has(e.type?.text),
            );
          }
          const own = declaration.cssProperties ?? [];
          const known = new Set(own.map((property) => property.name));
          declaration.cssProperties = [...own, ...tokens.filter((token) => !known.has(token.name))];
        }
      }
    },
  };
}

/**
 * @typedef {keyof typeof PARTS} Tag
 * @typedef {{name: string, description?: string}} Part
 * @typedef {{tag: string, name: string, description: string}} Origin  an element that draws a part
 */

/** "`<a>`", "`<a>` and `<b>`", "`<a>`, `<b>` and `<c>`". @param {string[]} items */
const listed = (items) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0];

/**
 * The elements that draw the part `tag` exposes as `name`: itself, and through its inner
 * elements, whatever they call it there.
 * @param {Tag} tag @param {string} name @param {Map<string, Map<string, string>>} described
 * @returns {Origin[]}
 */
function origins(tag, name, described) {
  const own = PARTS[tag].own.split(' ').includes(name)
    ? [{tag, name, description: described.get(tag)?.get(name) ?? ''}]
    : [];
  const inner = (PARTS[tag].inner ?? []).flatMap((child) =>
    exportedBy(child)
      .filter(([, outer]) => outer === name)
      .flatMap(([inside]) => origins(child, inside, described)),
  );
  return [...own, ...inner];
}

/**
 * A part's description: what each element that draws it says of it, and where that comes
 * from when not from `tag` itself.
 * @param {string} tag @param {string} name @param {Origin[]} from
 */
function describe(tag, name, from) {
  /** @type {Map<string, Origin[]>} */
  const byText = new Map();
  for (const origin of from) {
    byText.set(origin.description, [...(byText.get(origin.description) ?? []), origin]);
  }
  return [...byText]
    .map(([text, same]) => {
      const others = same.filter((o) => o.tag !== tag);
      if (!others.length) return text;
      const tags = listed([...new Set(others.map((o) => `\`<${o.tag}>\``))]);
      const renamed = [
        ...new Set(others.filter((o) => o.name !== name).map((o) => `\`${o.name}\``)),
      ];
      const there = renamed.length ? `, where it is ${listed(renamed)}` : '';
      const own = others.length < same.length ? 'its own, and ' : '';
      return `${text.replace(/\.$/, '')} (${own}forwarded from ${tags}${there}).`;
    })
    .join(' ');
}

/**
 * The description of each part `tag` draws: its own `@csspart` line, or the shared one.
 * Fails on a part the table does not say it draws, a part described nowhere, and a line
 * that copies the shared description.
 * @param {Tag} tag @param {Part[]} documented
 */
function ownParts(tag, documented) {
  const drawn = PARTS[tag].own.split(' ');
  const where = `<${tag}> (src/components/shared/parts.ts)`;
  for (const {name, description} of documented) {
    if (!drawn.includes(name)) throw new Error(`${where}: @csspart ${name} is not a part it draws`);
    if (SHARED[name] === description) {
      throw new Error(`${where}: @csspart ${name} copies SHARED's description: leave it out`);
    }
  }
  const described = new Map(documented.map((part) => [part.name, part.description ?? '']));
  for (const name of drawn) {
    const description = described.get(name) ?? SHARED[name];
    if (description === undefined) throw new Error(`${where}: no @csspart line for ${name}`);
    described.set(name, description);
  }
  return described;
}

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function partsPlugin() {
  return {
    name: 'quanda-parts',
    packageLinkPhase({customElementsManifest}) {
      /** @type {Map<string, {cssParts?: Part[]}>} */
      const elements = new Map();
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if ('tagName' in declaration && declaration.tagName) {
            elements.set(declaration.tagName, declaration);
          }
        }
      }
      // What each element's JSDoc says of the parts it draws, with the shared descriptions:
      // the table's parts, no more, no less.
      /** @type {Map<string, Map<string, string>>} */
      const described = new Map();
      for (const tag of /** @type {Tag[]} */ (Object.keys(PARTS))) {
        described.set(tag, ownParts(tag, elements.get(tag)?.cssParts ?? []));
      }
      for (const tag of /** @type {Tag[]} */ (Object.keys(PARTS))) {
        const element = elements.get(tag);
        if (!element?.cssParts) continue;
        const own = PARTS[tag].own.split(' ');
        element.cssParts = [...own, ...exposedParts(tag).filter((name) => !own.includes(name))].map(
          (name) => ({name, description: describe(tag, name, origins(tag, name, described))}),
        );
      }
    },
  };
}

export default {
  // The writing forms' shared base lives with what writing loads (src/write/).
  globs: ['src/components/**/*.ts', 'src/write/post-form.ts'],
  exclude: [
    'src/components/**/*.styles.ts',
    'src/components/shared/post-parts.ts',
    'src/components/shared/parts.ts',
    'src/components/shared/exportparts.ts',
    'src/components/shared/sanitized-html.ts',
  ],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [partsPlugin(), sharedTokensPlugin()],
};
