import {defineElement} from '../../define-element.js';
import {QuandaBoard} from './board.js';

/** Registers `<quanda-board>`; the thread it opens a question in loads when one opens. */
export function define() {
  defineElement('quanda-board', QuandaBoard);
}
