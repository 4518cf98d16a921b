// @ts-check
/**
 * `npm run test:node`: the Node suite on SQLite, then the tests that touch the database
 * again on PostgreSQL when QUANDA_TEST_PG names one (a `postgres://` URL of a server the
 * tests may create schemas in). Without it the PostgreSQL half does not run, and this says
 * so at the end; with QUANDA_REQUIRE_PG=1 (CI sets it) that is a failure.
 *
 *   node test/node/run.mjs [--only=sqlite|postgres] [test files…]
 */
import {spawnSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const given = args.filter((arg) => !arg.startsWith('--'));
const files =
  given.length > 0
    ? given
    : readdirSync(join(ROOT, 'test/node'))
        .filter((name) => name.endsWith('.test.ts'))
        .sort()
        .map((name) => `test/node/${name}`);

/** Tests that open a database or start a server: the PostgreSQL half runs these. */
const DATABASE = /makeApi|mailSite|startServer|freshDatabase|openDatabase|runTs\(/;
/** Tests of something else that merely start a server (the packed package): SQLite's half is enough. */
const NOT_ABOUT_THE_DATABASE = new Set(['test/node/consumer.test.ts']);
const onDatabase = files.filter(
  (file) =>
    !NOT_ABOUT_THE_DATABASE.has(file) && DATABASE.test(readFileSync(join(ROOT, file), 'utf8')),
);

const pg = process.env['QUANDA_TEST_PG'];
const required = process.env['QUANDA_REQUIRE_PG'] === '1';

/**
 * @param {string} label
 * @param {string[]} list
 * @param {Record<string, string | undefined>} env
 */
function run(label, list, env) {
  console.log(`\n=== Node tests on ${label}: ${list.length} files ===\n`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...list],
    {cwd: ROOT, stdio: 'inherit', env: {...process.env, ...env}},
  );
  return result.status ?? 1;
}

let failed = 0;
if (only !== 'postgres') failed += run('SQLite', files, {QUANDA_TEST_DB: undefined});
if (pg && only !== 'sqlite') {
  failed += run(`PostgreSQL (${new URL(pg).host})`, onDatabase, {QUANDA_TEST_DB: pg});
} else if (only !== 'sqlite') {
  const line = '='.repeat(78);
  console.log(`\n${line}`);
  console.log('The PostgreSQL half of the Node tests DID NOT RUN: QUANDA_TEST_PG is not set.');
  console.log('Set QUANDA_TEST_PG=postgres://user@host:port/database (the tests make and drop');
  console.log('schemas of their own there), as .ci/run does with a throwaway cluster.');
  console.log(line);
  if (required) {
    console.error('QUANDA_REQUIRE_PG=1: a missing PostgreSQL is a failure.');
    failed += 1;
  }
}
process.exitCode = failed ? 1 : 0;
