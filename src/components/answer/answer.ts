import {html, nothing} from 'lit';
import type {Answer} from '../../api/schemas.js';
import {PostActions} from '../shared/post-actions.js';
import {QuandaAcceptEvent, requestIntent} from '../../events/quanda-event.js';
import {hostStyles} from '../../styles/host.styles.js';
import {LocalizedElement, toggleState} from '../shared/localized-element.js';
import {
  authorLabel,
  authorText,
  COMMENTS_PARTS,
  editedLine,
  postBody,
  statusNote,
  timeAgo,
  VOTE_PARTS,
} from '../shared/post-parts.js';
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
 * @csspart status-note - "Awaiting moderation", to the author only (the answer's, its comments').
 * @csspart body - The answer's text.
 * @csspart meta - "answered … by …".
 * @csspart edited - "edited … by …".
 * @csspart author - An author's name (the answer's, its comments').
 * @csspart accept-button - "Select as best answer" / "Remove selection" (the asker only).
 * @csspart vote - The votes beside the answer.
 * @csspart score - The score's number (forwarded from `<quanda-vote>`).
 * @csspart score-label - The word after the number (forwarded from `<quanda-vote>`).
 * @csspart up-button - The upvote button (forwarded from `<quanda-vote>`).
 * @csspart down-button - The downvote button (forwarded from `<quanda-vote>`).
 * @csspart vote-note - Why voting is not possible (forwarded from `<quanda-vote>`).
 * @csspart comments - The answer's comments.
 * @csspart toolbar - The formatting toolbar of a comment or edit form (forwarded).
 * @csspart tool-button - Each formatting button of a comment or edit form (forwarded).
 * @csspart write-button - "Write" in a comment or edit form (forwarded).
 * @csspart preview-button - "Preview" in a comment or edit form (forwarded).
 * @csspart preview - The preview in a comment or edit form (forwarded).
 * @csspart draft-status - "Draft restored", in a comment or edit form (forwarded).
 * @csspart discard-button - "Discard", beside a restored draft (forwarded).
 * @csspart earlier-button - "Show 3 earlier comments" (forwarded from `<quanda-comments>`).
 * @csspart comment-list - The list of comments (forwarded from `<quanda-comments>`).
 * @csspart comment - One comment (forwarded from `<quanda-comments>`).
 * @csspart comment-body - A comment's text (forwarded from `<quanda-comments>`).
 * @csspart comment-meta - Who wrote a comment, and when (forwarded from `<quanda-comments>`).
 * @csspart add-comment-button - "Add a comment" (forwarded from `<quanda-comments>`).
 * @csspart comment-edited - "edited … by …" under a comment (`edited` in `<quanda-comments>`).
 * @csspart hint - The name field's help text (forwarded from `<quanda-comments>`).
 * @csspart input - The name and email fields (forwarded from `<quanda-comments>`).
 * @csspart checkbox - "Email me…" (forwarded from `<quanda-comments>`).
 * @csspart actions - Edit, Remove and Flag, on the post and its comments.
 * @csspart edit-button - "Edit" (the author only).
 * @csspart remove-button - "Remove" (the author only).
 * @csspart confirm-remove-button - "Yes, remove", once Remove was pressed.
 * @csspart keep-button - "Keep it", once Remove was pressed.
 * @csspart flag-button - "Flag", then "Flagged".
 * @csspart action-error - Why a removal failed.
 * @csspart form - A writing form: an edit, a comment (forwarded from `<quanda-edit-form>`, `<quanda-comments>` and `<quanda-flag-dialog>`).
 * @csspart label - A field's label (forwarded from `<quanda-edit-form>`, `<quanda-comments>` and `<quanda-flag-dialog>`).
 * @csspart textarea - Where the text is written (forwarded from `<quanda-edit-form>`, `<quanda-comments>` and `<quanda-flag-dialog>`).
 * @csspart field-error - A field's error (forwarded from `<quanda-edit-form>`, `<quanda-comments>` and `<quanda-flag-dialog>`).
 * @csspart form-error - Why sending failed (forwarded from `<quanda-edit-form>`, `<quanda-comments>` and `<quanda-flag-dialog>`).
 * @csspart form-actions - A form's buttons (`actions` in `<quanda-edit-form>`, `<quanda-comments>` and `<quanda-flag-dialog>`).
 * @csspart submit-button - A form's send button (forwarded from `<quanda-edit-form>`, `<quanda-comments>` and `<quanda-flag-dialog>`).
 * @csspart cancel-button - A form's "Cancel" (forwarded from `<quanda-edit-form>`, `<quanda-comments>` and `<quanda-flag-dialog>`).
 * @csspart dialog - The flag dialog's box (forwarded from `<quanda-flag-dialog>`).
 * @csspart dialog-heading - The flag dialog's question (`heading` in `<quanda-flag-dialog>`).
 * @cssstate accepted - This is the best answer.
 * @cssprop [--quanda-answer-best-color=var(--quanda-color-success)] - Background of the "Best answer" badge.
 * @cssprop [--quanda-answer-best-text=light-dark(#ffffff, #06210f)] - Text of the "Best answer" badge.
 * @cssprop [--quanda-answer-accepted-surface=transparent] - Background of the best answer.
 */
export class QuandaAnswer extends LocalizedElement {
  static override styles = [hostStyles, postStyles, statusNoteStyles, richTextStyles, styles];

  static override properties = {
    answer: {attribute: false},
    now: {attribute: false},
    votePending: {type: Boolean, attribute: 'vote-pending'},
  };

  /** The answer, as the backend sent it. */
  answer?: Answer;

  /** "Now" for relative times: the server's clock. */
  now = new Date();

  /** A vote on this answer is being saved. */
  votePending = false;

  readonly #internals = this.attachInternals();
  readonly #actions = new PostActions(this, () => this.i18n);

  override willUpdate() {
    toggleState(this.#internals, 'accepted', this.answer?.isAccepted ?? false);
  }

  override render() {
    const answer = this.answer;
    if (!answer) return nothing;
    const {i18n, now} = this;
    const author = authorText(i18n, answer.author);
    const what = i18n.t('what.answer', {author});
    const time = timeAgo(i18n, answer.createdAt, now);
    const meta = i18n.parts('answer.answered', {time, author: authorLabel(i18n, answer.author)});
    return html`<article
      part="answer"
      tabindex="-1"
      aria-label=${i18n.t('answer.byLabel', {author})}
    >
      <quanda-vote
        part="vote"
        exportparts=${VOTE_PARTS}
        post-id=${answer.id}
        label=${what}
        .score=${answer.score}
        .myVote=${answer.viewerVote}
        .permission=${answer.viewerCan.vote}
        .pending=${this.votePending}
      ></quanda-vote>
      <div class="main">
        ${answer.isAccepted ? html`<p part="badge">${i18n.t('answer.best')}</p>` : nothing}
        ${statusNote(i18n, answer)}
        <div part="body" class="rich" dir="auto">
          ${this.#actions.body(answer, postBody(answer.body))}
        </div>
        <p part="meta" class="meta">${meta}</p>
        ${editedLine(i18n, answer.lastEdit, now)}
        <div class="footer">
          ${
            answer.viewerCan.accept.allowed
              ? html`<button
                  part="accept-button"
                  type="button"
                  aria-pressed=${answer.isAccepted}
                  @click=${this.handleAccept}
                >
                  ${i18n.t(answer.isAccepted ? 'accept.remove' : 'accept.select')}
                </button>`
              : nothing
          }
          ${this.#actions.actions(answer, what)}
        </div>
        <quanda-comments
          part="comments"
          exportparts=${COMMENTS_PARTS}
          post-id=${answer.id}
          label=${what}
          .comments=${answer.comments}
          .permission=${answer.viewerCan.comment}
          .now=${now}
        ></quanda-comments>
      </div>
    </article>`;
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
