/**
 * What the first load imports on demand for writing, through this one module: the answer
 * form and the thread's write handling. The
 * drop-in build puts it all in one chunk (the `write` group in vite.config.ts); importing
 * it through one module gives that chunk one set of exports to build, not one per module.
 */
export {QuandaAnswerForm} from './components/answer-form/answer-form.js';
export {attach, handleIntent} from './components/thread/thread-writes.js';
