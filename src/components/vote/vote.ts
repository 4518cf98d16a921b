import {html, nothing, svg} from 'lit';
import type {Permission, VoteValue} from '../../api/schemas.js';
import {QuandaVoteEvent} from '../../events/quanda-event.js';
import {hostStyles} from '../../styles/host.styles.js';
import {LocalizedElement, reasonText, toggleState} from '../shared/localized-element.js';
import {styles} from './vote.styles.js';

const upArrow = svg`<path d="M12 5 4 15h16z" />`;
const downArrow = svg`<path d="M12 19 4 9h16z" />`;

/**
 * The score of a question or an answer, with up and down toggle buttons.
 *
 * @summary Lets a reader cast one vote, change it or take it back; shows the score.
 * @tag quanda-vote
 * @fires {QuandaVoteEvent} quanda-vote - The reader pressed a button: `detail.value` is the vote they now want (1, 0 or -1). Cancelable; fired before anything is sent.
 * @csspart up-button - The upvote button.
 * @csspart down-button - The downvote button.
 * @csspart score - The number.
 * @csspart score-label - The word after the number ("votes").
 * @csspart note - Why voting is not possible, shown when a reader tries.
 * @cssprop [--quanda-vote-accent=var(--quanda-color-accent)] - Colour of the reader's own vote.
 * @cssprop [--quanda-vote-button-size=32px] - Size of each button.
 * @cssprop [--quanda-vote-width=48px] - Least width of the score column.
 * @cssprop [--quanda-vote-score-size=1.5em] - Size of the number.
 * @cssstate pending - The vote is being saved.
 */
export class QuandaVote extends LocalizedElement {
  static override styles = [hostStyles, styles];

  static override properties = {
    score: {type: Number},
    myVote: {type: Number, reflect: true, attribute: 'my-vote'},
    postId: {attribute: 'post-id'},
    label: {},
    permission: {attribute: false},
    pending: {type: Boolean},
    showReason: {state: true},
  };

  /** Score as last confirmed by the server. */
  score = 0;

  /** The reader's current vote. Reflected for styling. */
  myVote: VoteValue = 0;

  /** The post voted on; sent with `quanda-vote`. */
  postId = '';

  /** What the buttons vote on, for their names: "answer by Jonas", "the question". */
  label = '';

  /** Whether this reader may vote, and why not. Without it, only the score shows. */
  permission?: Permission;

  /** A vote is being saved. */
  pending = false;

  private showReason = false;

  readonly #internals = this.attachInternals();

  override willUpdate() {
    toggleState(this.#internals, 'pending', this.pending);
  }

  override render() {
    const {i18n} = this;
    const score = this.i18n.number(this.score, {signDisplay: 'exceptZero'});
    const total = i18n.parts('vote.score', {
      count: this.score,
      score: html`<span part="score">${score}</span>`,
    });
    // A site whose client cannot write gets the score alone.
    const permission = this.permission?.reason === 'read-only' ? undefined : this.permission;
    const blocked = permission && !permission.allowed;
    return html`${permission ? this.#button(1, blocked) : nothing}
      <p class="total">
        ${total.map((part) =>
          typeof part === 'string' ? html`<span part="score-label">${part}</span>` : part,
        )}
      </p>
      ${permission ? this.#button(-1, blocked) : nothing}
      ${
        blocked
          ? html`<span id="reason" part="note" class=${this.showReason ? '' : 'visually-hidden'}>
              ${reasonText(i18n, permission.reason)}
            </span>`
          : nothing
      }`;
  }

  #button(direction: 1 | -1, blocked: boolean | undefined) {
    const up = direction === 1;
    const what = this.label || this.i18n.t('what.question');
    return html`<button
      part=${up ? 'up-button' : 'down-button'}
      type="button"
      aria-label=${this.i18n.t(up ? 'vote.up' : 'vote.down', {what})}
      aria-pressed=${this.myVote === direction}
      aria-disabled=${blocked ? 'true' : 'false'}
      aria-describedby=${blocked ? 'reason' : nothing}
      @click=${() => this.handleVote(direction)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        ${up ? upArrow : downArrow}
      </svg>
    </button>`;
  }

  private handleVote(direction: 1 | -1) {
    if (this.permission && !this.permission.allowed) {
      this.showReason = true;
      return;
    }
    const value: VoteValue = this.myVote === direction ? 0 : direction;
    const event = new QuandaVoteEvent({postId: this.postId, value});
    if (!this.dispatchEvent(event)) return; // a listener vetoed it
    this.score += value - this.myVote;
    this.myVote = value;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-vote': QuandaVote;
  }
}
