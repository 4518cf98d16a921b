// @ts-check
/**
 * `npm run test:browser:pg`: the browser's end-to-end tests of the write path (answers,
 * votes, comments, the outbox across a server going down and up) against reference
 * servers on PostgreSQL (QUANDA_TEST_PG, as for the Node suite). Without it they do not
 * run, and this says so; with QUANDA_REQUIRE_PG=1 that is a failure.
 */
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILES = ['test/browser/e2e/writes.e2e.test.ts', 'test/browser/e2e/offline.e2e.test.ts'];

const pg = process.env['QUANDA_TEST_PG'];
if (!pg) {
  console.log(
    '\nThe browser write-path tests on PostgreSQL DID NOT RUN: QUANDA_TEST_PG is not set.',
  );
  process.exitCode = process.env['QUANDA_REQUIRE_PG'] === '1' ? 1 : 0;
} else {
  console.log(`\n=== Browser write-path tests on PostgreSQL (${new URL(pg).host}) ===\n`);
  // One file at a time: side by side on a busy machine, each file's first lazy chunk (the
  // answer form) took longer than the tests wait for it.
  const result = spawnSync('npx', ['web-test-runner', '--concurrency', '1', ...FILES], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {...process.env, QUANDA_TEST_DB: pg},
  });
  process.exitCode = result.status ?? 1;
}
