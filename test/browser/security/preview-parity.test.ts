import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/define.js';
import type {Answer, ViewerSession} from '../../../src/api/schemas.js';
import type {QuandaAnswerForm} from '../../../src/components/answer-form/answer-form.js';
import {loadElement} from '../../../src/lazy.js';
import {sanitize, sanitizerReady} from '../../../src/sanitize/sanitize.js';
import {$} from '../../support/dom.js';
import {startQuandaServer, stopQuandaServers} from '../../support/servers.js';
import type {QuandaServer} from '../../support/servers.js';

/** Markdown readers write, and the corners where two renderings could part ways. */
const SAMPLES = [
  'Plain words, nothing else.',
  'Some **bold**, some _italic_, some *more italic* and `code`.',
  '1. **Trust and safety.** First.\n2. **Openness.** Second.\n\n- one exception;\n- another.',
  '3. A list that starts at three\n4. and goes on',
  '- nested\n  - deeper\n    1. numbered inside\n- back out',
  '> A quote\n> on two lines\n>\n> - with a list',
  '# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six',
  'Setext heading\n===\n\nAnother\n---',
  '```js\nconst a = 1 < 2 && "x";\n```\n\n    indented code',
  '[a link](https://example.org/a?b=1&c=2 "title") and [mail](mailto:help@example.org)',
  '<https://example.org/auto> and <help@example.org>',
  '[relative](/somewhere) [script](javascript:alert(1)) [data](data:text/html,x)',
  '[reference][r]\n\n[r]: https://example.org/ref',
  'Entities: &copy; &amp; &lt;b&gt; &#x27; &nbsp;end',
  'Raw <b>HTML</b> <img src=x onerror=alert(1)> stays text.',
  'A line\nbreaks here,  \nand here\\\nand here.',
  '\\*not emphasis\\* and 2 * 3 * 4',
  '![an image](https://example.org/i.png) is a link here',
  'العربية من اليمين إلى اليسار، **بخط عريض**.',
  '日本語の**太字**と_斜体_。 Emoji 🙂 too.',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '<!-- a comment -->\n\nafter',
  '---\n\n***',
];

/** A DOM as a canonical string: tags, sorted attributes, text with runs of spaces as one. */
function normalized(root: Node): string {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const words = (node.textContent ?? '').replace(/\s+/g, ' ');
      if (words.trim()) out.push(words);
      return;
    }
    if (!(node instanceof Element)) return;
    const attributes = [...node.attributes]
      .map(({name, value}) => `${name}="${value}"`)
      .sort()
      .join(' ');
    out.push(`<${node.localName}${attributes ? ` ${attributes}` : ''}>`);
    node.childNodes.forEach(visit);
    out.push(`</${node.localName}>`);
  };
  root.childNodes.forEach(visit);
  return out.join('').replace(/> </g, '><').trim();
}

/**
 * The preview shows what the thread will show: each sample posted through the reference
 * server (rendered and sanitized there, then sanitized again by the widget) and typed
 * into the answer form's preview (rendered by the same parser, sanitized by the widget)
 * give the same DOM, with the browser's Sanitizer API and with the DOMPurify fallback.
 */
describe('the preview matches what the server renders', () => {
  let server: QuandaServer;
  const fromServer: string[] = [];
  let setHTML: PropertyDescriptor | undefined;

  before(async function () {
    this.timeout(60_000);
    setHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'setHTML');
    server = await startQuandaServer({env: {QUANDA_LIMIT_ANSWERS: '100/100'}});
    const admin = await fetch(`${server.api}/questions`, {
      method: 'POST',
      headers: {'content-type': 'application/json', authorization: `Bearer ${server.adminToken}`},
      body: JSON.stringify({id: 'samples', title: 'Markdown samples for the preview'}),
    });
    expect(admin.status).to.equal(201);
    const viewer = await fetch(`${server.api}/viewer`, {method: 'POST'});
    const {token} = (await viewer.json()) as ViewerSession;
    for (const [i, sample] of SAMPLES.entries()) {
      const reply = await fetch(`${server.api}/questions/samples/answers`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': crypto.randomUUID(),
        },
        // Long enough to be an answer, and never a duplicate of another sample.
        body: JSON.stringify({body: `${sample}\n\nSample ${i}.`}),
      });
      expect(reply.status, sample).to.equal(201);
      const {body} = (await reply.json()) as Answer;
      expect(body.format).to.equal('markdown');
      fromServer.push(body.format === 'markdown' ? body.html : '');
    }
    await loadElement('quanda-answer-form');
  });

  after(async () => {
    if (setHTML) Object.defineProperty(Element.prototype, 'setHTML', setHTML);
    await stopQuandaServers();
  });

  for (const sanitizer of ['native', 'fallback'] as const) {
    it(`for ${SAMPLES.length} samples, sanitized by ${sanitizer === 'native' ? 'Element.setHTML' : 'DOMPurify'}`, async function () {
      this.timeout(30_000);
      if (sanitizer === 'fallback') delete (Element.prototype as {setHTML?: unknown}).setHTML;
      await sanitizerReady();
      const form = await fixture<QuandaAnswerForm>(html`<quanda-answer-form></quanda-answer-form>`);
      await waitUntil(() => $(form, '[part~="preview-button"]'), 'no toolbar'); // loads beside the form
      const textarea = $(form, 'textarea') as HTMLTextAreaElement;
      for (const [i, sample] of SAMPLES.entries()) {
        textarea.value = `${sample}\n\nSample ${i}.`;
        $(form, '[part~="preview-button"]')!.click();
        await waitUntil(() => $(form, '[part~="preview"]')?.textContent?.includes(`Sample ${i}.`));
        const preview = normalized($(form, '[part~="preview"]')!);
        const shown = normalized(sanitize(fromServer[i])!);
        expect(preview, sample).to.equal(shown);
        $(form, '[part~="write-button"]')!.click();
      }
    });
  }
});
