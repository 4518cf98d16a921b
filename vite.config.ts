import {defineConfig} from 'vite';
import type {Plugin} from 'vite';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source-map number, base64 VLQ. */
function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    const digit = rest & 31;
    rest >>>= 5;
    out += BASE64[rest ? digit | 32 : digit];
  } while (rest);
  return out;
}

/**
 * Drops the indentation after each line break in our browser modules. JavaScript does not
 * care, and inside our template literals (Lit's html, css and svg) a line break alone is
 * the same white space: about 0.45 kB gzip off the first load, which minifiers leave in
 * because they cannot know what a template means. Lines keep their numbers, and the
 * source map moves every token back by the indentation its line lost.
 */
function dropIndentation(): Plugin {
  return {
    name: 'quanda-drop-indentation',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/(?!server\/).*\.ts($|\?)/.test(id)) return null;
      let mappings = '';
      let sourceLine = 0;
      let sourceColumn = 0;
      const lines = code.split('\n').map((line, index) => {
        const indent = /^[ \t]*/.exec(line)![0].length;
        const kept = line.slice(indent);
        let column = 0;
        const segments = [...kept.matchAll(/\S+/g)].map((token) => {
          const segment =
            vlq(token.index - column) +
            vlq(0) +
            vlq(index - sourceLine) +
            vlq(token.index + indent - sourceColumn);
          column = token.index;
          sourceLine = index;
          sourceColumn = token.index + indent;
          return segment;
        });
        mappings += (index ? ';' : '') + segments.join(',');
        return kept;
      });
      return {
        code: lines.join('\n'),
        map: {version: 3, sources: [id], sourcesContent: [code], names: [], mappings},
      };
    },
  };
}

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
    plugins: lib ? [] : [dropIndentation()],
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
        external: lib ? [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, 'idb', /^zod($|\/)/] : [],
        preserveEntrySignatures: 'allow-extension',
        output: lib
          ? {preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js'}
          : {minify: true, chunkFileNames: 'chunks/[name]-[hash].js'},
      },
    },
  };
});
