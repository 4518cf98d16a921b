import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {RestClient} from '../../src/api/client.js';
import type {ViewerTokenStore} from '../../src/api/viewer-tokens.js';
import {startServer} from '../support/quanda-server.mjs';

/**
 * The contract's client on its own, in Node (no IndexedDB, no DOM) against the reference
 * server: what the elements use in the browser is usable from a script or a test.
 */
describe('RestClient in Node', () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  before(async () => {
    server = await startServer({fixture: {questions: [{id: 'q'}]}});
  });
  after(() => server.stop());

  it('reads a thread, and writes as one viewer with its token kept in memory', async () => {
    const client = new RestClient({endpoint: server.api});
    assert.equal((await client.getThread('q')).question.id, 'q');
    assert.equal(await client.viewerKey(), '', 'no viewer before the first write');
    const posted = await client.postAnswer('q', {body: 'An answer sent from Node.', notify: false});
    assert.equal(posted.author.isViewer, true);
    const viewer = await client.viewerKey();
    assert.notEqual(viewer, '', 'the first write minted a viewer');
    // The same viewer removes its own answer: the token was kept for the next write.
    assert.deepEqual(await client.removePost(posted.id), {id: posted.id, removed: true});
    assert.equal(await client.viewerKey(), viewer);
  });

  it('keeps tokens where it is told to', async () => {
    const kept = new Map<string, string>();
    const tokens: ViewerTokenStore = {
      get: (endpoint) => Promise.resolve(kept.get(endpoint) ?? null),
      set: (endpoint, token) => Promise.resolve(void kept.set(endpoint, token)),
      delete: (endpoint) => Promise.resolve(void kept.delete(endpoint)),
    };
    const client = new RestClient({endpoint: server.api, tokens});
    assert.equal((await client.vote('q', 1)).viewerVote, 1);
    assert.match(kept.get(client.endpoint) ?? '', /\S{16,}/);
    // Another client on the same store is the same viewer: its vote is already there.
    const again = new RestClient({endpoint: server.api, tokens});
    assert.equal((await again.getThread('q')).question.viewerVote, 1);
  });
});
