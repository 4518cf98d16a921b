import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {runTs} from '../support/quanda-server.mjs';
import {openDatabase} from '../../src/server/db/open.js';
import {KyselyStore} from '../../src/server/store.js';
import {databaseName, dropDatabase, freshDatabase, onPostgres} from '../support/test-db.mjs';

async function cli(args: string[]) {
  const child = runTs('src/server/cli.ts', args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {code, stdout, stderr};
}

describe(`npm run quanda -- … (${databaseName})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-cli-'));
  let db: string;
  before(async () => {
    db = await freshDatabase(join(dir, 'quanda.db'));
  });
  after(async () => {
    rmSync(dir, {recursive: true, force: true});
    await dropDatabase(db);
  });

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

    const store = new KyselyStore(openDatabase(db));
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

  it('backs up a SQLite database to a copy that opens; on PostgreSQL it points to pg_dump', async () => {
    const copy = join(dir, 'backup.db');
    const {code, stdout, stderr} = await cli(['backup', copy, '--db', db]);
    if (onPostgres) {
      assert.equal(code, 2);
      assert.match(stderr, /pg_dump --format=custom/);
      assert.ok(!stderr.includes('search_path=t_') || !/:[^@/]*@/.test(stderr.split('\n')[2]));
      return;
    }
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Backed up/);
    const store = new KyselyStore(openDatabase(copy));
    const thread = await store.getThread('sleep-hygiene', {sort: 'votes', viewerId: null});
    await store.close();
    assert.equal(thread?.question.title, 'Does sleep hygiene actually work?');
  });
});
