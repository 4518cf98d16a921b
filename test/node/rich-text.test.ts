import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import {markdownToHtml} from '../../src/markdown/markdown.js';
import {allowListed, renderMarkdown} from '../../src/server/rich-text.js';
import {Hono} from 'hono';
import {DEMO_POLICY, createSite} from '../../src/server/site.js';
import {makeApi, moderator} from './helpers.js';
import type {TestApi} from './helpers.js';

const REL = 'rel="nofollow ugc noopener noreferrer" target="_blank"';

/**
 * Markdown on the reference server: what it stores and sends is the Markdown rendered by
 * the preview's parser and sanitized with the widget's allow-list; the source goes only to
 * whoever may edit it. (The browser tests check the same vectors in Chromium.)
 */
describe('rich text on the server', () => {
  it('renders what readers write: emphasis, lists, links, quotes, code, headings', () => {
    const source = [
      '# Title',
      '## Part',
      '1. **Trust.** People _say_ more.',
      '2. `code`',
      '',
      '- a',
      '- b',
      '',
      '3. starts at three',
      '',
      '> quoted',
      '',
      '[a link](https://example.org/x?y=1&z=2) and <mailto:help@example.org>',
      'a new line',
    ].join('\n');
    assert.equal(
      renderMarkdown(source),
      [
        '<h3>Title</h3>',
        '<h4>Part</h4>',
        '<ol>',
        '<li><strong>Trust.</strong> People <em>say</em> more.</li>',
        '<li><code>code</code></li>',
        '</ol>',
        '<ul>',
        '<li>a</li>',
        '<li>b</li>',
        '</ul>',
        '<ol start="3">',
        '<li>starts at three</li>',
        '</ol>',
        '<blockquote>',
        '<p>quoted</p>',
        '</blockquote>',
        `<p><a href="https://example.org/x?y=1&amp;z=2" ${REL}>a link</a> and <a href="mailto:help@example.org" ${REL}>mailto:help@example.org</a><br>a new line</p>`,
        '',
      ].join('\n'),
    );
  });

  it('keeps typed HTML as text, and makes no link of a script URL', () => {
    assert.equal(
      renderMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1)) <javascript:alert(1)>'),
      '<p>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) &lt;javascript:alert(1)&gt;</p>\n',
    );
    // No images, no rules: what the thread does not show is not made.
    assert.equal(
      markdownToHtml('![a](https://x/a.png)\n\n---'),
      '<p>!<a href="https://x/a.png">a</a></p>\n<p>---</p>\n',
    );
  });

  it('holds the parser’s HTML to the allow-list: tags, attributes and link targets', () => {
    const cases: [string, string][] = [
      ['<p onclick="x()" id="y" class="z" style="color:red">a</p>', '<p>a</p>'],
      ['<pre><code class="language-js">x &lt; y</code></pre>', '<pre><code>x &lt; y</code></pre>'],
      ['<b>bold</b> <span>span</span> <h1>big</h1>', 'bold span big'],
      ['<a href="javascript:alert(1)">j</a>', '<a>j</a>'],
      ['<a href="JaVaScRiPt:alert(1)">j</a>', '<a>j</a>'],
      ['<a href="java&#x09;script:alert(1)">j</a>', '<a>j</a>'],
      ['<a href="data:text/html,x">d</a><a href="vbscript:x">v</a>', '<a>d</a><a>v</a>'],
      ['<a href="/relative">r</a>', '<a>r</a>'],
      [
        '<a href=" https://example.org" target="_self" rel="opener">ok</a>',
        `<a href="https://example.org/" ${REL}>ok</a>`,
      ],
      [
        '<a href="https://x.org/?a=1&amp;b=&quot;2&quot;">q</a>',
        `<a href="https://x.org/?a=1&amp;b=%222%22" ${REL}>q</a>`,
      ],
      ['<ol start="4" type="a"><li value="9">x</li></ol>', '<ol start="4"><li>x</li></ol>'],
      ['<ol start="4x"><li>x</li></ol>', '<ol><li>x</li></ol>'],
      ['<h3 id="clobber">h</h3><h7>seven</h7>', '<h3>h</h3>seven'],
      ['a<br>b<br/>c</br>', 'a<br>b<br>c'],
      // Anything that does not read as a plain tag is text, never markup.
      ['<!-- a comment --><p>p</p>', '&lt;!-- a comment --><p>p</p>'],
      ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
      ['<a href="x" onclick=alert(1)>y', '&lt;a href="x" onclick=alert(1)>y'],
      ['<p <script>', '&lt;p '],
      ['<svg><script>alert(1)</script></svg>', 'alert(1)'],
    ];
    for (const [dirty, clean] of cases) assert.equal(allowListed(dirty), clean, dirty);
  });

  it('has no widget code that parses HTML into the page unsanitized', () => {
    const src = new URL('../../src/', import.meta.url);
    const files = readdirSync(src, {recursive: true, encoding: 'utf8'}).filter(
      (file) => file.endsWith('.ts') && !file.startsWith('server'),
    );
    const sinks =
      /unsafeHTML\(|\.(inner|outer)HTML\s*=|insertAdjacentHTML|setHTMLUnsafe|createContextualFragment|document\.write/;
    const found = files.filter((file) => sinks.test(readFileSync(new URL(file, src), 'utf8')));
    assert.deepEqual(found, []);
    assert.ok(files.length > 40);
  });

  it('serves the demo pages under the strict policy docs/embedding.md documents', async () => {
    assert.equal(
      DEMO_POLICY,
      "script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html quanda; base-uri 'none'; object-src 'none'; frame-ancestors 'none'",
    );
    const site = createSite(new Hono());
    for (const page of ['/', '/theme.html']) {
      const response = await site.request(page);
      assert.equal(response.status, 200, page);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, page);
      assert.equal(response.headers.get('content-security-policy'), DEMO_POLICY, page);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', page);
      assert.equal(
        response.headers.get('referrer-policy'),
        'strict-origin-when-cross-origin',
        page,
      );
    }
  });

  describe('through the API', () => {
    let app: TestApi;
    let author: string;
    let reader: string;
    let answerId: string;
    const source = 'Try **this**:\n\n- sleep\n- <script>alert(1)</script>';

    before(async () => {
      app = await makeApi();
      await app.question('q');
      author = await app.viewer();
      reader = await app.viewer();
      const created = await app.send(
        'POST',
        '/questions/q/answers',
        {body: source},
        {token: author},
      );
      answerId = created.body.id;
    });
    after(() => app.close());

    const html =
      '<p>Try <strong>this</strong>:</p>\n<ul>\n<li>sleep</li>\n<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>\n</ul>\n';

    it('stores the Markdown and sends the sanitized HTML, with the source to its author only', async () => {
      const read = (token?: string) =>
        app.json('/questions/q', token ? {headers: {authorization: `Bearer ${token}`}} : {});
      const mine = await read(author);
      const theirs = await read(reader);
      const anonymous = await read();
      const bodyOf = (reply: {body: any}) =>
        reply.body.answers.find((a: {id: string}) => a.id === answerId).body;
      assert.deepEqual(bodyOf(mine), {format: 'markdown', html, source});
      assert.deepEqual(bodyOf(theirs), {format: 'markdown', html});
      assert.deepEqual(bodyOf(anonymous), {format: 'markdown', html});
    });

    it('shows moderators what was written as well as how it shows', async () => {
      for (const token of [reader, await app.viewer(), await app.viewer()]) {
        await app.send('POST', `/posts/${answerId}/flags`, {reason: 'spam'}, {token});
      }
      const queue = await app.json('/moderation/posts?status=flagged', {headers: moderator});
      assert.deepEqual(queue.body.posts[0].body, {format: 'markdown', html, source});
    });
  });
});
