// @ts-check
/**
 * Writes dist/lib/react.d.ts, the types of `quanda/react`: every Quanda element in React
 * 19's `React.JSX.IntrinsicElements`, generated from custom-elements.json so the JSX types
 * follow the elements (run by `npm run build`, after the library's own declarations).
 *
 * React 19 hands a custom element's props over as they are: a prop the element has as a
 * property is set as the property, any other as an attribute, and `on<event>` listens to
 * that event. So each element gets its attributes (kebab-case, typed as the field behind
 * them), its public writable properties, and an `on<name>` prop for each event it fires,
 * typed through the element's event map.
 *
 *   node test/docs/react-types.mjs           write dist/lib/react.d.ts
 */
import {readFileSync, writeFileSync} from 'node:fs';
import * as prettier from 'prettier';

const ROOT = new URL('../../', import.meta.url);

/** @param {string} name */
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
/** @param {string[]} names */
const union = (names) => (names.length ? names.map((n) => `'${n}'`).join(' | ') : 'never');

/** @param {any} manifest */
export function renderReactTypes(manifest) {
  /** @type {{tag: string, name: string, module: string, element: any}[]} */
  const elements = manifest.modules
    .flatMap((/** @type {any} */ module) =>
      (module.declarations ?? [])
        .filter((/** @type {any} */ d) => d.tagName)
        .map((/** @type {any} */ d) => ({
          tag: d.tagName,
          name: d.name,
          module: module.path,
          element: d,
        })),
    )
    .sort((/** @type {any} */ a, /** @type {any} */ b) => a.tag.localeCompare(b.tag));

  const entries = elements.map(({tag, name, element}) => {
    const attributes = (element.attributes ?? []).map(
      (/** @type {any} */ a) =>
        `      ${key(a.name)}?: ${a.fieldName ? `${name}['${a.fieldName}']` : 'string'};`,
    );
    const properties = (element.members ?? [])
      .filter(
        (/** @type {any} */ m) =>
          m.kind === 'field' &&
          !m.static &&
          !m.readonly &&
          (!m.privacy || m.privacy === 'public') &&
          !m.name.startsWith('#'),
      )
      .map((/** @type {any} */ m) => m.name);
    const events = [...new Set((element.events ?? []).map((/** @type {any} */ e) => e.name))];
    return [
      `    /** ${(element.summary ?? element.description ?? '').replace(/\s*\n\s*/g, ' ').trim()} */`,
      `    ${key(tag)}: QuandaElementProps<`,
      `      ${name},`,
      `      {`,
      ...attributes.map((/** @type {string} */ line) => `  ${line}`),
      `      },`,
      `      ${union(properties)},`,
      `      ${union(/** @type {string[]} */ (events))}`,
      `    >;`,
    ].join('\n');
  });

  const classes = [...new Set(elements.map((e) => e.name))].sort();
  return `// Generated from custom-elements.json by test/docs/react-types.mjs (npm run build): do not edit.
/**
 * \`import 'quanda/react'\` registers Quanda's elements, exactly as \`quanda/define\` does, and
 * types them for React 19's JSX: attributes, properties and \`on<event>\` props.
 */
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
import type {${classes.join(', ')}} from './index.js';

export * from './define.js';

/** The event a \`quanda-*\` element fires under this name, from its event map. */
type QuandaEventOf<K extends string> = K extends keyof HTMLElementEventMap
  ? HTMLElementEventMap[K]
  : Event;

/**
 * An element's JSX props: React's own for any HTML element, the element's attributes,
 * its public properties, and a listener prop per event (\`onquanda-error\`, …).
 */
export type QuandaElementProps<
  E extends HTMLElement,
  Attributes extends object,
  Properties extends string,
  Events extends string,
> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Attributes | Properties> &
  Attributes &
  Partial<Pick<E, Extract<Properties, keyof E>>> & {
    [K in Events as \`on\${K}\`]?: (event: QuandaEventOf<K>) => void;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries.join('\n')}
    }
  }
}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', ROOT), 'utf8'));
  const types = await prettier.format(renderReactTypes(manifest), {
    ...(await prettier.resolveConfig(new URL('package.json', ROOT))),
    parser: 'typescript',
  });
  writeFileSync(new URL('dist/lib/react.d.ts', ROOT), types);
  console.log('dist/lib/react.d.ts: written');
}
