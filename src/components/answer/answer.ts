import {html, nothing} from 'lit';
import type {Answer} from '../../api/schemas.js';
import {QuandaAcceptEvent, requestIntent} from '../../events/quanda-event.js';
import {hostStyles} from '../../styles/host.styles.js';
import {toggleState} from '../shared/localized-element.js';
import {VotedPostElement} from '../shared/post.js';
import {authorText} from '../shared/post-parts.js';
import {postStyles, statusNoteStyles} from '../shared/post.styles.js';
import {richTextStyles} from '../shared/rich-text.styles.js';
import {styles} from './answer.styles.js';

/**
 * One answer in a thread.
 *
 * @summary An answer's text, who wrote it and when, its score and votes, its comments, and whether it is the best answer.
 * @tag quanda-answer
 * @fires {QuandaAcceptEvent} quanda-accept - The asker chose this answer as best, or took that back: `detail.answerId`, `detail.accepted`. Cancelable.
 * @fires {QuandaVoteEvent} quanda-vote - Forwarded from the votes.
 * @fires {QuandaRemoveEvent} quanda-remove - The author confirmed removing it: `detail.postId`. Cancelable.
 * @csspart answer - The whole answer.
 * @csspart badge - The "Best answer" badge.
 * @csspart status-note - "Awaiting moderation", "Waiting to post…", shown to the answer's author only.
 * @csspart body - The answer's text.
 * @csspart meta - "answered … by …".
 * @csspart edited - "edited … by …".
 * @csspart author - The name of who wrote it, or who edited it last.
 * @csspart accept-button - "Select as best answer" / "Remove selection" (the asker only).
 * @csspart vote - The votes beside the answer.
 * @csspart comments - The answer's comments.
 * @csspart actions - Edit, Remove and Flag, under the answer.
 * @cssstate accepted - This is the best answer.
 * @cssprop [--quanda-answer-best-color=var(--quanda-color-success)] - Background of the "Best answer" badge.
 * @cssprop [--quanda-answer-best-text=light-dark(#ffffff, #06210f)] - Text of the "Best answer" badge.
 * @cssprop [--quanda-answer-accepted-surface=transparent] - Background of the best answer.
 */
export class QuandaAnswer extends VotedPostElement {
  static override styles = [hostStyles, postStyles, statusNoteStyles, richTextStyles, styles];

  static override properties = {
    answer: {attribute: false},
  };

  /** The answer, as the backend sent it. */
  answer?: Answer;

  readonly #internals = this.attachInternals();

  override willUpdate() {
    toggleState(this.#internals, 'accepted', this.answer?.isAccepted ?? false);
  }

  override render() {
    const answer = this.answer;
    if (!answer) return nothing;
    const {i18n} = this;
    const author = authorText(i18n, answer.author);
    const badge = answer.isAccepted ? html`<p part="badge">${i18n.t('answer.best')}</p>` : nothing;
    const accept = answer.viewerCan.accept.allowed
      ? html`<button
          part="accept-button"
          type="button"
          aria-pressed=${answer.isAccepted}
          @click=${this.handleAccept}
        >
          ${i18n.t(answer.isAccepted ? 'accept.remove' : 'accept.select')}
        </button>`
      : nothing;
    return this.renderVotedPost(
      answer,
      {top: badge, byline: 'answer.answered', buttons: accept},
      i18n.t('answer.byLabel', {author}),
    );
  }

  /**
   * Focuses the answer itself, for the thread to move focus to (after "Show more answers",
   * after a removal). Not `tabindex` on the host: a shadow host with tabindex="-1" takes
   * everything inside it (votes, buttons, comments) out of the Tab order.
   */
  override focus(options?: FocusOptions) {
    // A new answer is focused as soon as the thread adds it, before it has drawn itself.
    void this.updateComplete.then(() => this.renderRoot.querySelector('article')?.focus(options));
  }

  private async handleAccept(event: Event) {
    const answer = this.answer!;
    const button = event.target as HTMLElement;
    const detail = {answerId: answer.id, accepted: !answer.isAccepted};
    await requestIntent(this, new QuandaAcceptEvent(detail)).catch(() => undefined);
    // The list that holds this answer (the thread) moves it to the top when it redraws,
    // and moving it drops the focus it had: a keyboard user stays on the button pressed.
    const list = (this.getRootNode() as ShadowRoot).host as {updateComplete?: Promise<unknown>};
    await list?.updateComplete;
    await this.updateComplete;
    if (document.activeElement === document.body) button.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-answer': QuandaAnswer;
  }
}
