// @ts-check
/**
 * Server benchmark: autocannon on loopback against the reference server (a process started
 * as `npm start` starts it) and against the baseline (baseline-server.mjs: plain node:http
 * running the same SQL on better-sqlite3), both up at once, each scenario measured on the
 * baseline and then on Quanda in the same run.
 *
 * Databases: `small` holds one question with 1,000 answers; `large` holds 10,000 questions
 * and 200,000 answers (the same 1,000-answer question among them). The p99 of reading that
 * question on each tells whether reads stay flat as the database grows.
 *
 * A scenario is a few lines: a name, a database, a probe (which captures the SQL the
 * reference server runs for it, for the baseline to replay), and the request to send.
 */
import autocannon from 'autocannon';
import {spawn} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {closeSync, openSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import pg from 'pg';
import {hashToken} from '../../src/server/ids.js';
import {withSchema} from '../support/test-db.mjs';
import {
  BIG_ANSWERS,
  BIG_QUESTION,
  BOARD_ORIGIN,
  VOTERS,
  copyToPostgres,
  generateDatabase,
  voterToken,
} from './generate-db.mjs';
import {
  captureBoard,
  captureThread,
  captureVote,
  slowPlans,
  slowPlansPostgres,
} from './sql-plan.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @typedef {{method: 'GET' | 'PUT', path: string, headers?: Record<string, string>, body?: string}} BenchRequest
 * @typedef {{rps: number, p50: number, p99: number, requests: number, failed: number, statuses: string}} Load
 * @typedef {{
 *   name: string, database: 'small' | 'large' | 'postgres',
 *   probe: (file: string) => Promise<{plan: import('./baseline-server.mjs').PlanStatement[], note?: string}>,
 *   request: () => BenchRequest,
 * }} Scenario
 * @typedef {{name: string, quanda: Load | string, baseline: Load, note?: string, slow: string[], statements: number}} ServerRow
 *   A string in place of a Load says why there is no figure; `slow` lists the planner's
 *   full scans and temporary sorts in the scenario's SQL (none, when reads stay flat);
 *   `statements` counts the SQL statements the reference server ran for one request.
 */

const pick = (/** @type {number} */ n) => Math.floor(Math.random() * n);

/** Questions without a best answer, so that every one runs the same SQL as the probe's. */
const plainQuestion = () => `q${1 + pick(999) * 10 + pick(9)}`;

/**
 * A board's reads, as a page of the boards' site sends them: a topic of 1,000 questions
 * listed, searched for two words, and titles like one typed looked up over the whole site
 * (10,000 questions). Common words, so each search matches hundreds of questions.
 */
const BOARD_READS = [
  ['GET board list, a topic of 1,000 questions', '/topics/questions?topic=/articles/3'],
  [
    'GET board search, 2 common words in a topic of 1,000',
    `/topics/questions?topic=/articles/3&q=${encodeURIComponent('sleep habit')}`,
  ],
  [
    'GET similar titles, 3 common words over a site of 10,000',
    `/topics/similar?topic=/articles/3&q=${encodeURIComponent('morning routine worry')}`,
  ],
];

/**
 * @param {'large' | 'postgres'} database
 * @returns {Scenario[]}
 */
const boardScenarios = (database) =>
  BOARD_READS.map(([name, path]) => ({
    name: `${database === 'postgres' ? 'PostgreSQL: ' : ''}${name} (db of 200,000 answers)`,
    database,
    probe: (/** @type {string} */ file) => captureBoard(file, path, BOARD_ORIGIN),
    request: () =>
      /** @type {BenchRequest} */ ({
        method: 'GET',
        path: `/api${path}`,
        headers: {origin: BOARD_ORIGIN},
      }),
  }));

/** @type {Scenario[]} */
export const SCENARIOS = [
  {
    name: `GET thread, ${BIG_ANSWERS.toLocaleString('en')} answers (db of that one question)`,
    database: 'small',
    probe: (file) => captureThread(file, BIG_QUESTION),
    request: () => ({method: 'GET', path: `/api/questions/${BIG_QUESTION}`}),
  },
  {
    name: `GET thread, ${BIG_ANSWERS.toLocaleString('en')} answers (db of 200,000 answers)`,
    database: 'large',
    probe: (file) => captureThread(file, BIG_QUESTION),
    request: () => ({method: 'GET', path: `/api/questions/${BIG_QUESTION}`}),
  },
  {
    name: 'GET thread, random question (db of 200,000 answers)',
    database: 'large',
    probe: (file) => captureThread(file, 'q1'),
    request: () => ({method: 'GET', path: `/api/questions/${plainQuestion()}`}),
  },
  {
    name: 'PUT vote, random answer and voter (db of 200,000 answers)',
    database: 'large',
    probe: async (file) => voteProbe(file),
    request: () => voteRequest(),
  },
  ...boardScenarios('large'),
  {
    name: 'PostgreSQL: GET thread, 1,000 answers (db of 200,000 answers)',
    database: 'postgres',
    probe: (target) => captureThread(target, BIG_QUESTION),
    request: () => ({method: 'GET', path: `/api/questions/${BIG_QUESTION}`}),
  },
  {
    name: 'PostgreSQL: GET thread, random question (db of 200,000 answers)',
    database: 'postgres',
    probe: (target) => captureThread(target, 'q1'),
    request: () => ({method: 'GET', path: `/api/questions/${plainQuestion()}`}),
  },
  {
    name: 'PostgreSQL: PUT vote, random answer and voter (db of 200,000 answers)',
    database: 'postgres',
    probe: async (target) => voteProbe(target),
    request: () => voteRequest(),
  },
  ...boardScenarios('postgres'),
];

/** @param {string} target */
async function voteProbe(target) {
  const {plan, source} = await captureVote(target, {
    postId: 'a5',
    token: voterToken(0),
    viewerId: 'voter0',
  });
  return {
    plan,
    note: source === 'store' ? 'baseline SQL from Store.setVote (no route yet)' : undefined,
  };
}

/** A vote as the widget sends it: a random answer, a random reader, a new key. */
function voteRequest() {
  return /** @type {BenchRequest} */ ({
    method: 'PUT',
    path: `/api/posts/a${pick(200_000)}/vote`,
    headers: {
      authorization: `Bearer ${voterToken(pick(VOTERS))}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({value: pick(2) ? 1 : -1}),
  });
}

/**
 * Starts a Node process and waits for the line that gives its URL. Its output goes to a
 * file, not a pipe: reading a pipe would cost this process (which also runs autocannon)
 * CPU for the reference server's request log and not for the baseline's.
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @param {string} logFile
 */
async function startProcess(args, env, logFile) {
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {...process.env, ...env},
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const text = readFileSync(logFile, 'utf8');
    const url = /(?:running|listening) at (http:\/\/\S+?)\/?$/m.exec(text)?.[1];
    if (url) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`${args.join(' ')} did not start:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = /(?:running|listening) at (http:\/\/\S+?)\/?$/m.exec(readFileSync(logFile, 'utf8'));
  return {
    url: url?.[1] ?? '',
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * @typedef {{ok: number, total: number, seconds: number, latencies: number[], statuses: Record<string, number>}} Round
 */

/**
 * One autocannon run.
 * @param {string} url
 * @param {() => BenchRequest} request
 * @param {{duration: number, connections: number}} options
 * @returns {Promise<Round>}
 */
function round(url, request, {duration, connections}) {
  return new Promise((resolve, reject) => {
    // autocannon's own histogram keeps whole milliseconds; loopback answers take less.
    /** @type {number[]} */
    const latencies = [];
    const instance = autocannon(
      {url, connections, duration, requests: [{setupRequest: (base) => ({...base, ...request()})}]},
      (error, result) => {
        if (error) return reject(error);
        resolve({
          ok: result['2xx'],
          total: result.requests.total + result.errors,
          seconds: result.duration,
          latencies,
          statuses: Object.fromEntries(
            Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [
              code,
              stat?.count ?? 0,
            ]),
          ),
        });
      },
    );
    instance.on('response', (_client, status, _bytes, time) => {
      if (status >= 200 && status < 300) latencies.push(time);
    });
  });
}

/**
 * Throughput is the median of the rounds' (a neighbour's burst of CPU spoils one round, not
 * the figure); latency percentiles are over every request of every round.
 * @param {Round[]} rounds
 * @returns {Load}
 */
function summarize(rounds) {
  const rates = rounds.map((r) => r.ok / r.seconds).sort((a, b) => a - b);
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (/** @type {number} */ q) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  /** @type {Record<string, number>} */
  const statuses = {};
  for (const r of rounds) {
    for (const [code, count] of Object.entries(r.statuses)) {
      statuses[code] = (statuses[code] ?? 0) + count;
    }
  }
  const total = rounds.reduce((sum, r) => sum + r.total, 0);
  const ok = rounds.reduce((sum, r) => sum + r.ok, 0);
  return {
    rps: rates[Math.floor(rates.length / 2)] ?? 0,
    p50: at(0.5),
    p99: at(0.99),
    requests: total,
    failed: total - ok,
    statuses: Object.entries(statuses)
      .map(([code, count]) => `${code}×${count}`)
      .join(' '),
  };
}

/**
 * Sends one request and returns the status, to tell "no such route" from a working one.
 * @param {string} url
 * @param {BenchRequest} request
 */
async function statusOf(url, request) {
  const response = await fetch(url + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * @param {{dir: string, pg?: string, duration?: number, rounds?: number, warmup?: number,
 *   connections?: number, log?: (line: string) => void}} options
 *   `duration` and `warmup` are seconds per round; each side gets `rounds` rounds,
 *   alternating with the other side's so that both see the same neighbours. `pg`: a
 *   PostgreSQL URL, for the PostgreSQL rows (the 200,000 answers copied into a schema there).
 * @returns {Promise<{rows: ServerRow[], generated: {ms: number, questions: number, answers: number}}>}
 */
export async function benchServer({
  dir,
  pg: pgUrl,
  duration = 5,
  rounds = 3,
  warmup = 2,
  connections = 10,
  log = () => {},
}) {
  /** @type {Record<'small' | 'large' | 'postgres', string>} */
  const files = {small: join(dir, 'small.db'), large: join(dir, 'large.db'), postgres: ''};
  await generateDatabase(files.small, {questions: 1, answers: BIG_ANSWERS});
  log('server: generating 10,000 questions and 200,000 answers');
  const generated = await generateDatabase(files.large);
  log(`server: generated in ${(generated.ms / 1000).toFixed(1)} s`);
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  if (pgUrl) {
    await onPostgres(pgUrl, `create schema ${schema}`);
    files.postgres = withSchema(pgUrl, schema);
    log('server: copying the 200,000 answers to PostgreSQL');
    await copyToPostgres(files.large, files.postgres);
  }
  try {
    return {rows: await runScenarios(), generated};
  } finally {
    if (pgUrl) await onPostgres(pgUrl, `drop schema ${schema} cascade`);
  }

  async function runScenarios() {
    /** @type {ServerRow[]} */
    const rows = [];
    /** @type {('small' | 'large' | 'postgres')[]} */
    const databases = pgUrl ? ['small', 'large', 'postgres'] : ['small', 'large'];
    for (const database of databases) {
      const scenarios = SCENARIOS.filter((s) => s.database === database);
      /** @type {Record<string, import('./baseline-server.mjs').PlanStatement[]>} */
      const plans = {};
      /** @type {(string | undefined)[]} */
      const notes = [];
      /** @type {string[][]} */
      const slow = [];
      for (const [i, scenario] of scenarios.entries()) {
        const {plan, note} = await scenario.probe(files[database]);
        plans[i] = plan;
        notes[i] = note;
        slow[i] =
          database === 'postgres'
            ? await slowPlansPostgres(files[database], plan, SAMPLE_REQUEST)
            : slowPlans(files[database], plan);
      }
      const planFile = join(dir, `plan-${database}.json`);
      writeFileSync(planFile, JSON.stringify(plans));
      const quanda = await startProcess(
        ['--import', 'tsx', 'src/server/main.ts'],
        {
          PORT: '0',
          HOST: '127.0.0.1',
          QUANDA_DB: files[database],
          QUANDA_SEED: '0',
          // One load generator on one address would hit the hourly limits within a second:
          // lift them (they are still counted, as in production) so every vote is a vote.
          QUANDA_LIMIT_VOTES: '1000000000/1000000000',
        },
        join(dir, `quanda-${database}.log`),
      );
      const baseline = await startProcess(
        [
          database === 'postgres'
            ? 'test/bench/baseline-pg-server.mjs'
            : 'test/bench/baseline-server.mjs',
          files[database],
          planFile,
        ],
        {},
        join(dir, `baseline-${database}.log`),
      );
      try {
        for (const [i, scenario] of scenarios.entries()) {
          // The baseline learns which captured plan to replay from a header Quanda ignores.
          const forBaseline = () => {
            const request = scenario.request();
            return {...request, headers: {...request.headers, 'x-bench-plan': String(i)}};
          };
          const status = await statusOf(quanda.url, scenario.request());
          const present = status !== 404;
          const options = {duration, connections};
          log(`server: ${scenario.name}`);
          await round(baseline.url, forBaseline, {duration: warmup, connections});
          if (present) await round(quanda.url, scenario.request, {duration: warmup, connections});
          /** @type {Round[]} */
          const base = [];
          /** @type {Round[]} */
          const ours = [];
          for (let r = 0; r < rounds; r++) {
            const runBase = async () => base.push(await round(baseline.url, forBaseline, options));
            const runOurs = async () => {
              if (present) ours.push(await round(quanda.url, scenario.request, options));
            };
            // Alternate who goes first, so neither always follows the other's warm caches.
            if (r % 2) await runOurs().then(runBase);
            else await runBase().then(runOurs);
          }
          rows.push({
            name: scenario.name,
            quanda: present ? summarize(ours) : 'n/a (route not present)',
            baseline: summarize(base),
            note: notes[i],
            slow: slow[i] ?? [],
            statements: plans[i]?.length ?? 0,
          });
        }
      } finally {
        await Promise.all([quanda.stop(), baseline.stop()]);
      }
    }
    return rows;
  }
}

/** The values of one request, for PostgreSQL's EXPLAIN of its statements. */
const SAMPLE_REQUEST = {
  questionId: 'q1',
  postId: 'a5',
  tokenHash: hashToken(voterToken(0)),
  viewerId: 'voter0',
  idempotencyKey: 'bench-explain',
  now: new Date().toISOString(),
  value: 1,
};

/**
 * @param {string} url
 * @param {string} statement
 */
async function onPostgres(url, statement) {
  const client = new pg.Client({connectionString: url});
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
