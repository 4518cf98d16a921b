/**
 * Registers every Quanda element. The only module with side effects; safe to load twice
 * (a second copy of Quanda on the page leaves the first one's elements in place).
 */
import './api/jitless.js';
import {define as defineBoard} from './components/board/define-board.js';
import {define as defineThread} from './components/thread/define-thread.js';
import {defineElement} from './define-element.js';

export {defineElement};
// The elements' types (the tag-name and event maps included) come with this import alone,
// so `import 'quanda/define'` is enough for TypeScript to know `<quanda-thread>`.
export type * from './index.js';

defineThread();
defineBoard();
