import {html, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import type {Question} from '../../api/schemas.js';
import {hostStyles} from '../../styles/host.styles.js';
import {LocalizedElement} from '../shared/localized-element.js';
import {authorLabel, editedLine, postBody, timeAgo} from '../shared/post-parts.js';
import {postStyles} from '../shared/post.styles.js';
import {styles} from './question.styles.js';

/**
 * The question at the top of a thread.
 *
 * @summary Title, text, tags, who asked it and when, and its score.
 * @tag quanda-question
 * @csspart question - The whole question.
 * @csspart title - The question's title.
 * @csspart body - The question's text.
 * @csspart tags - The list of tags.
 * @csspart tag - One tag.
 * @csspart meta - "asked … by …".
 * @csspart edited - "edited … by …".
 * @csspart author - An author's name.
 * @csspart vote - The score beside the question.
 * @csspart score - The score's number (forwarded from `<quanda-vote>`).
 * @csspart score-label - The word after the number (forwarded from `<quanda-vote>`).
 * @cssprop [--quanda-question-title-size=1.375em] - Size of the title.
 * @cssprop [--quanda-question-title-font-family=inherit] - Font of the title, say the blog's heading font.
 */
export class QuandaQuestion extends LocalizedElement {
  static override styles = [hostStyles, postStyles, styles];

  /** The question, as the backend sent it. */
  @property({attribute: false}) question?: Question;

  /** "Now" for relative times: the server's clock, so the reader's clock cannot skew them. */
  @property({attribute: false}) now = new Date();

  /** Level of the title heading, so the thread fits the page's outline. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;

  override render() {
    const question = this.question;
    if (!question) return nothing;
    const {i18n, now} = this;
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
        exportparts="score, score-label"
        .score=${question.score}
        .myVote=${question.viewerVote}
      ></quanda-vote>
      <div>
        <div part="title" id="title" role="heading" aria-level=${this.headingLevel} dir="auto">
          ${question.title}
        </div>
        <div part="body" dir="auto">${postBody(question.body)}</div>
        ${
          question.tags.length
            ? html`<ul part="tags" aria-label=${i18n.t('question.tags')}>
                ${question.tags.map((tag) => html`<li part="tag" dir="auto">${tag}</li>`)}
              </ul>`
            : nothing
        }
        <p part="meta" class="meta">${meta}</p>
        ${editedLine(i18n, question.lastEdit, now)}
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-question': QuandaQuestion;
  }
}
