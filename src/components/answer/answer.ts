import {html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import type {Answer} from '../../api/schemas.js';
import {hostStyles} from '../../styles/host.styles.js';
import {LocalizedElement, toggleState} from '../shared/localized-element.js';
import {authorLabel, authorText, editedLine, postBody, timeAgo} from '../shared/post-parts.js';
import {postStyles} from '../shared/post.styles.js';
import {styles} from './answer.styles.js';

/**
 * One answer in a thread.
 *
 * @summary An answer's text, who wrote it and when, its score, and whether it is the best answer.
 * @tag quanda-answer
 * @csspart answer - The whole answer.
 * @csspart badge - The "Best answer" badge.
 * @csspart body - The answer's text.
 * @csspart meta - "answered … by …".
 * @csspart edited - "edited … by …".
 * @csspart author - An author's name.
 * @csspart vote - The score beside the answer.
 * @csspart score - The score's number (forwarded from `<quanda-vote>`).
 * @csspart score-label - The word after the number (forwarded from `<quanda-vote>`).
 * @cssstate accepted - This is the best answer.
 * @cssprop [--quanda-answer-best-color=var(--quanda-color-success)] - Background of the "Best answer" badge.
 * @cssprop [--quanda-answer-best-text=light-dark(#ffffff, #06210f)] - Text of the "Best answer" badge.
 * @cssprop [--quanda-answer-accepted-surface=transparent] - Background of the best answer.
 */
export class QuandaAnswer extends LocalizedElement {
  static override styles = [hostStyles, postStyles, styles];

  /** The answer, as the backend sent it. */
  @property({attribute: false}) answer?: Answer;

  /** "Now" for relative times: the server's clock. */
  @property({attribute: false}) now = new Date();

  readonly #internals = this.attachInternals();

  override willUpdate() {
    toggleState(this.#internals, 'accepted', this.answer?.isAccepted ?? false);
  }

  override render() {
    const answer = this.answer;
    if (!answer) return nothing;
    const {i18n, now} = this;
    const time = timeAgo(i18n, answer.createdAt, now);
    const meta = i18n.parts('answer.answered', {time, author: authorLabel(i18n, answer.author)});
    return html`<article
      part="answer"
      aria-label=${i18n.t('answer.byLabel', {author: authorText(i18n, answer.author)})}
    >
      <quanda-vote
        part="vote"
        exportparts="score, score-label"
        .score=${answer.score}
        .myVote=${answer.viewerVote}
      ></quanda-vote>
      <div>
        ${answer.isAccepted ? html`<p part="badge">${i18n.t('answer.best')}</p>` : nothing}
        <div part="body" dir="auto">${postBody(answer.body)}</div>
        <p part="meta" class="meta">${meta}</p>
        ${editedLine(i18n, answer.lastEdit, now)}
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-answer': QuandaAnswer;
  }
}
