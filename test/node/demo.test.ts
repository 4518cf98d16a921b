import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';

const DEMO = new URL('../../demo/', import.meta.url);

/**
 * The demo pages will be served under a strict Content Security Policy (no inline script
 * or style): everything they run or style with comes from files.
 */
describe('demo pages', () => {
  for (const file of readdirSync(DEMO).filter((name) => name.endsWith('.html'))) {
    it(`${file} has no inline script, style or event handler`, () => {
      const html = readFileSync(new URL(file, DEMO), 'utf8');
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'inline <script>');
      assert.doesNotMatch(html, /<style[\s>]/i, '<style> element');
      assert.doesNotMatch(html, /\sstyle=/i, 'style attribute');
      assert.doesNotMatch(html, /\son[a-z]+=/i, 'inline event handler');
      assert.doesNotMatch(html, /javascript:/i, 'javascript: URL');
    });
  }

  it('the article links to the theme playground', () => {
    const html = readFileSync(new URL('index.html', DEMO), 'utf8');
    assert.match(html, /href="\/theme\.html"/);
  });
});
