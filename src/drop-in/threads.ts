/**
 * `dist/quanda-threads.js`: what a page with only `<quanda-thread>` loads after the
 * drop-in file (see ../quanda.ts): Lit, the contract, the client and the thread's
 * elements in one file, one request and one compression window, registered on arrival.
 */
import '../api/jitless.js';
import {define} from '../components/thread/define-thread.js';

define();
