import ts from 'typescript';
import {defineConfig} from 'vite';
import type {Plugin} from 'vite';

/**
 * `vite build`            → dist/quanda.js: the drop-in file, self-registering, minified,
 *                           with lazily loaded chunks beside it.
 * `vite build --mode lib` → dist/lib/: the npm entries (`quanda`, `quanda/define`), one
 *                           module per source file, dependencies left to the app's bundler.
 */
export default defineConfig(({mode}) => {
  const lib = mode === 'lib';
  return {
    publicDir: false,
    plugins: lib ? [] : [minifyTemplates()],
    build: {
      target: 'es2022',
      outDir: lib ? 'dist/lib' : 'dist',
      emptyOutDir: true,
      sourcemap: true,
      // Terser takes ~0.35 kB gzip more off the first load than the default minifier.
      minify: lib ? false : 'terser',
      terserOptions: {ecma: 2020, module: true, compress: {passes: 2}},
      reportCompressedSize: false,
      lib: lib
        ? {entry: {index: 'src/index.ts', define: 'src/define.ts'}, formats: ['es']}
        : {entry: 'src/quanda.ts', formats: ['es'], fileName: () => 'quanda.js'},
      rolldownOptions: {
        external: lib ? [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/] : [],
        preserveEntrySignatures: 'allow-extension',
        output: lib
          ? {preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js'}
          : {
              minify: true,
              chunkFileNames: 'chunks/[name]-[hash].js',
              // What loads together goes in one file: one request, and one gzip window
              // instead of a dozen small ones (about 1 kB less to download).
              codeSplitting: {
                includeDependenciesRecursively: false,
                groups: [
                  {
                    name: 'write',
                    test: /src\/(storage\/(?!peek|names|viewer-tokens)|components\/(thread\/(thread-writes|view-updates)|shared\/(post-form|form\.styles)|answer-form\/)|controllers\/(outbox|draft)-controller|api\/rest-writes|i18n\/locales\/en-write)|node_modules\/idb\//,
                  },
                ],
              },
            },
      },
    },
  };
});

/**
 * Squeezes the whitespace out of Lit's `html` and `css` templates, which no JavaScript
 * minifier may touch (to it they are strings). Prettier's indentation was a sixth of the
 * drop-in file. Only what cannot change the result goes: in `html`, a run of whitespace
 * that holds a line break becomes one space (the browser collapses it to one anyway; no
 * template holds `<pre>` or text inside a `<textarea>`); in `css`, comments and the spaces
 * around `{`, `}`, `;` and `,` too. The npm build (`--mode lib`) keeps templates as written.
 */
function minifyTemplates(): Plugin {
  const squeeze = {
    html: (text: string) => text.replace(/\s*\n\s*/g, ' '),
    css: (text: string) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,]) ?/g, '$1')
        .replace(/;}/g, '}'),
  };
  return {
    name: 'quanda-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: {from: number; to: number; text: string}[] = [];
      const visit = (node: ts.Node) => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
          const minify = (squeeze as Record<string, ((text: string) => string) | undefined>)[
            node.tag.text
          ];
          const template = node.template;
          const literals = ts.isNoSubstitutionTemplateLiteral(template)
            ? [template]
            : [template.head, ...template.templateSpans.map((span) => span.literal)];
          for (const literal of minify ? literals : []) {
            // Between the opening `` ` `` or `}` and the closing `` ` `` or `${`.
            const from = literal.getStart(source) + 1;
            const to =
              literal.getEnd() - (ts.isTemplateTail(literal) || literal === template ? 1 : 2);
            edits.push({from, to, text: minify!(code.slice(from, to))});
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let out = code;
      for (const {from, to, text} of edits.sort((a, b) => b.from - a.from)) {
        out = out.slice(0, from) + text + out.slice(to);
      }
      return {code: out, map: null};
    },
  };
}
