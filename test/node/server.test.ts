import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import {build} from 'vite';
import {startServer} from '../support/quanda-server.mjs';

/** The server as `npm start` runs it: a process, a fresh SQLite file, the demo site. */
describe('reference server process', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer({seed: true});
  });
  after(() => server.stop());

  it('creates, migrates and seeds its database on first run', async () => {
    assert.ok(existsSync(server.db));
    assert.ok(
      server.lines.some((line) =>
        line.includes(
          'migrated (0001_posts_and_votes, 0002_write_path, 0003_markdown_bodies, 0004_comment_counts_by_index, 0006_mail)',
        ),
      ),
    );
    const response = await fetch(`${server.api}/questions/therapist-confidentiality`);
    assert.equal(response.status, 200);
    const thread = (await response.json()) as {question: {score: number}; answers: unknown[]};
    assert.equal(thread.question.score, 11);
    assert.equal(thread.answers.length, 5);
  });

  it('serves the demo article with the widget embedded by one script tag and one element', async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /<script type="module" src="\/quanda.js"><\/script>/);
    assert.match(page, /<quanda-thread endpoint="\/api" question-id="therapist-confidentiality"/);
  });

  it('serves the drop-in file to any origin, cached briefly', {timeout: 120_000}, async () => {
    // The file `npm start` builds first: built here when this checkout has none yet.
    if (!existsSync('dist/quanda.js')) await build({logLevel: 'silent'});
    const response = await fetch(`${server.url}/quanda.js`, {
      headers: {origin: 'https://blog.example.org'},
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('content-type')!, /javascript/);
    assert.match(response.headers.get('cache-control')!, /max-age=300/);
    assert.ok(response.headers.get('etag'));
  });

  it('keeps its data across a restart', async () => {
    const again = await startServer({seed: true, dir: server.db.replace(/\/quanda\.db$/, '')});
    try {
      assert.ok(!again.lines.some((line) => line.includes('seeded')));
      const response = await fetch(`${again.api}/questions/therapist-confidentiality`);
      assert.equal(response.status, 200);
    } finally {
      await again.stop();
    }
  });
});
