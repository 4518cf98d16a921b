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
 * `vite build` makes both builds of the drop-in file: when the main one (the drop-in file
 * and the board's chunks) is written, the threads build (`--mode threads`) follows into
 * the same folder. Measuring (`write: false`) builds each itself (test/size/size.mjs).
 */
function threadsBuild(): Plugin {
  let write = true;
  return {
    name: 'quanda-threads-build',
    apply: 'build',
    configResolved(config) {
      write = config.build.write;
    },
    async closeBundle() {
      // test/size/size.mjs makes each build itself.
      if (!write || process.env['QUANDA_SIZE_RUN']) return;
      const {build} = await import('vite');
      await build({mode: 'threads', logLevel: 'error'});
    },
  };
}

/**
 * The board's build only: what a board and a thread share (`core`, with the board's own
 * chunk beside it) and the thread's own code, loaded when a question opens in the board.
 * (A page with only a thread loads the threads build, where all of it is one file.) Each
 * chunk named here is the folders, packages and files listed for it.
 */
const SPLIT_FOLDERS: Record<string, string[]> = {
  /**
   * What every element draws with (Lit, the contract, the client, languages, the shared
   * parts and styles): one chunk, fetched beside the first element's own.
   */
  core: [
    'node_modules/lit/index.js',
    'node_modules/lit-html/lit-html.js',
    'node_modules/lit-element',
    'node_modules/@lit/reactive-element',
    'node_modules/@lit/context',
    'node_modules/zod',
    'src/api/jitless.ts',
    'src/api/api-error.ts',
    'src/api/schemas.ts',
    'src/api/client.ts',
    'src/api/http.ts',
    'src/i18n/localizer.ts',
    'src/i18n/describe-error.ts',
    'src/i18n/locales/en.ts',
    'src/components/shared/localized-element.ts',
    'src/components/shared/rich-text.styles.ts',
    'src/controllers/locale-controller.ts',
    'src/controllers/live-region-controller.ts',
    'src/controllers/store-controller.ts',
    'src/styles',
    'src/context',
    'src/events',
    'src/data/store.ts',
    'src/storage/names.ts',
    'src/storage/peek.ts',
    'src/storage/viewer-tokens.ts',
    'src/storage/keys.ts',
    'src/core.ts',
    'src/define-element.ts',
    'src/load-editor.ts',
    'src/lazy.ts',
    // The bundler's own helpers (lazy chunks' module objects): one file fewer to fetch.
    'rolldown/runtime.js',
  ],
  /** A thread: its elements and its data, loaded when `<quanda-thread>` is on the page. */
  thread: [
    'src/components/thread',
    'src/components/question',
    'src/components/answer',
    'src/components/vote',
    'src/components/comments',
    'src/components/shared',
    'src/sanitize/allow-list.ts',
    'src/sanitize/sanitize.ts',
    'node_modules/lit-html/directive.js',
    'node_modules/lit-html/directive-helpers.js',
    'node_modules/lit-html/directives',
    'node_modules/lit/directives',
    'src/data/thread-store.ts',
    'src/data/thread-view.ts',
    'src/controllers/load-controller.ts',
  ],
  /**
   * Answering in a question opened on a board: apart from the drafts and outbox (`write`)
   * that asking shares, so asking never downloads the answer form.
   */
  answer: ['src/components/answer-form', 'src/write/thread-writes.ts'],
};

/**
 * What loads after the first paint, in both builds of the drop-in file: each chunk named
 * here is the folders (and packages) listed for it.
 */
const LAZY_FOLDERS: Record<string, string[]> = {
  /** Asking on a board: the ask form and what sends it (drafts and the outbox are in `write`). */
  ask: ['src/components/ask-form', 'src/board/board-writes.ts'],
  /** A board: the list of a topic's questions, loaded when `<quanda-board>` is on the page. */
  board: [
    'src/drop-in/boards.ts',
    'src/components/board',
    'src/board',
    'src/api/board.ts',
    'src/data/board-store.ts',
  ],
  /** Writing an answer: the form, drafts, the outbox, sending, and IndexedDB. */
  write: ['src/write', 'src/components/answer-form', 'src/storage/idb', 'node_modules/idb'],
  /** Votes, comments, edits, removals and the best answer: what a reader does besides answering. */
  actions: ['src/actions', 'src/components/comment-form', 'src/components/edit-form'],
  /** The thread's copy on the device, and erasing everything: not needed to write. */
  device: ['src/storage/device'],
  /** The writing forms' Markdown toolbar and preview button. */
  editor: ['src/editor'],
  /** What tells search engines about the question shown (JSON-LD): after the first paint. */
  seo: ['src/seo'],
};

/**
 * `vite build`            → dist/quanda.js: the drop-in file, which loads what the page
 *                           holds: the board's chunks, or dist/quanda-threads.js (the
 *                           threads build, `--mode threads`, made right after).
 * `vite build --mode lib` → dist/lib/: the npm entries (`quanda`, `quanda/define`), one
 *                           module per source file, dependencies left to the app's bundler.
 */
export default defineConfig(({mode}) => {
  const lib = mode === 'lib';
  const threads = mode === 'threads';
  const groups = threads ? LAZY_FOLDERS : {...SPLIT_FOLDERS, ...LAZY_FOLDERS};
  return {
    publicDir: false,
    plugins: lib
      ? []
      : [collapseTemplates(), idbCore(), precompress(), ...(threads ? [] : [threadsBuild()])],
    build: {
      target: 'es2022',
      outDir: lib ? 'dist/lib' : 'dist',
      emptyOutDir: !threads,
      sourcemap: true,
      // Terser takes ~0.35 kB gzip more off the first load than the default minifier.
      minify: lib ? false : 'terser',
      terserOptions: {ecma: 2020, module: true, compress: {passes: 2}},
      reportCompressedSize: false,
      lib: lib
        ? {entry: {index: 'src/index.ts', define: 'src/define.ts'}, formats: ['es']}
        : threads
          ? {entry: 'src/drop-in/threads.ts', formats: ['es'], fileName: () => 'quanda-threads.js'}
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
                groups: Object.entries(groups).map(([name, folders]) => ({
                  name,
                  test: (id: string) =>
                    folders.some((folder) =>
                      /\.[jt]s$/.test(folder) ? id.endsWith(folder) : id.includes(`/${folder}/`),
                    ),
                })),
              },
            },
      },
    },
  };
});
