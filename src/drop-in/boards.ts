/**
 * What a page with `<quanda-board>` loads after the drop-in file (see ../quanda.ts): the
 * board, with what it shares with a thread in a chunk of its own, so a question opened
 * in the board loads only the thread's own code. A `<quanda-thread>` on the same page is
 * defined from here too: one copy of everything.
 */
import '../api/jitless.js';
import {define as defineBoard} from '../components/board/define-board.js';

const THREAD_TAGS = ['quanda-thread', 'quanda-question', 'quanda-answer'];

defineBoard();

/** The thread's elements load once one is on the page (a board opens one by itself). */
const look = () => {
  if (
    !customElements.get('quanda-thread') &&
    THREAD_TAGS.some((tag) => document.querySelector(tag))
  ) {
    void import('../components/thread/define-thread.js').then(({define}) => define());
  }
};
look();
new MutationObserver(look).observe(document, {childList: true, subtree: true});
