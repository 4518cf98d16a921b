import {html, nothing} from 'lit';
import type {Question} from '../../api/schemas.js';
import {hostStyles} from '../../styles/host.styles.js';
import {VotedPostElement} from '../shared/post.js';
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
 * @csspart status-note - "Awaiting moderation", shown to the question's author only.
 * @csspart body - The question's text.
 * @csspart tags - The list of tags.
 * @csspart tag - One tag.
 * @csspart meta - "asked … by …".
 * @csspart edited - "edited … by …".
 * @csspart author - The name of who asked it, or who edited it last.
 * @csspart vote - The votes beside the question.
 * @csspart comments - The question's comments.
 * @csspart actions - Edit, Remove and Flag, under the question.
 * @cssprop [--quanda-question-title-size=1.375em] - Size of the title.
 * @cssprop [--quanda-question-title-font-family=inherit] - Font of the title, say the blog's heading font.
 */
export class QuandaQuestion extends VotedPostElement {
  static override styles = [hostStyles, postStyles, statusNoteStyles, richTextStyles, styles];

  static override properties = {
    question: {attribute: false},
    headingLevel: {type: Number, attribute: 'heading-level'},
  };

  /** The question, as the backend sent it. */
  question?: Question;

  /** Level of the title heading, so the thread fits the page's outline. */
  headingLevel = 2;

  override render() {
    const question = this.question;
    if (!question) return nothing;
    const {i18n} = this;
    const title = html`<div
      part="title"
      id="title"
      role="heading"
      aria-level=${this.headingLevel}
      dir="auto"
    >
      ${question.title}
    </div>`;
    const tags = question.tags.length
      ? html`<ul part="tags" aria-label=${i18n.t('question.tags')}>
          ${question.tags.map((tag) => html`<li part="tag" dir="auto">${tag}</li>`)}
        </ul>`
      : nothing;
    return this.renderVotedPost(question, {
      top: title,
      afterBody: tags,
      byline: question.category ? 'question.askedIn' : 'question.asked',
      bylineParams: {category: html`<bdi>${question.category}</bdi>`},
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-question': QuandaQuestion;
  }
}
