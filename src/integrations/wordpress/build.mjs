// @ts-check
/**
 * Builds the WordPress plugin's zip, the file a site owner uploads under Plugins → Add New →
 * Upload Plugin: dist/quanda-wordpress.zip, holding the folder `quanda/`.
 *
 *   npm run build:wordpress
 */
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {zipSync} from 'fflate';

const PLUGIN = fileURLToPath(new URL('./quanda', import.meta.url));
const OUT = fileURLToPath(new URL('../../../dist/quanda-wordpress.zip', import.meta.url));

/** @type {Record<string, Uint8Array>} */
const files = {};
for (const name of readdirSync(PLUGIN, {recursive: true, encoding: 'utf8'})) {
  const path = join(PLUGIN, name);
  try {
    files[`quanda/${relative(PLUGIN, path)}`] = readFileSync(path);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EISDIR') throw error;
  }
}
mkdirSync(join(OUT, '..'), {recursive: true});
const zip = zipSync(files, {level: 9, mtime: new Date('2026-01-01T00:00:00Z')});
writeFileSync(OUT, zip);
console.log(`${relative(process.cwd(), OUT)}: ${Object.keys(files).length} files, ${zip.length} B`);
