// @ts-check
/**
 * Rendering a post on the reference server (Markdown → sanitized HTML, rich-text.ts) on
 * 12,000 characters, the most an answer may have, of the worst inputs found: the shapes
 * that were slow in one parser or another, and the slowest of a seeded random search over
 * mixes of them. The baseline is 12,000 characters of ordinary prose. A source refused as
 * too complex counts the time to refuse it.
 */
import {TooComplexError, renderMarkdown} from '../../src/server/rich-text.js';

const LENGTH = 12_000;
const fill = (/** @type {string} */ unit) =>
  unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

/** Named worst shapes: each one made some parser slow or deep. */
export const SHAPES = {
  'empty headings ("#\\n")': '#\n',
  'headings ("# a\\n")': '# a\n',
  'paragraphs ("a\\n\\n")': 'a\n\n',
  'list items ("- a\\n")': '- a\n',
  'nested list items ("- a\\n  - b\\n")': '- a\n  - b\n',
  'numbered items ("1. a\\n")': '1. a\n',
  'a list item’s lines ("1. a\\nb")': '1. a\nb',
  'a list item’s indented lines ("- a\\n  b\\n")': '- a\n  b\n',
  'quoted lines ("> a\\n")': '> a\n',
  'quote in list in quote ("> - > a\\n")': '> - > a\n',
  'setext headings ("a\\n=\\n")': 'a\n=\n',
  'emphasis runs ("**a** ")': '**a** ',
  'open emphasis ("*a")': '*a',
  'mixed delimiters ("*a_")': '*a_',
  'link table ("| [a](https://x.org/a) ")': '| [a](https://x.org/a) ',
  'open brackets ("[a")': '[a',
  'link definitions ("[a]: https://x\\n")': '[a]: https://x\n',
  'backtick runs ("`a``")': '`a``',
  'typed HTML ("<a href=x>")': '<a href=x>',
  'entities ("&amp;")': '&amp;',
  'autolinks ("<https://a>")': '<https://a>',
  'deep quote (">" x 12,000)': '>',
  'deep list ("- 1. ")': '- 1. ',
};

const FRAGMENTS = [
  ...new Set([
    ...Object.values(SHAPES),
    'a',
    ' ',
    '\n',
    '\n\n',
    '  ',
    '*',
    '_',
    '`',
    '[',
    ']',
    '(',
    ')',
    '> ',
    '- ',
    '# ',
  ]),
];

/** A seeded generator (mulberry32), so the search finds the same inputs each run. */
function random(/** @type {number} */ seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Milliseconds to render (or refuse) `source`: the fastest of `runs`, and their median.
 * The fastest is what rendering costs; on a shared machine the others add the neighbours.
 */
function time(/** @type {string} */ source, /** @type {number} */ runs) {
  const times = [];
  let refused = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    try {
      renderMarkdown(source);
    } catch (error) {
      if (!(error instanceof TooComplexError)) throw error;
      refused = error.reason;
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {ms: times[0] ?? 0, median: times[Math.floor(times.length / 2)] ?? 0, refused};
}

/**
 * @param {{quick: boolean, log: (line: string) => void}} options
 * @returns {{baseline: {ms: number, median: number}, rows: {name: string, ms: number, median: number, refused: string}[]}}
 */
export function benchMarkdown({quick, log}) {
  const runs = quick ? 3 : 15;
  const prose = fill('Sleep helped me most, and talking to someone I trust. ');
  time(prose, runs); // warm up the parser
  const baseline = time(prose, runs);
  const rows = Object.entries(SHAPES).map(([name, unit]) => ({name, ...time(fill(unit), runs)}));

  // A seeded search over mixes of the fragments: a few of them, repeated to full length.
  const next = random(20_261_206);
  let worst = {name: '', ms: 0, median: 0, refused: ''};
  for (let i = 0; i < (quick ? 40 : 200); i++) {
    const parts = Array.from(
      {length: 1 + Math.floor(next() * 4)},
      () => FRAGMENTS[Math.floor(next() * FRAGMENTS.length)],
    );
    const measured = time(fill(parts.join('')), 1);
    if (measured.ms > worst.ms) worst = {name: JSON.stringify(parts.join('')), ...measured};
  }
  const again = time(fill(JSON.parse(worst.name)), runs);
  rows.push({name: `slowest of the random mixes, ${worst.name} repeated`, ...again});
  log(
    `markdown: prose ${baseline.ms.toFixed(1)} ms, slowest shape ${Math.max(...rows.map((r) => r.ms)).toFixed(1)} ms`,
  );
  return {baseline, rows};
}
