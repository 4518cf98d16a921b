// @ts-check
/**
 * Starts real Quanda reference servers for tests: each on a free port, each on its own
 * fresh database (a SQLite file, or with QUANDA_TEST_DB a schema on PostgreSQL, see
 * test-db.mjs), as separate processes exactly as `npm start` runs them (minus the build).
 * Used by the browser tests (through a web-test-runner plugin) and the Node tests.
 */
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {dropDatabase, freshDatabase} from './test-db.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const MODERATOR_TOKEN = 'test-moderator-token-0123456789';

/**
 * @typedef {{seed?: boolean, fixture?: unknown, env?: Record<string, string>, dir?: string}} StartOptions
 *   `dir`: the folder of the database file; servers started with the same one share it
 *   (on PostgreSQL, a schema named after it), and it is left in place when they stop.
 * @typedef {{url: string, api: string, db: string, dir: string, adminToken: string, moderatorToken: string, pid: number, stop: () => Promise<void>, lines: string[]}} RunningServer
 */

/**
 * Runs a TypeScript file with tsx (Node 20 has no TypeScript of its own).
 * @param {string} file
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
export function runTs(file, args = [], env = {}) {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, file), ...args], {
    cwd: ROOT,
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Populates a database through the Store before a server opens it.
 * @param {string} db
 * @param {unknown} fixture
 */
export async function writeFixture(db, fixture) {
  const child = runTs('test/support/fixture.ts', [db, JSON.stringify(fixture)]);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`fixture failed (${code}): ${out}`);
  return JSON.parse(out.trim().split('\n').at(-1) ?? 'null');
}

/**
 * @param {StartOptions} options
 * @returns {Promise<RunningServer & {fixture: unknown}>}
 */
export async function startServer(options = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'quanda-test-'));
  const db = await freshDatabase(join(dir, 'quanda.db'));
  const fixture = options.fixture ? await writeFixture(db, options.fixture) : null;
  const child = runTs('src/server/main.ts', [], {
    PORT: '0',
    QUANDA_DB: db,
    QUANDA_SEED: options.seed ? '1' : '0',
    QUANDA_ADMIN_TOKEN: ADMIN_TOKEN,
    QUANDA_MODERATOR_TOKEN: MODERATOR_TOKEN,
    ...options.env,
  });
  /** @type {string[]} */
  const lines = [];
  const url = await new Promise((resolve, reject) => {
    // A server that does not start in time is stopped, and fails with what it printed.
    const timer = setTimeout(() => {
      reject(new Error(`server did not start in 30 s:\n${lines.join('\n')}${buffer}`));
      child.kill('SIGKILL');
    }, 30_000);
    timer.unref();
    let buffer = '';
    const onData = (/** @type {Buffer} */ data) => {
      buffer += String(data);
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const match = /running at (http:\/\/\S+)/.exec(line);
        if (!match) continue;
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${lines.join('\n')}${buffer}`));
    });
  });
  const stop = async () => {
    // A process killed by a signal keeps a null exit code: it has exited all the same.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (!options.dir) {
      rmSync(dir, {recursive: true, force: true});
      await dropDatabase(db);
    }
  };
  return {
    url,
    api: `${url}/api`,
    db,
    dir,
    adminToken: ADMIN_TOKEN,
    moderatorToken: MODERATOR_TOKEN,
    pid: child.pid ?? 0,
    stop,
    lines,
    fixture,
  };
}
