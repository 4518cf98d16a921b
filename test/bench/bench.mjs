// @ts-check
/**
 * `npm run bench`: builds the drop-in file and measures Quanda against a baseline taken in
 * the same run on the same machine, then prints one table (Markdown, so it can go straight
 * into docs/benchmarks.md). Every figure is a ratio to its baseline or a size: wall-clock
 * times on shared machines vary run to run, their ratios much less.
 *
 *   npm run bench                          everything (a few minutes)
 *   npm run bench -- --only=size,render    some of: size, render, typing, page, offline, server, markdown, mail
 *   npm run bench -- --quick               fewer rounds, shorter loads: a smoke test
 *   npm run bench -- --write-docs          also replace the table in docs/benchmarks.md
 *
 * With `--only`, `--write-docs` replaces only the rows of the parts measured and adds the
 * run's "Measured on" line; the other rows, and the lines saying where they were
 * measured, stay.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {checkBudgets, measure} from '../size/size.mjs';
import {CHROME, launchChromium} from './browser.mjs';
import {benchCachedPaint, benchCrash} from './offline.mjs';
import {benchPage} from './page.mjs';
import {benchRender} from './render.mjs';
import {benchMarkdown} from './markdown.mjs';
import {benchMail} from './mail.mjs';
import {benchServer} from './server.mjs';
import {benchTyping} from './typing.mjs';
import {startServer} from '../support/quanda-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PARTS = ['size', 'render', 'typing', 'page', 'offline', 'server', 'markdown', 'mail'];

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const quick = args.includes('--quick');
const want = (/** @type {string} */ part) => !only || only.includes(part);
for (const part of only ?? []) {
  if (!PARTS.includes(part)) throw new Error(`--only: "${part}" is not one of ${PARTS.join(', ')}`);
}

const started = performance.now();
const log = (/** @type {string} */ line) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** @typedef {[what: string, quanda: string, baseline: string, ratio: string, goal: string]} Row */
/** @type {Row[]} */
const rows = [];

// A chunk's content hash changes with every build: the table names the chunk without it.
const unhashed = (/** @type {string} */ file) =>
  file.replace(/^(chunks\/.+)-[\w-]{8}\.js$/, '$1.js');
const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const ms = (/** @type {number} */ value) =>
  `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;
// A heap that shrank across a render is the collector's noise (the baseline allocates
// almost nothing in JS): shown as 0.
const heap = (/** @type {number} */ bytes) => kB(Math.max(0, bytes));
const count = (/** @type {number} */ n) => Math.round(n).toLocaleString('en');
const times = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(2)}×`;
const percent = (/** @type {number} */ a, /** @type {number} */ b) =>
  `${Math.round((a / b) * 100)}%`;
const verdict = (/** @type {boolean} */ met, /** @type {string} */ goal) =>
  `${goal} ${met ? '✓' : '✗'}`;

// --- size (also builds dist/, which the other parts load) ---------------------------------
log('size: building dist/quanda.js');
const size = await measure();
if (want('size')) {
  const {failures} = checkBudgets(size);
  for (const f of size.files) {
    const kind = f.firstLoad
      ? 'drop-in, first load'
      : f.answerLoad
        ? 'lazy, to answer'
        : f.previewLoad
          ? 'lazy, on Preview'
          : 'lazy';
    rows.push([
      `size: ${unhashed(f.file)} (${kind}), gzip / brotli`,
      `${kB(f.gzip)} / ${kB(f.brotli)}`,
      '',
      '',
      '',
    ]);
  }
  rows.push([
    'size: first load, gzip',
    kB(size.firstLoad.gzip),
    '',
    '',
    verdict(size.firstLoad.gzip <= 30_000, '≤ 30 kB'),
  ]);
  rows.push([
    'size: everything needed to write an answer, gzip',
    size.answerLoad ? kB(size.answerLoad.gzip) : 'n/a (answer form not in the build yet)',
    '',
    '',
    size.answerLoad ? verdict(size.answerLoad.gzip <= 40_000, '≤ 40 kB') : '≤ 40 kB',
  ]);
  rows.push([
    'size: what pressing Preview downloads, gzip',
    size.previewLoad ? kB(size.previewLoad.gzip) : 'n/a (no preview in the build)',
    '',
    '',
    verdict(!!size.previewLoad && size.previewLoad.gzip <= 20_000, '≤ 20 kB'),
  ]);
  for (const failure of failures) log(`size: ✖ ${failure}`);
}

// --- browser parts -------------------------------------------------------------------------
/** @type {string} */
let chromium = '';
if (want('render')) {
  const browser = await launchChromium();
  chromium = await browser.version();
  try {
    for (const r of await benchRender({browser, iterations: quick ? 3 : 7, log})) {
      const shown = r.shown === r.answers ? '' : `, ${r.shown} shown`;
      rows.push([
        `render: ${r.name}${shown} → painted`,
        ms(r.quanda.ms),
        ms(r.baseline.ms),
        times(r.quanda.ms, r.baseline.ms),
        r.name === '200 answers, all on one page'
          ? verdict(r.quanda.ms <= 2 * r.baseline.ms, '≤ 2×')
          : '',
      ]);
      rows.push([
        `render: ${r.name}, DOM nodes (shadow roots included) / JS heap / DOM heap added`,
        `${count(r.quanda.nodes)} / ${heap(r.quanda.js)} / ${heap(r.quanda.dom)}`,
        `${count(r.baseline.nodes)} / ${heap(r.baseline.js)} / ${heap(r.baseline.dom)}`,
        times(r.quanda.nodes, r.baseline.nodes),
        '',
      ]);
    }
  } finally {
    await browser.close();
  }
}
if (want('typing') || want('page') || want('offline')) {
  const browser = await launchChromium();
  chromium = await browser.version();
  try {
    log('starting the reference server with the demo thread');
    const server = await startServer({seed: true});
    try {
      if (want('typing')) {
        const typing = await benchTyping({browser, url: `${server.url}/`, log});
        const q = typing.quanda;
        rows.push([
          'typing: longest main-thread task, answer form (autosave on) vs plain textarea',
          typeof q === 'string' ? q : ms(q.longest),
          ms(typing.baseline.longest),
          typeof q === 'string' ? '' : times(q.longest, typing.baseline.longest),
          typeof q === 'string' ? '< 50 ms' : verdict(q.longest < 50, '< 50 ms'),
        ]);
      }
      if (want('offline')) {
        const paint = await benchCachedPaint({
          browser,
          url: `${server.url}/`,
          runs: quick ? 2 : 5,
          log,
        });
        rows.push([
          `offline: navigation → demo thread painted, from the device's copy vs from the network (${paint.rtt} ms round trip, median of ${paint.runs})`,
          ms(paint.cache),
          ms(paint.network),
          times(paint.cache, paint.network),
          verdict(paint.cache < paint.network, 'faster'),
        ]);
        const crash = await benchCrash({
          browser,
          url: `${server.url}/`,
          trials: quick ? 2 : 5,
          log,
        });
        const worst = Math.max(...crash.lost);
        rows.push([
          `offline: renderer killed mid-typing (a key every ${crash.delay} ms), characters lost per trial`,
          `${crash.lost.join(', ')} (at most ≈ ${worst * crash.delay} ms of typing)`,
          '',
          '',
          verdict(worst * crash.delay <= 1000, '< 1 s of typing'),
        ]);
      }
      if (want('page')) {
        const page = await benchPage({browser, url: server.url, runs: quick ? 1 : 3, log});
        const runs = `median of ${page.runs}`;
        rows.push([
          `page: Lighthouse performance score, demo page with vs without the widget (${runs})`,
          String(page.quanda.score),
          String(page.baseline.score),
          '',
          '',
        ]);
        rows.push([
          'page: Total Blocking Time',
          ms(page.quanda.tbt),
          ms(page.baseline.tbt),
          '',
          '',
        ]);
        rows.push([
          'page: Largest Contentful Paint',
          ms(page.quanda.lcp),
          ms(page.baseline.lcp),
          times(page.quanda.lcp, page.baseline.lcp),
          '',
        ]);
        rows.push([
          'page: bytes on the wire for the whole load, compressed as served',
          kB(page.quanda.bytes),
          kB(page.baseline.bytes),
          `+${kB(page.quanda.bytes - page.baseline.bytes)}`,
          '',
        ]);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await browser.close();
  }
}

// --- server --------------------------------------------------------------------------------
if (want('server')) {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-bench-'));
  try {
    const pg = process.env['QUANDA_TEST_PG'];
    if (!pg) log('server: the PostgreSQL rows need QUANDA_TEST_PG=postgres://…; not run');
    const {rows: server} = await benchServer({
      dir,
      pg,
      duration: quick ? 2 : 5,
      rounds: quick ? 1 : 3,
      warmup: quick ? 1 : 2,
      log,
    });
    for (const r of server) {
      const q = r.quanda;
      const b = r.baseline;
      const note = r.note ? ` (${r.note})` : '';
      rows.push([
        `server: ${r.name}, requests/s${note}`,
        typeof q === 'string' ? q : count(q.rps),
        count(b.rps),
        typeof q === 'string' ? '' : percent(q.rps, b.rps),
        typeof q === 'string' ? '≥ 70%' : verdict(q.rps >= 0.7 * b.rps, '≥ 70%'),
      ]);
      rows.push([
        `server: ${r.name}, p50 / p99`,
        typeof q === 'string' ? '' : `${ms(q.p50)} / ${ms(q.p99)}`,
        `${ms(b.p50)} / ${ms(b.p99)}`,
        '',
        '',
      ]);
      rows.push([`server: ${r.name}, SQL statements a request`, count(r.statements), '', '', '']);
      for (const [side, load] of /** @type {const} */ ([
        ['Quanda', q],
        ['baseline', b],
      ])) {
        if (typeof load !== 'string' && load.failed) {
          log(
            `server: ${side} had ${load.failed} failed requests in "${r.name}": ${load.statuses}`,
          );
        }
      }
    }
    const slow = [...new Set(server.flatMap((r) => r.slow))];
    rows.push([
      'server: query plans of all the SQL above (EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN)',
      slow.length ? slow.join('; ') : 'index lookups and ranges only',
      '',
      '',
      verdict(!slow.length, 'no scan, no temp sort'),
    ]);
    // Flatness: the same 1,000-answer thread, alone in its database and among 200,000 answers.
    const [alone, among] = server;
    if (alone && among && typeof alone.quanda !== 'string' && typeof among.quanda !== 'string') {
      rows.push([
        'server: p99 of the 1,000-answer thread, alone → among 200,000 answers',
        `${ms(alone.quanda.p99)} → ${ms(among.quanda.p99)}`,
        `${ms(alone.baseline.p99)} → ${ms(among.baseline.p99)}`,
        times(among.quanda.p99, alone.quanda.p99),
        verdict(among.quanda.p99 <= 1.5 * alone.quanda.p99, 'flat (≤ 1.5×)'),
      ]);
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

// --- markdown: rendering a post on the server, worst inputs -------------------------------
if (want('markdown')) {
  const {baseline, rows: shapes} = benchMarkdown({quick, log});
  const both = (/** @type {{ms: number, median: number}} */ t) =>
    `${ms(t.ms)} (median ${ms(t.median)})`;
  for (const shape of shapes) {
    rows.push([
      `markdown: render and sanitize 12,000 characters of ${shape.name}, fastest (median) vs ordinary prose`,
      `${both(shape)}${shape.refused ? `, refused: ${shape.refused}` : ''}`,
      both(baseline),
      times(shape.ms, baseline.ms),
      verdict(shape.ms < 100, '< 100 ms'),
    ]);
  }
  const worst = shapes.reduce((a, b) => (b.ms > a.ms ? b : a));
  rows.push([
    `markdown: the worst input found (${worst.name})`,
    both(worst),
    both(baseline),
    times(worst.ms, baseline.ms),
    verdict(worst.ms < 100, '< 100 ms'),
  ]);
}

// --- mail: the sender's rate, and write → mail accepted -----------------------------------
if (want('mail')) {
  const mail = await benchMail({quick, log});
  rows.push([
    `mail: mails/s the sender sustains (${mail.count} notifications, one per address) vs nodemailer sending ready-made mails`,
    `${count(mail.quandaRate)}/s`,
    `${count(mail.baseRate)}/s`,
    percent(mail.quandaRate, mail.baseRate),
    verdict(mail.quandaRate >= 0.25 * mail.baseRate, '≥ 25%'),
  ]);
  rows.push([
    `mail: a write to its mail accepted by the SMTP server, p50 / p99 (${mail.writes} writes, sender loop running)`,
    `${ms(mail.p50)} / ${ms(mail.p99)}`,
    '',
    '',
    verdict(mail.p99 < 5000, 'p99 < 5 s'),
  ]);
}

// --- report --------------------------------------------------------------------------------
const seconds = (performance.now() - started) / 1000;
if (!chromium) {
  try {
    chromium = execFileSync(CHROME, ['--version'], {encoding: 'utf8', stdio: 'pipe'}).trim();
  } catch {
    chromium = 'no Chromium';
  }
}
const cpu = cpus();
/** The commit measured, with `+` when the work tree had changes. */
const commit = () => {
  try {
    const git = (/** @type {string[]} */ a) =>
      execFileSync('git', a, {cwd: ROOT, encoding: 'utf8', stdio: 'pipe'}).trim();
    return `commit ${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain']) ? '+' : ''}`;
  } catch {
    return 'no git';
  }
};
const machine =
  `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${chromium}; ` +
  `${new Date().toISOString().slice(0, 10)}, ${commit()}; the bench took ${Math.round(seconds)} s` +
  (quick ? ' (--quick)' : '') +
  (only ? ` (--only=${only.join(',')})` : '');

const header = ['measure', 'Quanda', 'baseline', 'Quanda ÷ baseline', 'goal'];
const line = (/** @type {string[]} */ cells) => `| ${cells.join(' | ')} |`;
const table = (/** @type {string[]} */ body) =>
  [line(header), line(header.map(() => '---')), ...body].join('\n');
const measuredOn = `Measured on: ${machine}.`;
console.log(`${table(rows.map(line))}\n\n${measuredOn}`);

/**
 * The table for docs/benchmarks.md: this run's rows, and with `--only` the page's rows of
 * the parts not measured, in the parts' order, with every "Measured on" line.
 * @param {string} old  what the page holds between its markers
 */
const docsReport = (old) => {
  if (!only) return `${table(rows.map(line))}\n\n${measuredOn}`;
  const partOf = (/** @type {string} */ row) => /^\|\s*(\w+):/.exec(row)?.[1] ?? '';
  const oldRows = old.split('\n').filter((row) => PARTS.includes(partOf(row)));
  const body = PARTS.flatMap((part) =>
    only.includes(part)
      ? rows.filter(([what]) => what.startsWith(`${part}:`)).map(line)
      : oldRows.filter((row) => partOf(row) === part),
  );
  // A line of an earlier `--only` run that this run measured again in full goes.
  const remeasured = (/** @type {string} */ row) =>
    /\(--only=([\w,]+)\)/
      .exec(row)?.[1]
      .split(',')
      .every((part) => only.includes(part)) ?? false;
  const earlier = old
    .split('\n')
    .filter((row) => row.startsWith('Measured on: ') && !remeasured(row));
  return `${table(body)}\n\n${[...earlier, measuredOn].join('\n\n')}`;
};

if (args.includes('--write-docs')) {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const page = readFileSync(file, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const from = page.indexOf(begin);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/benchmarks.md has no ${begin} … ${end} section`);
  const report = docsReport(page.slice(from + begin.length, to));
  writeFileSync(file, `${page.slice(0, from + begin.length)}\n\n${report}\n\n${page.slice(to)}`);
  log('docs/benchmarks.md: table replaced');
}
