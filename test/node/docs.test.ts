import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {analyze} from '../docs/analyze.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (command: string, args: string[]) =>
  spawnSync(command, args, {cwd: ROOT, encoding: 'utf8'});

/**
 * custom-elements.json and the README's reference are generated and committed (tools and
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

  it('the README’s reference is what custom-elements.json says', () => {
    const result = run(process.execPath, ['test/docs/api-docs.mjs', '--check']);
    assert.equal(result.status, 0, result.stderr);
  });

  it('package.json points tools at the manifest', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
  });
});
