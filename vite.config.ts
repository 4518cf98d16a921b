import {readFile, writeFile} from 'node:fs/promises';
import {isAbsolute, join} from 'node:path';
import {promisify} from 'node:util';
import {brotliCompress, constants, gzip} from 'node:zlib';
import {defineConfig} from 'vite';
import type {Plugin} from 'vite';

/**
 * Lit's `html` and `css` templates keep their source indentation through minification
 * (a minifier cannot know what whitespace means inside a template). This collapses it in
 * the templates' static parts, for the drop-in build only: in HTML a run of whitespace
 * renders as one space (and no template has a `<pre>` or text in a `<textarea>`); in CSS
 * it goes around `{ } ; , >` and after a declaration's colon, and comments go. About
 * 0.7 kB gzip off the first load. Source maps keep the lines of these templates only
 * roughly (the transform reports no map of its own).
 */
function collapseTemplates(): Plugin {
  const collapse = {
    html: (raw: string) => raw.replace(/\s+/g, ' '),
    css: (raw: string) =>
      raw
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,>]) ?/g, '$1')
        .replace(/: /g, ':') // a declaration's; no selector has a space after its colon
        .replace(/;}/g, '}'),
  };
  type Quasi = {start: number; end: number; value: {raw: string}};
  type Tagged = {type: string; tag?: {name?: string}; quasi?: {quasis: Quasi[]}};
  return {
    name: 'quanda-collapse-templates',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const edits: {start: number; end: number; text: string}[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const {type, tag, quasi} = node as Tagged;
        const kind = tag?.name;
        if (type === 'TaggedTemplateExpression' && quasi && (kind === 'html' || kind === 'css')) {
          for (const part of quasi.quasis) {
            edits.push({start: part.start, end: part.end, text: collapse[kind](part.value.raw)});
          }
        }
        Object.values(node).forEach(visit);
      };
      visit(this.parse(code));
      let out = code;
      for (const {start, end, text} of edits.sort((a, b) => b.start - a.start)) {
        out = out.slice(0, start) + text + out.slice(end);
      }
      return {code: out, map: null};
    },
  };
}

/**
 * idb wires two optional extensions into its proxies as it loads: `db.get(store, key)`-style
 * shortcuts on the database, and async iteration over stores, indexes and cursors. Quanda
 * uses neither (its storage goes through transactions and stores: the `QuandaDatabase`
 * type offers nothing else), so the drop-in build leaves them out: about 0.4 kB gzip off
 * what a reader downloads to write an answer, and two traps fewer on every IndexedDB
 * call. The build fails if idb's file no longer looks the way this expects.
 */
function idbCore(): Plugin {
  const from = 'const readMethods = ';
  const to = 'export { deleteDB, openDB, unwrap, wrap };';
  return {
    name: 'quanda-idb-core',
    transform(code, id) {
      if (!/\/node_modules\/idb\/build\/index\.js$/.test(id)) return null;
      const start = code.indexOf(from);
      const end = code.indexOf(to);
      if (start < 0 || end < start)
        this.error('idb changed: check quanda-idb-core in vite.config.ts');
      return {code: code.slice(0, start) + code.slice(end), map: null};
    },
  };
}

/**
 * Beside each script of the drop-in build, its brotli (`.br`) and gzip (`.gz`) copies at
 * the strongest settings, made once here instead of on every request: the reference
 * server sends the one the browser accepts (site.ts). About a third of the bytes a
 * reader's first load crosses the network with.
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  let outDir = 'dist';
  return {
    name: 'quanda-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const scripts = Object.keys(bundle).filter((name) => name.endsWith('.js'));
      await Promise.all(
        scripts.map(async (name) => {
          const file = join(outDir, name);
          const source = await readFile(file);
          const size = source.length;
          await Promise.all([
            br(source, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: size,
              },
            }).then((data) => writeFile(`${file}.br`, data)),
            gz(source, {level: 9}).then((data) => writeFile(`${file}.gz`, data)),
          ]);
        }),
      );
    },
  };
}

/**
 * What loads after the first paint, by folder: each chunk named here is the folders (and
 * packages) listed for it, whatever their files are called. Nothing under these folders
 * may be imported statically by the first load.
 */
const LAZY_FOLDERS: Record<string, string[]> = {
  /** Writing an answer: the form, drafts, the outbox, sending, and IndexedDB. */
  write: ['src/write', 'src/components/answer-form', 'src/storage/idb', 'node_modules/idb'],
  /** Votes, comments, edits, removals and the best answer: what a reader does besides answering. */
  actions: ['src/actions', 'src/components/comment-form', 'src/components/edit-form'],
  /** The thread's copy on the device, and erasing everything: not needed to write. */
  device: ['src/storage/device'],
  /** The writing forms' Markdown toolbar and preview button. */
  editor: ['src/editor'],
};

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
    plugins: lib ? [] : [collapseTemplates(), idbCore(), precompress()],
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
        // The library imports every package by name, so an app's bundler resolves it once and
        // an update to a dependency (a DOMPurify fix, say) reaches Quanda too; only the
        // drop-in file bundles its dependencies.
        external: lib ? (id) => /^[^./\0]/.test(id) && !isAbsolute(id) : [],
        preserveEntrySignatures: 'allow-extension',
        output: lib
          ? {preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js'}
          : {
              minify: true,
              // The drop-in file is never bundled again, so the `@__PURE__` marks that tell a
              // bundler what it may drop serve no one there: about 0.1 kB gzip.
              comments: {annotation: false},
              chunkFileNames: 'chunks/[name]-[hash].js',
              // What loads later lives in its own folder, and each lazy folder is one
              // chunk: one request, and one gzip window instead of a dozen small ones.
              codeSplitting: {
                includeDependenciesRecursively: false,
                groups: Object.entries(LAZY_FOLDERS).map(([name, folders]) => ({
                  name,
                  test: (id: string) => folders.some((folder) => id.includes(`/${folder}/`)),
                })),
              },
            },
      },
    },
  };
});
