// @ts-check
/**
 * What the consumer test does with the packed package: pack it, install it into copies of
 * the apps under test/consumer/ from their lock files, and serve a built app the way a site
 * would (its files, and `/api` passed on to a reference server).
 */
import {execFile} from 'node:child_process';
import {
  cpSync,
  existsSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {createServer, request as httpRequest} from 'node:http';
import {basename, extname, join, normalize, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {gzipSync} from 'node:zlib';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CONSUMER = join(ROOT, 'test', 'consumer');

const exec = promisify(execFile);
const NPM_QUIET = {
  ...process.env,
  NPM_CONFIG_FUND: 'false',
  NPM_CONFIG_AUDIT: 'false',
  NPM_CONFIG_UPDATE_NOTIFIER: 'false',
};

/**
 * Runs a command and returns its output; on failure the error says what it printed.
 * @param {string} command @param {string[]} args @param {string} cwd
 */
export async function run(command, args, cwd) {
  try {
    const {stdout} = await exec(command, args, {
      cwd,
      env: NPM_QUIET,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const {stdout = '', stderr = ''} = /** @type {{stdout?: string, stderr?: string}} */ (error);
    throw new Error(
      `${command} ${args.join(' ')} (in ${relative(ROOT, cwd) || '.'}) failed:\n${stdout}\n${stderr}`,
    );
  }
}

/**
 * @typedef {{path: string, size: number}} PackedFile
 * @typedef {{size: number, unpackedSize: number, entryCount: number, files: PackedFile[]}} Packed
 */

/**
 * `npm pack` of the built package into `dir`, as quanda.tgz (the path the apps name).
 * @param {string} dir
 * @returns {Promise<Packed>}
 */
export async function pack(dir) {
  const out = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', dir],
    ROOT,
  );
  const [packed] = JSON.parse(out);
  renameSync(join(dir, packed.filename), join(dir, 'quanda.tgz'));
  return packed;
}

/**
 * Copies an app into `dir` (beside the tarball), writes `files` into it, and installs its
 * dependencies at the versions its lock file pins, with the tarball. The lock's record of
 * Quanda is brought up to date with the package first: its checksum changes with every
 * build, and a dependency Quanda adds (or drops) then resolves from the registry instead
 * of being left out; everything else installs as the lock says. Packages come from npm's
 * cache when it has them.
 * @param {string} app  the app's folder under test/consumer
 * @param {string} dir  where the tarball is
 * @param {Record<string, string>} files  path in the app → content
 * @returns {Promise<string>} the installed copy's folder
 */
export async function install(app, dir, files) {
  const copy = join(dir, basename(app));
  cpSync(app, copy, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|dist)$/.test(source),
  });
  for (const [path, content] of Object.entries(files)) writeFileSync(join(copy, path), content);
  const lockFile = join(copy, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  lock.packages['node_modules/quanda'] = {
    version: pkg.version,
    resolved: 'file:../quanda.tgz',
    license: pkg.license,
    dependencies: pkg.dependencies,
    peerDependencies: pkg.peerDependencies,
    peerDependenciesMeta: pkg.peerDependenciesMeta,
    engines: pkg.engines,
  };
  writeFileSync(lockFile, JSON.stringify(lock, null, 2));
  await run('npm', ['install', '--prefer-offline', '--no-save'], copy);
  return copy;
}

/** Every file below a folder, as paths relative to it with `/`. @param {string} dir */
export function filesBelow(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ at) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/**
 * The packages a shipped module imports: bare specifiers in `import`/`export … from`,
 * `import('…')` and side-effect imports, reduced to their package name.
 * @param {string} code
 */
export function importedPackages(code) {
  const uncommented = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [...uncommented.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (m) => /** @type {string} */ (m[1]),
  );
  return [
    ...new Set(
      specifiers
        .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:'))
        .map((s) =>
          s
            .split('/')
            .slice(0, s.startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    ),
  ];
}

const TYPES = /** @type {Record<string, string>} */ ({
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
});

/**
 * Serves a built app (its `dist/`) as a site would, passing `/api/…` on to the reference
 * server at `api`. `/api/questions/unreachable` is cut off without an answer, as a dead
 * backend would be.
 * @param {string} dist  @param {string} api  origin of the reference server
 */
export async function serveApp(dist, api) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://app');
    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/questions/unreachable') {
        req.socket.destroy();
        return;
      }
      const upstream = httpRequest(
        new URL(url.pathname + url.search, api),
        {method: req.method, headers: {...req.headers, host: new URL(api).host}},
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy()); // the page went away: so does its request
      req.pipe(upstream);
      return;
    }
    const path = normalize(join(dist, url.pathname === '/' ? 'index.html' : url.pathname));
    if (!path.startsWith(dist) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {'content-type': TYPES[extname(path)] ?? 'application/octet-stream'});
    res.end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    /** Stops at once: open requests (a thread's live updates, say) are cut, not awaited. */
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
/**
 * An app's first load, from Vite's build manifest: the page's entry chunk and every chunk
 * it imports statically (what loads later, on demand, is left out), gzipped.
 * @param {string} dist
 */
export function firstLoad(dist) {
  /** @type {Record<string, {file: string, imports?: string[], isEntry?: boolean}>} */
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const seen = new Set();
  const visit = (/** @type {string} */ key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const files = [...seen];
  const gzip = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length,
    0,
  );
  return {gzip, files};
}
