/**
 * The drop-in file, `dist/quanda.js`: one `<script type="module">`, and what the page
 * holds loads. A page with a `<quanda-board>` gets the board (which brings the thread
 * when a question opens, from the same copy of Quanda); a page with only
 * `<quanda-thread>` gets `quanda-threads.js`, everything a thread needs in one file. A
 * page that adds either later (a single-page site) gets it then. Nothing else is in this
 * file, so neither kind of page pays for the other.
 */
const THREAD_TAGS = ['quanda-thread', 'quanda-question', 'quanda-answer', 'quanda-vote'];

const loaded = new Set<string>();

/** Loads a part once; a failed load (a flaky network) is tried again at the next change. */
function load(part: string, from: () => Promise<unknown>) {
  if (loaded.has(part)) return;
  loaded.add(part);
  from().catch((error: unknown) => {
    loaded.delete(part);
    console.error('Quanda could not load', error);
  });
}

function look() {
  if (document.querySelector('quanda-board')) {
    load('board', () => import('./drop-in/boards.js'));
  } else if (THREAD_TAGS.some((tag) => document.querySelector(tag)) && !loaded.has('board')) {
    // Built apart (vite.config.ts): one file, not the board's shared chunk and the thread's.
    load(
      'threads',
      () => import(/* @vite-ignore */ new URL('quanda-threads.js', import.meta.url).href),
    );
  }
}

look();
new MutationObserver(look).observe(document, {childList: true, subtree: true});
