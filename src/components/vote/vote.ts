import {html} from 'lit';
import {property} from 'lit/decorators.js';
import {hostStyles} from '../../styles/host.styles.js';
import {LocalizedElement} from '../shared/localized-element.js';
import {styles} from './vote.styles.js';

/**
 * The score of a question or an answer.
 *
 * @summary Shows the score a post received ("+11 votes").
 * @tag quanda-vote
 * @csspart score - The number.
 * @csspart score-label - The word after the number ("votes").
 * @cssprop [--quanda-vote-accent=var(--quanda-color-accent)] - Colour of the score the reader voted on.
 * @cssprop [--quanda-vote-width=48px] - Least width of the score column.
 * @cssprop [--quanda-vote-score-size=1.5em] - Size of the number.
 */
export class QuandaVote extends LocalizedElement {
  static override styles = [hostStyles, styles];

  /** Score as last confirmed by the server. */
  @property({type: Number}) score = 0;

  /** The reader's current vote. Reflected for styling. */
  @property({type: Number, reflect: true, attribute: 'my-vote'}) myVote: -1 | 0 | 1 = 0;

  override render() {
    const score = this.i18n.number(this.score, {signDisplay: 'exceptZero'});
    const parts = this.i18n.parts('vote.score', {
      count: this.score,
      score: html`<span part="score">${score}</span>`,
    });
    return html`<p class="total">
      ${parts.map((part) =>
        typeof part === 'string' ? html`<span part="score-label">${part}</span>` : part,
      )}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-vote': QuandaVote;
  }
}
