// @ts-check
/**
 * A WordPress of our own for the plugin's test, from Debian's `wordpress` package: a copy
 * of /usr/share/wordpress in a temporary folder (Debian's wp-config.php reads
 * /etc/wordpress, which belongs to any other WordPress on the machine), a throwaway MariaDB
 * on a socket in that folder (no TCP port), and PHP's built-in server on a free loopback
 * port. `stop()` ends both processes and removes the folder.
 */
import {spawn, execFile} from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import {createServer, connect} from 'node:net';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {promisify} from 'node:util';
import {unzipSync} from 'fflate';

const run = promisify(execFile);
export const WORDPRESS = '/usr/share/wordpress';

/** What this machine lacks to run the test, or nothing. */
export function missing() {
  const needs = [
    [WORDPRESS + '/wp-load.php', 'wordpress'],
    ['/usr/bin/php', 'php-cli'],
    ['/usr/sbin/mariadbd', 'mariadb-server'],
  ];
  return needs.filter(([file]) => !existsSync(file)).map(([, name]) => name);
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Waits for `check` to resolve true, polling as the process starts; fails with its output.
 * @param {() => Promise<boolean>} check
 * @param {() => string} output
 * @param {string} what
 */
async function until(check, output, what) {
  const deadline = Date.now() + 60_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} did not start in 60 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function start(command, args, env = {}) {
  // A process group of its own: PHP's server forks its workers, and they go with it.
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {...process.env, ...env},
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (data) => (output += data));
  child.stderr.on('data', (data) => (output += data));
  return {child, output: () => output};
}

/**
 * @param {{plugin: string}} options the plugin's zip, installed as a site owner uploads it
 */
export async function startWordPress({plugin}) {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-wordpress-'));
  const socket = join(dir, 'mysql.sock');
  /** @type {Array<ReturnType<typeof start>>} */
  const processes = [];
  const stop = async () => {
    for (const {child} of processes) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-(child.pid ?? 0), 'SIGTERM');
        await exited;
      }
    }
    rmSync(dir, {recursive: true, force: true});
  };
  try {
    // MariaDB: its own data folder and socket, no network, no grant tables (nothing else can reach it).
    const data = join(dir, 'mysql');
    await run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${data}`,
      '--user=root',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
    const db = start('/usr/sbin/mariadbd', [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'mysql.pid')}`,
      '--skip-networking',
      '--skip-grant-tables',
      '--user=root',
    ]);
    processes.push(db);
    await until(
      () =>
        new Promise((resolve) => {
          const probe = connect(socket, () => (probe.end(), resolve(true)));
          probe.on('error', () => resolve(false));
        }),
      db.output,
      'MariaDB',
    );
    await run('mariadb', [`--socket=${socket}`, '-e', 'create database wordpress']);

    // WordPress: the package's files, our own wp-config.php and wp-content.
    const root = join(dir, 'wordpress');
    cpSync(WORDPRESS, root, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) =>
        source !== join(WORDPRESS, 'wp-config.php') &&
        !source.startsWith(join(WORDPRESS, 'wp-content')),
    });
    mkdirSync(join(root, 'wp-content/plugins'), {recursive: true});
    mkdirSync(join(root, 'wp-content/themes'), {recursive: true});
    for (const [name, data] of Object.entries(unzipSync(readFileSync(plugin)))) {
      const path = join(root, 'wp-content/plugins', name);
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(path), {recursive: true});
      writeFileSync(path, data);
    }
    symlinkSync(
      join(WORDPRESS, 'wp-content/themes/twentytwentythree'),
      join(root, 'wp-content/themes/twentytwentythree'),
    );
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(root, 'wp-config.php'),
      `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
// Application passwords over plain HTTP, as on a developer's machine.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${join(dir, 'debug.log')}');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
// No calls out (update checks, the pattern directory): offline they would hold a request.
define('WP_HTTP_BLOCK_EXTERNAL', true);
${['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE']
  .flatMap((name) => [
    `define('${name}_KEY', '${name}-key-for-tests');`,
    `define('${name}_SALT', '${name}-salt-for-tests');`,
  ])
  .join('\n')}
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
    );
    // Installed as its setup page would: the site, an administrator, an author, the plugin.
    writeFileSync(
      join(dir, 'install.php'),
      `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
define('WP_INSTALLING', true);
require '${root}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_install('Quanda on WordPress', 'admin', 'admin@example.org', true, '', 'admin-password-for-tests');
$author = wp_insert_user(array('user_login' => 'author', 'user_pass' => 'author-password-for-tests', 'user_email' => 'author@example.org', 'role' => 'author'));
$activated = activate_plugin('quanda/quanda.php');
if (is_wp_error($activated)) { fwrite(STDERR, $activated->get_error_message()); exit(1); }
list($password) = WP_Application_Passwords::create_new_application_password($author, array('name' => 'test'));
echo "\\n" . $password;
`,
    );
    const installed = await run('php', [join(dir, 'install.php')]);
    // The author's application password, on the last line the installer prints.
    const password = installed.stdout.trim().split('\n').pop() ?? '';

    // Several workers: the editor loads many files at once, and one slow request must not
    // hold the rest.
    const web = start('php', ['-S', `127.0.0.1:${port}`, '-t', root], {
      PHP_CLI_SERVER_WORKERS: '4',
    });
    processes.push(web);
    await until(async () => (await fetch(`${url}/wp-login.php`)).ok, web.output, 'PHP');
    return {
      url,
      admin: {user: 'admin', password: 'admin-password-for-tests'},
      author: {
        user: 'author',
        password: 'author-password-for-tests',
        applicationPassword: password,
      },
      log: () => web.output(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
