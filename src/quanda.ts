/**
 * The drop-in file, `dist/quanda.js`: one `<script type="module">`, and what the page
 * holds loads. A page with a `<quanda-board>` gets the board (which brings the thread
 * when a question opens, from the same copy of Quanda); a page with only
 * `<quanda-thread>` gets `quanda-threads.js`, everything a thread needs in one file. A
 * page that adds either later (a single-page site) gets it then. Nothing else is in this
 * file, so neither kind of page pays for the other.
 */
let board: Promise<unknown> | undefined;
let threads: Promise<unknown> | undefined;

/** Says why a part did not load; a failed load (a flaky network) is tried again at the next change. */
const report = (error: unknown) => console.error('Quanda could not load', error);

function look() {
  if (board) return;
  if (document.querySelector('quanda-board')) {
    board = import('./drop-in/boards.js').catch((error: unknown) => {
      board = undefined;
      report(error);
    });
  } else if (!threads && document.querySelector('quanda-thread,quanda-question,quanda-answer')) {
    // Built apart (vite.config.ts): one file, not the board's shared chunk and the thread's.
    const url = new URL('quanda-threads.js', import.meta.url).href;
    threads = import(/* @vite-ignore */ url).catch((error: unknown) => {
      threads = undefined;
      report(error);
    });
  }
}

look();
new MutationObserver(look).observe(document, {childList: true, subtree: true});
