import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {analyze} from '../docs/analyze.mjs';
import {renderExportparts} from '../docs/parts.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (command: string, args: string[]) =>
  spawnSync(command, args, {cwd: ROOT, encoding: 'utf8'});

/**
 * custom-elements.json, docs/reference.md and the exportparts strings are generated and committed (tools and
 * readers look for them in the repository); these fail when the JSDoc moved on without
 * them. The fix is always `npm run manifest`.
 */
describe('generated docs', () => {
  it('custom-elements.json is what the JSDoc says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quanda-cem-'));
    try {
      const fresh = analyze(dir);
      const committed = readFileSync(join(ROOT, 'custom-elements.json'), 'utf8');
      assert.ok(fresh === committed, 'custom-elements.json is stale: run `npm run manifest`');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('docs/reference.md is what custom-elements.json says', () => {
    const result = run(process.execPath, ['test/docs/api-docs.mjs', '--check']);
    assert.equal(result.status, 0, result.stderr);
  });

  it('the exportparts strings are what the table of parts says', async () => {
    for (const [path, text] of await renderExportparts()) {
      assert.ok(text === read(path), `${path} is stale: run \`npm run manifest\``);
    }
  });

  it('package.json points tools at the manifest', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
  });
});

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n ? `${base}-${n}` : base);
  }
  return found;
}

/** Every link and image target in a page, code blocks left out. */
function targets(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [
    ...[...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ];
}

/**
 * The README is the front door: short, the two commands first, everything else a link
 * into docs/. Later work adds its documentation to docs/ and at most a line to the README.
 */
describe('the documentation', () => {
  it('keeps the README to 250 lines with the two commands at the top', () => {
    const lines = read('README.md').split('\n');
    assert.ok(lines.length <= 250, `README.md has ${lines.length} lines: move the detail to docs/`);
    const head = lines.slice(0, 40).join('\n');
    assert.match(head, /^npm install && npm start\b/m);
    assert.match(head, /^npm test\b/m);
  });

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      for (const target of targets(read(page))) {
        if (/^[a-z]+:/i.test(target)) continue; // absolute URLs: checked below for images
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path ? join(dirname(page), path) : page;
        if (!existsSync(join(ROOT, file))) {
          broken.push(`${page}: ${target} (no ${file})`);
        } else if (anchor && file.endsWith('.md') && !anchors(read(file)).has(anchor)) {
          broken.push(`${page}: ${target} (no heading #${anchor} in ${file})`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  it('shows the README’s pictures from the repository by absolute URL, as the registry needs', () => {
    const pkg = JSON.parse(read('package.json'));
    const repo = /github\.com\/([^/]+\/[^/.]+)/.exec(pkg.repository.url)?.[1];
    assert.ok(repo, 'package.json names a GitHub repository');
    const base = `https://raw.githubusercontent.com/${repo}/main/`;
    const images = [
      ...read('README.md').matchAll(/!\[[^\]]*\]\(([^)]+)\)|<img [^>]*src="([^"]+)"/g),
    ];
    assert.ok(images.length > 0);
    for (const [, markdown, html] of images) {
      const url = markdown ?? html;
      assert.ok(url.startsWith(base), `${url} is not under ${base}`);
      const file = url.slice(base.length);
      assert.ok(existsSync(join(ROOT, file)), `${file} is not in the repository`);
      assert.equal(relative(ROOT, join(ROOT, file)), file);
    }
  });

  it('names in sideEffects only modules that exist', () => {
    const pkg = JSON.parse(read('package.json'));
    for (const entry of pkg.sideEffects as string[]) {
      const source = entry.startsWith('./dist/lib/')
        ? entry.replace('./dist/lib/', 'src/').replace(/\.js$/, '.ts')
        : entry === './dist/quanda.js'
          ? 'src/quanda.ts'
          : entry.replace(/^\.\//, '');
      assert.ok(existsSync(join(ROOT, source)), `sideEffects names ${entry}: no ${source}`);
    }
  });
});
