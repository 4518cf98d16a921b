// @ts-check
/**
 * Builds the drop-in file and measures what a reader downloads: every file's gzip and
 * brotli size, and three budgets.
 *
 * - The first load: the entry plus every chunk it imports statically (all fetched before
 *   the thread can paint, on a cold cache).
 * - The answer load: everything a reader needs to write an answer. That is the first load,
 *   plus the chunks of the answer form, of the code that sends it (the thread's write
 *   handling, the client's retries) and of the storage modules (drafts, outbox), with what
 *   they import statically; not what they load only for something else (other languages,
 *   the flag dialog), and not the Markdown preview (modules under src/markdown/), which
 *   loads only when asked for.
 * - The preview load: what pressing Preview downloads on top of the answer load, that is
 *   the chunks of src/markdown/preview.ts and what they import statically. Not the
 *   DOMPurify fallback, which a browser without the Sanitizer API has already loaded to
 *   show the thread.
 *
 * Chunks are told apart by the module ids the bundler reports (`moduleIds`,
 * `facadeModuleId`), never by file names, which change with every hash and every
 * `manualChunks` tweak. Fails, with the figures, when a load is over its budget.
 *
 *   npm run size            build, print the table, enforce the budgets
 *   npm run size -- --json  the same figures as JSON (for the benchmark table)
 */
import {relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {build} from 'vite';

export const BUDGET = {firstLoad: 30_000, answerLoad: 40_000, previewLoad: 20_000};

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the answer budget is about, as module ids relative to the project root. */
export const ANSWER_MODULES = {
  form: 'src/components/answer-form/answer-form.ts',
  /** What sends it: the thread's write handling and the client's retries. */
  writes: ['src/write/thread-writes.ts', 'src/write/rest-writes.ts'],
  /** What keeps drafts and the outbox on the device. */
  storage: [
    'src/storage/idb/local-store.ts',
    'src/storage/idb/database.ts',
    'src/storage/idb/outbox.ts',
  ],
  excluded: 'src/markdown/',
  /** What pressing Preview loads. */
  preview: 'src/markdown/preview.ts',
};

/**
 * @typedef {{
 *   file: string, raw: number, gzip: number, brotli: number, firstLoad: boolean,
 *   answerLoad: boolean, previewLoad: boolean, moduleIds: string[], imports: string[],
 *   dynamicImports: string[],
 * }} FileFigures
 *   One output chunk. `moduleIds` are relative to the project root (`src/…`,
 *   `node_modules/…`); `imports` and `dynamicImports` are the file names of other chunks.
 * @typedef {{gzip: number, brotli: number, files: string[]}} LoadFigures
 * @typedef {{
 *   files: FileFigures[], firstLoad: LoadFigures, answerLoad: LoadFigures | null,
 *   previewLoad: LoadFigures | null,
 * }} SizeFigures
 *   `answerLoad` is null while the answer form is not in the build, `previewLoad` while
 *   the preview is not.
 */

const gzip = (/** @type {string} */ code) => gzipSync(code, {level: 9}).length;
const brotli = (/** @type {string} */ code) =>
  brotliCompressSync(code, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length;

/** `src/x.ts` for an absolute id; virtual modules (`\0vite/…`) keep their id. */
const moduleId = (/** @type {string} */ id) =>
  id.startsWith(ROOT) ? relative(ROOT, id).split(sep).join('/') : id;

/**
 * Builds (into dist/ unless `write` is false) and measures every chunk.
 * @param {{write?: boolean}} options
 * @returns {Promise<SizeFigures>}
 */
export async function measure({write = true} = {}) {
  const result = await build({logLevel: 'silent', build: {write}});
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output : [],
  );
  /** @type {FileFigures[]} */
  const files = [];
  let entry = '';
  for (const chunk of outputs) {
    if (chunk.type !== 'chunk') continue;
    if (chunk.isEntry) entry = chunk.fileName;
    files.push({
      file: chunk.fileName,
      raw: chunk.code.length,
      gzip: gzip(chunk.code),
      brotli: brotli(chunk.code),
      firstLoad: false,
      answerLoad: false,
      previewLoad: false,
      moduleIds: chunk.moduleIds.map(moduleId),
      imports: chunk.imports,
      dynamicImports: chunk.dynamicImports,
    });
  }
  if (!entry) throw new Error('the build has no entry chunk');
  return loads(files, entry);
}

/**
 * Works out the three loads over a set of measured chunks. Pure, so the budget logic can be
 * tested on a made-up chunk graph as well as on the real build.
 * @param {FileFigures[]} files
 * @param {string} entry  file name of the entry chunk
 * @param {typeof ANSWER_MODULES} modules
 * @returns {SizeFigures}
 */
export function loads(files, entry, modules = ANSWER_MODULES) {
  const byName = new Map(files.map((f) => [f.file, f]));
  /**
   * @param {string[]} from
   * @param {(f: FileFigures) => string[]} edges
   * @param {(f: FileFigures) => boolean} [skip]
   */
  const reach = (from, edges, skip = () => false) => {
    /** @type {Set<string>} */
    const seen = new Set();
    const visit = (/** @type {string} */ name) => {
      const file = byName.get(name);
      if (!file || seen.has(name) || skip(file)) return;
      seen.add(name);
      for (const next of edges(file)) visit(next);
    };
    from.forEach(visit);
    return seen;
  };

  const eager = reach([entry], (f) => f.imports);
  // A chunk made only of Markdown-preview code (plus the libraries it pulled in) is not
  // needed to write an answer, and nor is anything reached only through it. A chunk that
  // mixes preview code with other code is counted: the reader downloads it either way.
  const isPreview = (/** @type {FileFigures} */ f) => {
    const own = f.moduleIds.filter((id) => id.startsWith('src/'));
    return own.length > 0 && own.every((id) => id.startsWith(modules.excluded));
  };
  const formChunks = files.filter((f) => f.moduleIds.includes(modules.form));
  const sendingChunks = files.filter((f) =>
    f.moduleIds.some((id) => modules.storage.includes(id) || (modules.writes ?? []).includes(id)),
  );
  // What those import statically comes with them; what they import dynamically loads only
  // for something else (another language, the flag dialog, the Markdown preview).
  const answer = formChunks.length
    ? new Set([
        ...eager,
        ...reach(
          [...formChunks, ...sendingChunks].map((f) => f.file),
          (f) => f.imports,
          isPreview,
        ),
      ])
    : null;

  // Pressing Preview downloads the preview's chunks and what they import statically, less
  // what the reader has already: the answer load (or the first load, without a form).
  const before = answer ?? eager;
  const previewChunks = files.filter((f) => f.moduleIds.includes(modules.preview));
  const preview = previewChunks.length
    ? new Set(
        [
          ...reach(
            previewChunks.map((f) => f.file),
            (f) => f.imports,
          ),
        ].filter((name) => !before.has(name)),
      )
    : null;

  return totals(files, eager, answer, preview);
}

/**
 * Marks each chunk with the loads it is in, and adds each load up (null for a load whose
 * starting module is not in the build).
 * @param {FileFigures[]} files
 * @param {Set<string>} eager
 * @param {Set<string> | null} answer
 * @param {Set<string> | null} preview
 * @returns {SizeFigures}
 */
function totals(files, eager, answer, preview) {
  for (const f of files) {
    f.firstLoad = eager.has(f.file);
    f.answerLoad = answer?.has(f.file) ?? false;
    f.previewLoad = preview?.has(f.file) ?? false;
  }
  const total = (/** @type {Set<string>} */ names) => {
    const chosen = files.filter((f) => names.has(f.file));
    return {
      gzip: chosen.reduce((sum, f) => sum + f.gzip, 0),
      brotli: chosen.reduce((sum, f) => sum + f.brotli, 0),
      files: chosen.map((f) => f.file),
    };
  };
  return {
    files,
    firstLoad: total(eager),
    answerLoad: answer && total(answer),
    previewLoad: preview && total(preview),
  };
}

const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(2)} kB`;

/**
 * The budget verdicts: one line per load for the report, and the failures (empty when
 * every load is within its budget).
 * @param {SizeFigures} figures
 * @param {typeof BUDGET} budget
 * @param {typeof ANSWER_MODULES} modules
 */
export function checkBudgets(figures, budget = BUDGET, modules = ANSWER_MODULES) {
  const lines = [];
  const failures = [];
  const {firstLoad, answerLoad, previewLoad} = figures;
  lines.push(
    `first load: ${kB(firstLoad.gzip)} gzip, ${kB(firstLoad.brotli)} brotli (budget ${kB(budget.firstLoad)} gzip)`,
  );
  if (firstLoad.gzip > budget.firstLoad) {
    failures.push(
      `The first load is ${kB(firstLoad.gzip)} gzip, over the budget of ${kB(budget.firstLoad)}.`,
    );
  }
  if (!answerLoad) {
    lines.push(
      `answer load: the answer form is not in the build yet (no chunk holds ${modules.form}); its budget is ${kB(budget.answerLoad)} gzip`,
    );
  } else {
    lines.push(
      `answer load: ${kB(answerLoad.gzip)} gzip, ${kB(answerLoad.brotli)} brotli (budget ${kB(budget.answerLoad)} gzip; ` +
        `first load + ${modules.form}, the write handling, drafts and the outbox, without ${modules.excluded})`,
    );
    if (answerLoad.gzip > budget.answerLoad) {
      failures.push(
        `Everything a reader needs to write an answer is ${kB(answerLoad.gzip)} gzip, over the budget of ${kB(budget.answerLoad)} ` +
          `(files: ${answerLoad.files.join(', ')}).`,
      );
    }
  }
  if (!previewLoad) {
    failures.push(`No chunk holds ${modules.preview}: the preview budget cannot be checked.`);
  } else {
    lines.push(
      `preview load: ${kB(previewLoad.gzip)} gzip, ${kB(previewLoad.brotli)} brotli (budget ${kB(budget.previewLoad)} gzip; ` +
        `what pressing Preview downloads: ${modules.preview} and its static imports, less the answer load)`,
    );
    if (previewLoad.gzip > budget.previewLoad) {
      failures.push(
        `Pressing Preview downloads ${kB(previewLoad.gzip)} gzip, over the budget of ${kB(budget.previewLoad)} ` +
          `(files: ${previewLoad.files.join(', ')}).`,
      );
    }
  }
  return {lines, failures};
}

const col = (/** @type {number} */ bytes) => (bytes / 1000).toFixed(2).padStart(7);

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measure();
  const {lines, failures} = checkBudgets(figures);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(figures));
  } else {
    console.log('file                                   raw kB  gzip kB  brotli kB  loaded');
    const rank = (/** @type {FileFigures} */ f) =>
      f.firstLoad ? 3 : f.answerLoad ? 2 : f.previewLoad ? 1 : 0;
    for (const f of figures.files.sort((a, b) => rank(b) - rank(a) || b.gzip - a.gzip)) {
      const when = f.firstLoad
        ? 'first load'
        : f.answerLoad
          ? 'to answer'
          : f.previewLoad
            ? 'on Preview'
            : 'lazy';
      console.log(
        `${f.file.padEnd(36)} ${col(f.raw)}  ${col(f.gzip)}  ${col(f.brotli)}    ${when}`,
      );
    }
    for (const line of lines) console.log(line);
  }
  for (const failure of failures) console.error(`✖ ${failure}`);
  if (failures.length) process.exitCode = 1;
}
