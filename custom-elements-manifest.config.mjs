// @ts-check
/**
 * `npm run manifest` → custom-elements.json, from the elements' JSDoc (`cem analyze`).
 * One plugin: the page tokens every element reads (documented once, in the JSDoc of
 * src/styles/host.styles.ts) are added to each element's cssProperties, so a tool
 * looking at any one element sees every custom property that styles it. It also drops
 * the events the analyzer guesses from `dispatchEvent(new XEvent())` (named after the
 * class, "quandaError") when a documented `@fires` has the same type.
 */
import {readFileSync} from 'node:fs';

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

export default {
  // The writing forms' shared base lives with what writing loads (src/write/).
  globs: ['src/components/**/*.ts', 'src/write/post-form.ts'],
  exclude: [
    'src/components/**/*.styles.ts',
    'src/components/shared/post-parts.ts',
    'src/components/shared/sanitized-html.ts',
  ],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [sharedTokensPlugin()],
};
