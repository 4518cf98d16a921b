import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import type {QuandaAnswer} from '../../../src/components/answer/answer.js';
import {$} from '../../support/dom.js';
import {answer, comment} from '../../support/builders.js';

const markdown = (rendered: string, source?: string) =>
  source === undefined
    ? {format: 'markdown' as const, html: rendered}
    : {format: 'markdown' as const, html: rendered, source};

/**
 * How a post's body reaches the page: plain text as paragraphs, any HTML through the
 * sanitizer, as nodes (never parsed by Lit, never unsafeHTML), kept while it is unchanged.
 */
describe('rich text in posts', () => {
  const mount = (body: Parameters<typeof answer>[0]) =>
    fixture<QuandaAnswer>(html`<quanda-answer .answer=${answer(body)}></quanda-answer>`);
  const body = (el: QuandaAnswer) => $(el, '[part~="body"]')!;

  it('shows Markdown as its sanitized HTML, links opening safely in a new tab', async () => {
    const el = await mount({
      body: markdown(
        '<h3>Why</h3><ol start="2"><li><strong>Trust.</strong> <a href="https://example.org">more</a></li></ol>' +
          '<p onclick="alert(1)" class="x">p<img src=x onerror="alert(1)"><a href="javascript:alert(1)">j</a></p>',
      ),
    });
    expect(
      body(el)
        .innerHTML.replace(/<!--[^>]*-->/g, '')
        .trim(),
    ).to.equal(
      '<h3>Why</h3><ol start="2"><li><strong>Trust.</strong> <a href="https://example.org/" rel="nofollow ugc noopener noreferrer" target="_blank">more</a></li></ol>' +
        '<p>p<a>j</a></p>',
    );
    await expect(el).to.be.accessible();
  });

  it('sanitizes a backend’s html bodies, and keeps the words of harmless wrappers', async () => {
    const el = await mount({
      body: {
        format: 'html',
        html: '<div><b>bold</b> <span>and</span> <svg><text>no</text></svg>kept</div>',
      },
    });
    expect(
      body(el)
        .innerHTML.replace(/<!--[^>]*-->/g, '')
        .trim(),
    ).to.equal('bold and kept');
  });

  it('keeps plain-text posts as paragraphs, never as HTML', async () => {
    const el = await mount({body: {format: 'text', text: '<b>not bold</b>\n\nsecond'}});
    expect([...body(el).querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal([
      '<b>not bold</b>',
      'second',
    ]);
  });

  it('leaves the nodes alone while the HTML is the same, and replaces them when it changes', async () => {
    const el = await mount({body: markdown('<p>first</p>')});
    const paragraph = body(el).querySelector('p');
    el.answer = {...el.answer!, score: 5};
    await el.updateComplete;
    expect(body(el).querySelector('p')).to.equal(paragraph);
    el.answer = {...el.answer, body: markdown('<p>second</p>')};
    await el.updateComplete;
    expect(body(el).textContent?.trim()).to.equal('second');
  });

  it('renders comments’ Markdown the same way', async () => {
    const el = await mount({
      comments: {
        items: [comment({body: markdown('<p><em>thanks</em><script>alert(1)</script></p>')})],
        count: 1,
      },
    });
    const comments = $(el, 'quanda-comments')!;
    await waitUntil(() => $(comments, '[part~="comment-body"] em'));
    expect($(comments, '[part~="comment-body"] script')).to.be.null;
  });

  it('loads DOMPurify where the browser has no Element.setHTML, then shows the post', async () => {
    const setHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'setHTML')!;
    delete (Element.prototype as {setHTML?: unknown}).setHTML;
    try {
      const el = await mount({body: markdown('<p>via <strong>DOMPurify</strong><img src=x></p>')});
      await waitUntil(() => body(el).querySelector('strong'), 'the fallback never rendered');
      expect(body(el).querySelector('img')).to.be.null;
    } finally {
      Object.defineProperty(Element.prototype, 'setHTML', setHTML);
    }
  });
});
