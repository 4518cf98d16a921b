import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {runTs} from '../support/quanda-server.mjs';
import {openSqlite} from '../../src/server/db/database.js';
import {KyselyStore} from '../../src/server/store.js';

async function cli(args: string[]) {
  const child = runTs('src/server/cli.ts', args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {code, stdout, stderr};
}

describe('npm run quanda -- …', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-cli-'));
  const db = join(dir, 'quanda.db');
  after(() => rmSync(dir, {recursive: true, force: true}));

  it('creates the question an article asks, and prints its id and the asker token', async () => {
    const bodyFile = join(dir, 'body.txt');
    writeFileSync(bodyFile, 'Is it worth it?\n\nI have tried twice.');
    const {code, stdout, stderr} = await cli([
      'question',
      'create',
      '--db',
      db,
      '--id',
      'sleep-hygiene',
      '--title',
      'Does sleep hygiene actually work?',
      '--body-file',
      bodyFile,
      '--category',
      'Sleep',
      '--tag',
      'sleep',
      '--tag',
      'habits',
      '--author',
      'Kim',
    ]);
    assert.equal(code, 0, stderr);
    const printed = JSON.parse(stdout) as {id: string; askerToken: string};
    assert.equal(printed.id, 'sleep-hygiene');

    const store = new KyselyStore(openSqlite(db));
    const viewerId = await store.viewerIdForToken(printed.askerToken);
    const thread = (await store.getThread('sleep-hygiene', {sort: 'votes', viewerId}))!;
    assert.deepEqual(thread.question.body, {
      format: 'markdown',
      html: '<p>Is it worth it?</p>\n<p>I have tried twice.</p>\n',
      source: 'Is it worth it?\n\nI have tried twice.',
    });
    assert.deepEqual(thread.question.tags, ['sleep', 'habits']);
    assert.equal(thread.viewer.isAsker, true);
    await store.close();
  });

  it('names what is wrong with the input and exits non-zero', async () => {
    const {code, stderr} = await cli(['question', 'create', '--db', db, '--title', 'short']);
    assert.equal(code, 1);
    assert.match(stderr, /--title: /);
  });

  it('refuses an id that is taken', async () => {
    const {code, stderr} = await cli([
      'question',
      'create',
      '--db',
      db,
      '--id',
      'sleep-hygiene',
      '--title',
      'Another question about sleep',
    ]);
    assert.equal(code, 1);
    assert.match(stderr, /already exists/);
  });

  it('prints its usage for --help and for an unknown command', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /question create --title/);
    const unknown = await cli(['frobnicate', '--db', db]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command "frobnicate"/);
  });
});
