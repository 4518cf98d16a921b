// @ts-check
/**
 * Runs the WordPress plugin's test where Debian's `wordpress`, `php-cli` and
 * `mariadb-server` are installed (.ci/run installs them), and says clearly when it did not
 * run. With QUANDA_REQUIRE_WORDPRESS=1 (as .ci/run sets it) a missing package fails instead.
 */
import {spawnSync} from 'node:child_process';
import {missing} from './wordpress.mjs';

const lacking = missing();
if (lacking.length) {
  const line = `WordPress plugin test NOT RUN: install Debian's ${lacking.join(', ')} to run it.`;
  if (process.env['QUANDA_REQUIRE_WORDPRESS'] === '1') {
    console.error(`${line} (QUANDA_REQUIRE_WORDPRESS=1: failing)`);
    process.exit(1);
  }
  console.log(line);
  process.exit(0);
}
const {status} = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/wordpress/wordpress.test.ts'],
  {stdio: 'inherit'},
);
process.exit(status ?? 1);
