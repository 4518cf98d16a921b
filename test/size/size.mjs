// @ts-check
/**
 * Builds the drop-in file and measures what a reader downloads: every file's gzip and
 * brotli size, and three budgets.
 *
 * - The first load of a page with `<quanda-thread>`: the entry plus every chunk it imports
 *   statically, and the chunks of the thread's elements with theirs (the drop-in file
 *   loads an element when its tag is on the page: src/elements.ts). All of it is fetched
 *   before the thread can paint, on a cold cache.
 * - The first load of a page with `<quanda-board>`: the same, with the board's element.
 * - The answer load: everything a reader needs to write an answer. That is the thread's
 *   first load, plus the chunks of the answer form, of the code that sends it (the
 *   thread's write handling, the client's retries) and of the storage modules (drafts,
 *   outbox), with what they import statically; not what they load only for something
 *   else (other languages, the flag dialog), and not the Markdown preview (modules under
 *   src/markdown/), which loads only when asked for.
 * - The ask load: the same for asking on a board: the board's first load, the ask form,
 *   what sends it, drafts and the outbox.
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
  /** The elements a page with `<quanda-thread>` paints with. */
  thread: [
    'src/components/thread/thread.ts',
    'src/components/question/question.ts',
    'src/components/answer/answer.ts',
    'src/components/vote/vote.ts',
    'src/components/comments/comments.ts',
  ],
  board: ['src/components/board/board.ts', 'src/drop-in/boards.ts'],
  form: 'src/components/answer-form/answer-form.ts',
  askForm: 'src/components/ask-form/ask-form.ts',
  /** What sends a question: the board's write handling. */
  askWrites: ['src/board/board-writes.ts'],
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
 *   answerLoad: boolean, previewLoad: boolean, boardLoad?: boolean, askLoad?: boolean,
 *   moduleIds: string[], imports: string[], dynamicImports: string[], builds?: string[],
 * }} FileFigures
 *   One output chunk. `moduleIds` are relative to the project root (`src/…`,
 *   `node_modules/…`); `imports` and `dynamicImports` are the file names of other chunks;
 *   `builds`: which builds made it (`main`: the drop-in file and the board's chunks;
 *   `threads`: quanda-threads.js and its chunks), unknown for a made-up graph.
 * @typedef {{gzip: number, brotli: number, files: string[]}} LoadFigures
 * @typedef {{
 *   files: FileFigures[], firstLoad: LoadFigures, answerLoad: LoadFigures | null,
 *   previewLoad: LoadFigures | null, boardLoad: LoadFigures | null, askLoad: LoadFigures | null,
 * }} SizeFigures
 *   `firstLoad` is a thread page's; `answerLoad` is null while the answer form is not in
 *   the build, `previewLoad` while the preview is not, `boardLoad` and `askLoad` while the
 *   board and its form are not.
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
  process.env.QUANDA_SIZE_RUN = '1';
  // The drop-in file with the board's chunks, then the threads build beside it.
  const main = await build({logLevel: 'silent', build: {write}});
  const threads = await build({mode: 'threads', logLevel: 'silent', build: {write}});
  /** @type {Map<string, FileFigures>} */
  const files = new Map();
  const entry = collect(files, 'main', main);
  collect(files, 'threads', threads);
  if (!entry) throw new Error('the build has no entry chunk');
  return loads([...files.values()], entry);
}

/**
 * Measures one build's chunks into `files`; returns its entry's file name. The same name
 * is the same content (names carry a hash): a chunk both builds make is measured once.
 * @param {Map<string, FileFigures>} files
 * @param {string} name
 * @param {Awaited<ReturnType<typeof build>>} result
 */
function collect(files, name, result) {
  let entry = '';
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output : [],
  );
  for (const chunk of outputs) {
    if (chunk.type !== 'chunk') continue;
    if (chunk.isEntry) entry = chunk.fileName;
    const known = files.get(chunk.fileName);
    if (known) known.builds?.push(name);
    else {
      files.set(chunk.fileName, {
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
        builds: [name],
      });
    }
  }
  return entry;
}

/**
 * The chunks reached from `from` along `edges`, never through a chunk `skip` refuses.
 * @param {Map<string, FileFigures>} byName
 * @param {string[]} from
 * @param {(f: FileFigures) => string[]} edges
 * @param {(f: FileFigures) => boolean} [skip]
 */
function reach(byName, from, edges, skip = () => false) {
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
}

/** @param {FileFigures} f */
const staticImports = (f) => f.imports;

/**
 * A chunk made only of Markdown-preview code (plus the libraries it pulled in) is not
 * needed to write, and nor is anything reached only through it. A chunk that mixes
 * preview code with other code is counted: the reader downloads it either way.
 * @param {string} excluded
 */
const previewOnly = (excluded) => (/** @type {FileFigures} */ f) => {
  const own = f.moduleIds.filter((id) => id.startsWith('src/'));
  return own.length > 0 && own.every((id) => id.startsWith(excluded));
};

/**
 * Works out the loads over a set of measured chunks. Pure, so the budget logic can be
 * tested on a made-up chunk graph as well as on the real build.
 * @param {FileFigures[]} files
 * @param {string} entry  file name of the entry chunk
 * @param {typeof ANSWER_MODULES} modules
 * @param {string} threadsEntry  the threads build's file, which the drop-in file loads by URL
 * @returns {SizeFigures}
 */
export function loads(files, entry, modules = ANSWER_MODULES, threadsEntry = 'quanda-threads.js') {
  const graph = {files, byName: new Map(files.map((f) => [f.file, f]))};
  const eager = reach(graph.byName, [entry], staticImports);
  const thread =
    pageLoad(graph, eager, [threadsEntry]) ?? pageLoad(graph, eager, modules.thread) ?? eager;
  const board = pageLoad(graph, eager, modules.board);
  const answer = writingLoad(graph, thread, modules, 'threads', modules.form, modules.writes);
  const ask = writingLoad(graph, board, modules, 'main', modules.askForm, modules.askWrites);
  const preview = previewLoad(graph, answer ?? thread, modules.preview);
  mark(files, {
    firstLoad: thread,
    answerLoad: answer,
    previewLoad: preview,
    boardLoad: board,
    askLoad: ask,
  });
  return {
    files,
    firstLoad: total(files, thread),
    answerLoad: answer && total(files, answer),
    previewLoad: preview && total(files, preview),
    boardLoad: board && total(files, board),
    askLoad: ask && total(files, ask),
  };
}

/**
 * @typedef {{files: FileFigures[], byName: Map<string, FileFigures>}} Graph
 */

/**
 * Marks each chunk with the loads that hold it.
 * @param {FileFigures[]} files
 * @param {Record<'firstLoad' | 'answerLoad' | 'previewLoad' | 'boardLoad' | 'askLoad', Set<string> | null>} sets
 */
function mark(files, sets) {
  for (const f of files) {
    for (const [load, names] of Object.entries(sets)) {
      f[/** @type {keyof typeof sets} */ (load)] = !!names?.has(f.file);
    }
  }
}

/**
 * A page's first load: the entry's closure, and the chunks named (or holding any of the
 * modules named) with theirs; null when no chunk is.
 * @param {Graph} graph
 * @param {Set<string>} eager
 * @param {string[]} [names]
 */
function pageLoad({files, byName}, eager, names = []) {
  const own = files.filter(
    (f) => names.includes(f.file) || f.moduleIds.some((id) => names.includes(id)),
  );
  if (!own.length) return null;
  return new Set([
    ...eager,
    ...reach(
      byName,
      own.map((f) => f.file),
      staticImports,
    ),
  ]);
}

/**
 * A page's load, plus a form's chunks and what sends it (in the same build), with what
 * they import statically; null when the form is not in the build.
 * @param {Graph} graph
 * @param {Set<string> | null} base
 * @param {typeof ANSWER_MODULES} modules
 * @param {string} build
 * @param {string} [form]
 * @param {string[]} [sending]
 */
function writingLoad({files, byName}, base, modules, build, form = '', sending = []) {
  // A made-up graph has no builds: all of its chunks count.
  const own = files.filter((f) => !f.builds || f.builds.includes(build));
  const formChunks = own.filter((f) => f.moduleIds.includes(form));
  if (!base || !formChunks.length) return null;
  const sendingChunks = own.filter((f) =>
    f.moduleIds.some((id) => modules.storage.includes(id) || sending.includes(id)),
  );
  // What those import statically comes with them; what they import dynamically loads
  // only for something else (another language, the flag dialog, the Markdown preview).
  const chunks = [...formChunks, ...sendingChunks].map((f) => f.file);
  return new Set([...base, ...reach(byName, chunks, staticImports, previewOnly(modules.excluded))]);
}

/**
 * What pressing Preview downloads: the preview's chunks (in the threads build) and what they
 * import statically, less what the reader has already (`before`: the answer load); null
 * when the preview is not in the build.
 * @param {Graph} graph
 * @param {Set<string>} before
 * @param {string} preview
 */
function previewLoad({files, byName}, before, preview) {
  const chunks = files.filter(
    (f) => (!f.builds || f.builds.includes('threads')) && f.moduleIds.includes(preview),
  );
  if (!chunks.length) return null;
  const reached = reach(
    byName,
    chunks.map((f) => f.file),
    staticImports,
  );
  return new Set([...reached].filter((name) => !before.has(name)));
}

/**
 * The figures of the chunks named.
 * @param {FileFigures[]} files
 * @param {Set<string>} names
 * @returns {LoadFigures}
 */
function total(files, names) {
  const chosen = files.filter((f) => names.has(f.file));
  return {
    gzip: chosen.reduce((sum, f) => sum + f.gzip, 0),
    brotli: chosen.reduce((sum, f) => sum + f.brotli, 0),
    files: chosen.map((f) => f.file),
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
  const {firstLoad, answerLoad, previewLoad, boardLoad, askLoad} = figures;
  /** One load against its budget: a line for the report, and a failure when over. */
  const check = (
    /** @type {string} */ name,
    /** @type {LoadFigures | null} */ load,
    /** @type {number} */ limit,
    /** @type {string} */ what,
  ) => {
    if (!load) return;
    lines.push(
      `${name}: ${kB(load.gzip)} gzip, ${kB(load.brotli)} brotli (budget ${kB(limit)} gzip; ${what})`,
    );
    if (load.gzip > limit) {
      failures.push(
        `${name} is ${kB(load.gzip)} gzip, over the budget of ${kB(limit)} (files: ${load.files.join(', ')}).`,
      );
    }
  };
  lines.push(
    `first load: ${kB(firstLoad.gzip)} gzip, ${kB(firstLoad.brotli)} brotli (budget ${kB(budget.firstLoad)} gzip; a page with <quanda-thread>)`,
  );
  if (firstLoad.gzip > budget.firstLoad) {
    failures.push(
      `The first load is ${kB(firstLoad.gzip)} gzip, over the budget of ${kB(budget.firstLoad)}.`,
    );
  }
  check('board first load', boardLoad, budget.firstLoad, 'a page with <quanda-board>');
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
  check(
    'ask load',
    askLoad,
    budget.answerLoad,
    `board first load + ${modules.askForm}, the write handling, drafts and the outbox`,
  );
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
      f.firstLoad && f.boardLoad
        ? 3
        : f.firstLoad || f.boardLoad
          ? 2
          : f.answerLoad || f.askLoad
            ? 1
            : f.previewLoad
              ? 0.5
              : 0;
    for (const f of figures.files.sort((a, b) => rank(b) - rank(a) || b.gzip - a.gzip)) {
      const when =
        f.firstLoad && f.boardLoad
          ? 'first load'
          : f.firstLoad
            ? 'thread page'
            : f.boardLoad
              ? 'board page'
              : f.answerLoad || f.askLoad
                ? 'to write'
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
