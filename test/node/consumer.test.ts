import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {builtinModules} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser} from 'puppeteer-core';
import {launchChromium} from '../bench/browser.mjs';
import {
  CONSUMER,
  ROOT,
  filesBelow,
  firstLoad,
  importedPackages,
  install,
  pack,
  run,
  serveApp,
} from '../consumer/consumer.mjs';
import type {Packed} from '../consumer/consumer.mjs';
import {startServer} from '../support/quanda-server.mjs';

/**
 * The npm package as a developer meets it: the built package is packed, installed into a
 * fresh TypeScript app and a fresh React 19 app (copies of test/consumer/*, their own
 * dependencies pinned by their lock files), type-checked with --strict, built with Vite,
 * and each app rendered in Chromium against the real reference server. The README's
 * TypeScript and React examples are written into the apps as they stand in the README.
 */

const DIR = mkdtempSync(join(tmpdir(), 'quanda-consumer-'));
const TS_APP = join(DIR, 'ts-app');
const REACT_APP = join(DIR, 'react-app');
const DEMO_TITLE = 'Why are therapists so secretive';

/** The first code block of `lang` after the README heading `heading`, as it stands. */
function readmeExample(heading: string, lang: string) {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `README.md has no "${heading}"`);
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme.slice(at));
  assert.ok(block, `README.md has no \`\`\`${lang} block under "${heading}"`);
  return block[1];
}

/**
 * The thread's text, shadow roots included, as the reader sees it: an expression for the
 * page (a string, since this file's compiled functions carry helpers the page lacks).
 */
const THREAD_TEXT = `(() => {
  const texts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent);
    if (node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  const thread = document.querySelector('quanda-thread');
  if (thread) walk(thread);
  return texts.join(' ').replace(/\\s+/g, ' ');
})()`;

describe('the npm package, installed as a developer would', () => {
  let packed: Packed;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  before(async () => {
    await run('npm', ['run', 'build'], ROOT);
    [packed, server, browser] = await Promise.all([
      pack(DIR),
      startServer({seed: true}),
      launchChromium(),
    ]);
    // One install at a time: two at once only fight over npm's cache.
    await install(join(CONSUMER, 'ts-app'), DIR, {
      'src/example.ts': readmeExample('### npm, with a bundler', 'ts'),
    });
    await install(join(CONSUMER, 'react-app'), DIR, {
      'src/Questions.tsx': readmeExample('### React', 'tsx'),
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(DIR, {recursive: true, force: true});
  });

  describe('the tarball', () => {
    const files = () => packed.files.map((f) => f.path);

    it('holds every path package.json names, and no server code or copied dependencies', () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      const named = [
        pkg.main,
        pkg.types,
        pkg.customElements,
        ...Object.values((pkg.bin ?? {}) as Record<string, string>),
        ...Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap(
          (target) => (typeof target === 'string' ? [target] : Object.values(target)),
        ),
        // The source entries are for Quanda's own build, which reads them from the sources.
        ...pkg.sideEffects.filter((path: string) => path.startsWith('./dist/')),
      ].map((path: string) => path.replace(/^\.\//, ''));
      for (const path of named) assert.ok(files().includes(path), `the tarball lacks ${path}`);
      assert.deepEqual(
        files().filter((f) => /(^|\/)node_modules\/|^src\/|server/.test(f)),
        [],
      );
    });

    it('imports only packages it declares', () => {
      const pkg = JSON.parse(
        readFileSync(join(TS_APP, 'node_modules', 'quanda', 'package.json'), 'utf8'),
      );
      const declared = new Set([
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.peerDependencies ?? {}),
      ]);
      const dir = join(TS_APP, 'node_modules', 'quanda');
      const undeclared: string[] = [];
      for (const file of filesBelow(dir)) {
        if (!/\.(js|d\.ts)$/.test(file)) continue;
        for (const name of importedPackages(readFileSync(join(dir, file), 'utf8'))) {
          // A declaration file's import of `react` is typed by @types/react.
          const ok =
            declared.has(name) ||
            builtinModules.includes(name) ||
            (file.endsWith('.d.ts') && declared.has(`@types/${name}`));
          if (!ok) undeclared.push(`${file} imports ${name}`);
        }
      }
      assert.deepEqual(undeclared, []);
    });
  });

  for (const [name, app] of [
    ['TypeScript', TS_APP],
    ['React 19', REACT_APP],
  ] as const) {
    describe(`a ${name} app`, () => {
      it('type-checks with --strict and builds', async () => {
        await run('npx', ['tsc', '--noEmit', '--strict', '-p', '.'], app);
        await run('npx', ['vite', 'build', '--manifest', '--logLevel', 'warn'], app);
      });
    });
  }

  /** Opens an app's page; `said(line)` waits until its console has said that line. */
  async function open(app: string, search = '') {
    const site = await serveApp(join(app, 'dist'), server.url);
    const page = await browser.newPage();
    const lines: string[] = [];
    const waiting = new Map<string, () => void>();
    page.on('console', (message) => {
      lines.push(message.text());
      waiting.get(message.text())?.();
    });
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(String(error)));
    await page.goto(`${site.url}/${search}`);
    return {
      page,
      uncaught,
      said: (line: string) =>
        lines.includes(line)
          ? Promise.resolve()
          : new Promise<void>((resolve, reject) => {
              const timer = setTimeout(
                () => reject(new Error(`the console never said "${line}": ${lines.join(' | ')}`)),
                20_000,
              );
              waiting.set(line, () => resolve(clearTimeout(timer)));
            }),
      /** Waits until the thread's text (shadow roots included) matches every pattern. */
      shows: (...patterns: RegExp[]) =>
        page.waitForFunction(
          `${JSON.stringify(patterns.map((p) => p.source))}.every((source) => new RegExp(source).test(${THREAD_TEXT}))`,
          {timeout: 20_000},
        ),
      close: async () => {
        await page.close();
        await site.close();
      },
    };
  }

  describe('in Chromium, against the reference server', () => {
    it('the TypeScript app shows the thread, and hears of a missing question', async () => {
      const opened = await open(TS_APP);
      try {
        await opened.shows(new RegExp(DEMO_TITLE), /\d+ answers/);
        await opened.page.waitForFunction("document.body.dataset.missing === 'http'", {
          timeout: 20_000,
        });
        assert.deepEqual(opened.uncaught, []);
        report('TypeScript app', firstLoad(join(TS_APP, 'dist')));
      } finally {
        await opened.close();
      }
    });

    it('the React app shows the thread in German', async () => {
      const opened = await open(REACT_APP);
      try {
        await opened.shows(new RegExp(DEMO_TITLE), /\d+ Antworten/);
        assert.deepEqual(opened.uncaught, []);
        report('React app', firstLoad(join(REACT_APP, 'dist')));
      } finally {
        await opened.close();
      }
    });

    for (const [what, question, kind] of [
      ['a missing question', 'no-such-question', 'http'],
      ['a backend that does not answer', 'unreachable', 'network'],
    ] as const) {
      it(`the React app's onquanda-error hears of ${what} (${kind})`, async () => {
        const opened = await open(REACT_APP, `?q=${question}`);
        try {
          await opened.said(`Quanda could not load: ${kind}`);
          assert.deepEqual(opened.uncaught, []);
        } finally {
          await opened.close();
        }
      });
    }
  });
});

/** Prints an app's first load: the JavaScript its page loads before anything is asked for. */
function report(app: string, load: {gzip: number; files: string[]}) {
  const kB = (load.gzip / 1000).toFixed(2);
  console.log(`  ${app}, first load: ${kB} kB gzip (${load.files.join(', ')})`);
}
