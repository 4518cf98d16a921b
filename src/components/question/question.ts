import {html, nothing} from 'lit';
import type {Question} from '../../api/schemas.js';
import {PostActions} from '../shared/post-actions.js';
import {hostStyles} from '../../styles/host.styles.js';
import {LocalizedElement} from '../shared/localized-element.js';
import {
  COMMENTS_PARTS,
  authorLabel,
  editedLine,
  postBody,
  statusNote,
  timeAgo,
  VOTE_PARTS,
} from '../shared/post-parts.js';
import {postStyles, statusNoteStyles} from '../shared/post.styles.js';
import {richTextStyles} from '../shared/rich-text.styles.js';
import {styles} from './question.styles.js';

/**
 * The question at the top of a thread.
 *
 * @summary Title, text, tags, who asked it and when, its score and votes, and its comments.
 * @tag quanda-question
 * @fires {QuandaVoteEvent} quanda-vote - Forwarded from the votes.
 * @fires {QuandaRemoveEvent} quanda-remove - The author confirmed removing it: `detail.postId`. Cancelable.
 * @csspart question - The whole question.
 * @csspart title - The question's title.
 * @csspart body - The question's text.
 * @csspart tags - The list of tags.
 * @csspart tag - One tag.
 * @csspart meta - "asked … by …".
 * @csspart edited - "edited … by …".
 * @csspart author - An author's name (the question's, its comments').
 * @csspart status-note - "Awaiting moderation", to the author only (the question's, its comments').
 * @csspart vote - The votes beside the question.
 * @csspart score - The score's number (forwarded from `<quanda-vote>`).
 * @csspart score-label - The word after the number (forwarded from `<quanda-vote>`).
 * @csspart up-button - The upvote button (forwarded from `<quanda-vote>`).
 * @csspart down-button - The downvote button (forwarded from `<quanda-vote>`).
 * @csspart vote-note - Why voting is not possible (forwarded from `<quanda-vote>`).
 * @csspart comments - The question's comments.
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
 * @cssprop [--quanda-question-title-size=1.375em] - Size of the title.
 * @cssprop [--quanda-question-title-font-family=inherit] - Font of the title, say the blog's heading font.
 */
export class QuandaQuestion extends LocalizedElement {
  static override styles = [hostStyles, postStyles, statusNoteStyles, richTextStyles, styles];

  static override properties = {
    question: {attribute: false},
    now: {attribute: false},
    headingLevel: {type: Number, attribute: 'heading-level'},
    votePending: {type: Boolean, attribute: 'vote-pending'},
  };

  /** The question, as the backend sent it. */
  question?: Question;

  /** "Now" for relative times: the server's clock, so the reader's clock cannot skew them. */
  now = new Date();

  /** Level of the title heading, so the thread fits the page's outline. */
  headingLevel = 2;

  /** A vote on the question is being saved. */
  votePending = false;

  readonly #actions = new PostActions(this, () => this.i18n);

  override render() {
    const question = this.question;
    if (!question) return nothing;
    const {i18n, now} = this;
    const what = i18n.t('what.question');
    const time = timeAgo(i18n, question.createdAt, now);
    const author = authorLabel(i18n, question.author);
    const meta = question.category
      ? i18n.parts('question.askedIn', {
          time,
          author,
          category: html`<bdi>${question.category}</bdi>`,
        })
      : i18n.parts('question.asked', {time, author});
    return html`<article part="question" aria-labelledby="title">
      <quanda-vote
        part="vote"
        exportparts=${VOTE_PARTS}
        post-id=${question.id}
        label=${what}
        .score=${question.score}
        .myVote=${question.viewerVote}
        .permission=${question.viewerCan.vote}
        .pending=${this.votePending}
      ></quanda-vote>
      <div class="main">
        <div part="title" id="title" role="heading" aria-level=${this.headingLevel} dir="auto">
          ${question.title}
        </div>
        ${statusNote(i18n, question)}
        <div part="body" class="rich" dir="auto">
          ${this.#actions.body(question, postBody(question.body))}
        </div>
        ${
          question.tags.length
            ? html`<ul part="tags" aria-label=${i18n.t('question.tags')}>
                ${question.tags.map((tag) => html`<li part="tag" dir="auto">${tag}</li>`)}
              </ul>`
            : nothing
        }
        <p part="meta" class="meta">${meta}</p>
        ${editedLine(i18n, question.lastEdit, now)}
        <div class="footer">${this.#actions.actions(question, what)}</div>
        <quanda-comments
          part="comments"
          exportparts=${COMMENTS_PARTS}
          post-id=${question.id}
          label=${what}
          .comments=${question.comments}
          .permission=${question.viewerCan.comment}
          .now=${now}
        ></quanda-comments>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-question': QuandaQuestion;
  }
}
