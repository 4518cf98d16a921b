// @ts-check
/**
 * Builds the drop-in file and measures what a reader downloads: every file's gzip and
 * brotli size, and the first load, that is, the entry plus every chunk it imports
 * statically (all fetched before the thread can paint, on a cold cache). Fails, with
 * the figures, when the first load is over its budget.
 *
 *   npm run size            build, print the table, enforce the budget
 *   npm run size -- --json  the same figures as JSON (for the benchmark table)
 */
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {build} from 'vite';

export const BUDGET = {firstLoad: 30_000};

const gzip = (/** @type {string} */ code) => gzipSync(code, {level: 9}).length;
const brotli = (/** @type {string} */ code) =>
  brotliCompressSync(code, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length;

/** @returns {Promise<{files: {file: string, raw: number, gzip: number, brotli: number, firstLoad: boolean}[], firstLoad: {gzip: number, brotli: number}}>} */
export async function measure() {
  const result = await build({logLevel: 'silent'});
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? r.output : [],
  );
  /** @type {Map<string, any>} */
  const chunks = new Map(outputs.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entry = [...chunks.values()].find((c) => c.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  const eager = new Set();
  const visit = (/** @type {string} */ name) => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  visit(entry.fileName);
  const files = [...chunks.values()].map((c) => ({
    file: c.fileName,
    raw: c.code.length,
    gzip: gzip(c.code),
    brotli: brotli(c.code),
    firstLoad: eager.has(c.fileName),
  }));
  const first = files.filter((f) => f.firstLoad);
  return {
    files,
    firstLoad: {
      gzip: first.reduce((sum, f) => sum + f.gzip, 0),
      brotli: first.reduce((sum, f) => sum + f.brotli, 0),
    },
  };
}

const kb = (/** @type {number} */ bytes) => (bytes / 1000).toFixed(2).padStart(7);

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(figures));
  } else {
    console.log('file                                   raw kB  gzip kB  brotli kB  first load');
    for (const f of figures.files.sort(
      (a, b) => Number(b.firstLoad) - Number(a.firstLoad) || b.gzip - a.gzip,
    )) {
      console.log(
        `${f.file.padEnd(36)} ${kb(f.raw)}  ${kb(f.gzip)}  ${kb(f.brotli)}    ${f.firstLoad ? 'yes' : 'lazy'}`,
      );
    }
    console.log(
      `first load: ${(figures.firstLoad.gzip / 1000).toFixed(2)} kB gzip, ${(figures.firstLoad.brotli / 1000).toFixed(2)} kB brotli ` +
        `(budget ${BUDGET.firstLoad / 1000} kB gzip)`,
    );
  }
  if (figures.firstLoad.gzip > BUDGET.firstLoad) {
    console.error(
      `✖ The first load is ${(figures.firstLoad.gzip / 1000).toFixed(2)} kB gzip, over the budget of ${BUDGET.firstLoad / 1000} kB.`,
    );
    process.exitCode = 1;
  }
}
