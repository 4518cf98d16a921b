// @ts-check
/**
 * Runs `cem analyze` (custom-elements.json from the elements' JSDoc), then puts its
 * modules in path order: the analyzer lists them in whatever order its file reads
 * finished, so two runs on the same source could differ and the committed file would
 * look stale at random. It also makes sure every element the source defines is in it.
 *
 *   node test/docs/analyze.mjs [outdir]
 */
import {spawnSync} from 'node:child_process';
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Tags the source defines: every `@tag quanda-…` in a component's JSDoc. */
export function definedTags() {
  const dir = join(ROOT, 'src/components');
  const tags = [];
  for (const folder of readdirSync(dir)) {
    const file = join(dir, folder, `${folder}.ts`);
    let source = '';
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    tags.push(...[...source.matchAll(/@tag (quanda-[\w-]+)/g)].map((m) => m[1]));
  }
  return tags.sort();
}

/**
 * Writes custom-elements.json into `outdir` (the project root by default) and returns its
 * text. Throws when the analyzer fails or leaves an element out.
 * @param {string} [outdir]
 */
export function analyze(outdir = ROOT) {
  const wanted = definedTags();
  let missing = wanted;
  for (let attempt = 1; attempt <= 3; attempt++) {
    // cem resolves --outdir against the working directory, even an absolute one.
    // Under tsx: the config reads the table of parts, a TypeScript module.
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'node_modules/.bin/cem'),
        'analyze',
        '--quiet',
        '--outdir',
        relative(ROOT, outdir) || '.',
      ],
      {cwd: ROOT, encoding: 'utf8'},
    );
    if (result.status !== 0) throw new Error(`cem analyze failed: ${result.stderr}`);
    const file = join(outdir, 'custom-elements.json');
    /** @type {{modules: {path: string, declarations?: {tagName?: string}[]}[]}} */
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    writeFileSync(file, text);
    const tags = new Set(
      manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName ?? '')),
    );
    missing = wanted.filter((tag) => !tags.has(tag));
    if (!missing.length) return text;
  }
  throw new Error(`cem analyze keeps leaving out ${missing.join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  analyze(process.argv[2]);
}
