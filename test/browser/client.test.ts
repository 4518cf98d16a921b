import {expect} from '@open-wc/testing';
import '../../src/api/jitless.js';
import {QuandaError} from '../../src/api/api-error.js';
import {RestClient, parseRetryAfter} from '../../src/api/client.js';
import {
  SERVER_START_TIMEOUT,
  misbehavingServer,
  startQuandaServer,
  stopQuandaServers,
} from '../support/servers.js';
import type {MisbehavingServer, QuandaServer} from '../support/servers.js';
import {shownText} from '../support/bodies.js';

async function failure(promise: Promise<unknown>): Promise<QuandaError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(QuandaError);
    return error as QuandaError;
  }
  throw new Error('expected the request to fail');
}

describe('RestClient', () => {
  let bad: MisbehavingServer;
  let real: QuandaServer;

  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    bad = await misbehavingServer();
    real = await startQuandaServer({
      fixture: {demo: true, questions: [{id: 'paged', answers: 13}]},
    });
  });
  after(() => stopQuandaServers());

  const clientFor = (mode: string, timeout = 5000) =>
    new RestClient({endpoint: `${bad.url}/${mode}`, timeout});

  describe('against the real reference server', () => {
    it('reads and parses a thread', async () => {
      const thread = await new RestClient({endpoint: real.api}).getThread(
        'therapist-confidentiality',
      );
      expect(thread.question.title).to.match(/therapists so secretive/);
      expect(thread.question.category).to.equal('Psychotherapy');
      expect(thread.answers[0].isAccepted).to.be.true;
      expect(new Date(thread.serverTime).getTime()).to.be.closeTo(Date.now(), 60_000);
    });

    it('pages with the cursor until there is none', async () => {
      const client = new RestClient({endpoint: real.api});
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.getThread('paged', {sort: 'oldest', cursor});
        seen.push(...page.answers.map((answer) => shownText(answer.body)));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).to.have.length(13);
      expect(seen[0]).to.equal('Answer number 1 to paged.');
      expect(seen[12]).to.equal('Answer number 13 to paged.');
    });

    it('accepts an endpoint relative to the page, with or without a trailing slash', () => {
      expect(new RestClient({endpoint: '/api'}).endpoint).to.equal(`${location.origin}/api/`);
      expect(new RestClient({endpoint: `${real.api}/`}).endpoint).to.equal(`${real.api}/`);
    });

    it('turns a 404 into an http error with the envelope', async () => {
      const error = await failure(
        new RestClient({endpoint: real.api}).getThread('no-such-question'),
      );
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(404);
      expect(error.code).to.equal('not_found');
      expect(error.isTransient).to.be.false;
    });

    it('turns a 400 for a malformed id into an http error naming the field', async () => {
      const error = await failure(new RestClient({endpoint: real.api}).getThread('bad id!'));
      expect(error.status).to.equal(400);
      expect(error.envelope?.fields).to.have.property('question id');
    });
  });

  describe('against a misbehaving server', () => {
    it('reports malformed JSON as an invalid response', async () => {
      const error = await failure(clientFor('malformed-json').getThread('42'));
      expect(error.kind).to.equal('invalid-response');
      expect(error.message).to.match(/not JSON/);
    });

    it('reports the wrong shape with the zod issues', async () => {
      const error = await failure(clientFor('wrong-shape').getThread('42'));
      expect(error.kind).to.equal('invalid-response');
      const paths = error.issues.map((issue) => issue.path.join('.'));
      expect(paths).to.include('answers');
      expect(paths).to.include('question.id');
    });

    it('reports an HTML page answered with 200 as an invalid response', async () => {
      const error = await failure(clientFor('html-page').getThread('42'));
      expect(error.kind).to.equal('invalid-response');
      expect(error.message).to.match(/HTML page/);
    });

    it('reports a thread of another question than the one asked for', async () => {
      const error = await failure(clientFor('other-question').getThread('42'));
      expect(error.kind).to.equal('invalid-response');
      expect(error.message).to.contain('answered with question "q42"');
      // The same thread, asked for by its own id, is fine.
      const thread = await clientFor('other-question').getThread('q42');
      expect(thread.question.id).to.equal('q42');
    });

    it('reports an empty body as an invalid response', async () => {
      const error = await failure(clientFor('empty-body').getThread('42'));
      expect(error.kind).to.equal('invalid-response');
    });

    it('reports a 500 with its envelope as a transient http error', async () => {
      const error = await failure(clientFor('server-error').getThread('42'));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(500);
      expect(error.code).to.equal('internal');
      expect(error.isTransient).to.be.true;
    });

    it('reports an HTML error page as an http error without an envelope', async () => {
      const error = await failure(clientFor('html-error').getThread('42'));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(502);
      expect(error.envelope).to.be.undefined;
    });

    it('reads Retry-After from a 429', async () => {
      const error = await failure(clientFor('rate-limited').getThread('42'));
      expect(error.status).to.equal(429);
      expect(error.retryAfter).to.equal(30);
      expect(error.isTransient).to.be.true;
    });

    it('times out a response that never ends', async () => {
      const error = await failure(clientFor('never-ends', 300).getThread('42'));
      expect(error.kind).to.equal('timeout');
    });

    it('times out a server that never answers', async () => {
      const error = await failure(clientFor('no-response', 300).getThread('42'));
      expect(error.kind).to.equal('timeout');
    });

    it('reports no server at all as a network error', async () => {
      const error = await failure(new RestClient({endpoint: bad.closedUrl}).getThread('42'));
      expect(error.kind).to.equal('network');
      expect(error.isTransient).to.be.true;
    });

    it('rejects with the caller’s reason when cancelled, not with a QuandaError', async () => {
      const controller = new AbortController();
      const request = clientFor('no-response').getThread('42', {signal: controller.signal});
      const reason = new DOMException('left the page', 'AbortError');
      controller.abort(reason);
      const error = await request.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.equal(reason);
    });
  });

  it('parses Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120);
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:01:00 GMT', now)).to.equal(60);
    expect(parseRetryAfter('soon', now)).to.be.undefined;
    expect(parseRetryAfter(null, now)).to.be.undefined;
  });
});
