import {expect, fixtureSync, html} from '@open-wc/testing';
import {
  buildDropIn,
  startQuandaServer,
  stopQuandaServers,
  strictPage,
} from '../../support/servers.js';
import type {QuandaServer} from '../../support/servers.js';

interface PageRecord {
  steps: string[];
  violations: string[];
  errors: string[];
}

/**
 * Quanda on a page whose Content Security Policy allows only what docs/embedding.md documents:
 * scripts from the page and Quanda's origin, styles from the page, requests to Quanda's
 * origin, Trusted Types enforced with only `lit-html` and `quanda` allowed. The page (from
 * its own origin, with the built drop-in file from the reference server's) records every
 * `securitypolicyviolation` while the widget loads, a reader votes, formats, previews and
 * posts an answer. wtr's own pages cannot carry such a header, so the page is a frame.
 */
describe('on a page with a strict Content Security Policy and Trusted Types', () => {
  let server: QuandaServer;
  let page: string;

  before(async function () {
    this.timeout(180_000);
    [server, {url: page}] = await Promise.all([
      startQuandaServer({seed: true}),
      strictPage(),
      buildDropIn(),
    ]).then(([s, p]) => [s, p] as const);
  });
  after(() => stopQuandaServers());

  async function visit(options: Record<string, string> = {}): Promise<PageRecord> {
    const query = new URLSearchParams({
      quanda: server.url,
      question: 'therapist-confidentiality',
      ...options,
    });
    const record = new Promise<PageRecord>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if ((event.data as {type?: unknown} | null)?.type !== 'quanda-strict-page') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data as PageRecord);
      };
      window.addEventListener('message', onMessage);
    });
    // fixtureSync: fixture() waits for an animation frame, which a page behind gets none of.
    fixtureSync(html`<iframe title="Host page" src=${`${page}/page.html?${query}`}></iframe>`);
    return record;
  }

  const everything = ['loaded', 'voted', 'formatted', 'previewed', 'answered'];

  it('loads, votes, formats, previews and answers with no violation', async function () {
    this.timeout(60_000);
    const seen = await visit();
    expect(seen.errors).to.deep.equal([]);
    expect(seen.violations).to.deep.equal([]);
    expect(seen.steps).to.deep.equal(everything);
  });

  it('does the same where the browser has no Sanitizer API (DOMPurify, through `quanda`)', async function () {
    this.timeout(60_000);
    const seen = await visit({fallback: '1'});
    expect(seen.errors).to.deep.equal([]);
    expect(seen.violations).to.deep.equal([]);
    expect(seen.steps).to.deep.equal(everything);
  });

  it("loaded twice, needs 'allow-duplicates' for Lit's policy; then nothing is reported", async function () {
    this.timeout(60_000);
    const seen = await visit({copies: '2', duplicates: '1'});
    expect(seen.errors).to.deep.equal([]);
    expect(seen.violations).to.deep.equal([]);
    expect(seen.steps).to.deep.equal(everything);
  });

  it("loaded twice without 'allow-duplicates': one copy of Quanda loads, and nothing is refused", async function () {
    this.timeout(60_000);
    const seen = await visit({copies: '2'});
    // Both drop-in files choose the same quanda-threads.js, which the browser loads once:
    // one Lit, one `lit-html` policy, so no second copy for the policy to refuse.
    expect(seen.violations).to.deep.equal([]);
    expect(seen.errors).to.deep.equal([]);
    expect(seen.steps).to.deep.equal(everything);
  });
});
