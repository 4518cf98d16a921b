import {html, nothing} from 'lit';
import type {PropertyDeclarations} from 'lit';
import type {Answer, Author, LastEdit, Question} from '../../api/schemas.js';
import type {ActionablePost} from '../../actions/post-action-panels.js';
import type {Queued} from '../../data/thread-view.js';
import type {MessageKey} from '../../i18n/localizer.js';
import {COMMENTS_PARTS, VOTE_PARTS} from './exportparts.js';
import {LocalizedElement} from './localized-element.js';
import {PostActions} from './post-actions.js';
import {authorLabel, authorText, editedLine, postBody, statusNote, timeAgo} from './post-parts.js';

/**
 * The one template of a post — a question, an answer, a comment — and the frame a question
 * and an answer share (votes beside them, comments under them), as the base classes of the
 * elements that show posts. Those say only what is theirs: the title and tags, the badge
 * and the best-answer button, the byline's words.
 */

/** A post as the template needs it. */
export type ShownPost = ActionablePost &
  Queued & {status: string; author: Author; createdAt: string; lastEdit: LastEdit | null};

/** What is particular to one kind of post, in the places the template leaves for it. */
export interface PostSlots {
  /** The byline's message, given `{time}` and `{author}`: "asked {time} by {author}". */
  byline: MessageKey;
  /** More of the byline's placeholders: the question's category. */
  bylineParams?: Record<string, unknown>;
  /** Before everything else: the question's title, the "Best answer" badge. */
  top?: unknown;
  /** Between the text and the byline: the question's tags. */
  afterBody?: unknown;
  /** Before Edit, Remove and Flag: "Select as best answer". */
  buttons?: unknown;
  /** The text's and the byline's parts, when not `body` and `meta` (a comment's). */
  parts?: {body: string; meta: string};
}

/** An element that shows posts: the question, an answer, a list of comments. */
export class PostsElement extends LocalizedElement {
  static override properties: PropertyDeclarations = {
    now: {attribute: false},
  };

  /** "Now" for relative times: the server's clock, so the reader's clock cannot skew them. */
  now = new Date();

  readonly #actions = new PostActions(this, () => this.i18n);

  /** How labels name the post: "the question", "answer by Jonas", "comment by Sam". */
  protected what(post: ShownPost): string {
    return this.i18n.t(`what.${post.kind}`, {author: authorText(this.i18n, post.author)});
  }

  /**
   * A post, in the order every kind shows it: a note to its author (awaiting moderation,
   * waiting to be sent), its text (or its author's edit form), its byline, "edited … by …",
   * and the buttons.
   */
  protected renderPost(post: ShownPost, slots: PostSlots, what = this.what(post)) {
    const {i18n, now} = this;
    const {body, meta} = slots.parts ?? {body: 'body', meta: 'meta'};
    const time = timeAgo(i18n, post.createdAt, now);
    const author = authorLabel(i18n, post.author);
    return html`${slots.top}${statusNote(i18n, post)}
      <div part=${body} class="rich" dir="auto">
        ${this.#actions.body(post, postBody(post.body))}
      </div>
      ${slots.afterBody}
      <p part=${meta} class="meta">
        ${i18n.parts(slots.byline, {time, author, ...slots.bylineParams})}
      </p>
      ${editedLine(i18n, post.lastEdit, now)}
      <div class="footer">${slots.buttons}${this.#actions.actions(post, what)}</div>`;
  }
}

/** A question or an answer: with votes beside it and comments under it. */
export class VotedPostElement extends PostsElement {
  static override properties: PropertyDeclarations = {
    votePending: {type: Boolean, attribute: 'vote-pending'},
  };

  /** A vote on the post is being saved. */
  votePending = false;

  /**
   * `post` with its votes beside it, then its content (see `renderPost`), then its comments,
   * in an article named by `label` ("Answer by Jonas"), which the thread can move focus to,
   * or else by the element whose id is `title` (the question's title).
   */
  protected renderVotedPost(post: Question | Answer, slots: PostSlots, label?: string) {
    const what = this.what(post);
    return html`<article
      part=${post.kind}
      tabindex=${label ? -1 : nothing}
      aria-label=${label ?? nothing}
      aria-labelledby=${label ? nothing : 'title'}
    >
      <quanda-vote
        part="vote"
        exportparts=${VOTE_PARTS}
        post-id=${post.id}
        label=${what}
        .score=${post.score}
        .myVote=${post.viewerVote}
        .permission=${post.viewerCan.vote}
        .pending=${this.votePending}
      ></quanda-vote>
      <div class="main">
        ${this.renderPost(post, slots, what)}
        <quanda-comments
          part="comments"
          exportparts=${COMMENTS_PARTS}
          post-id=${post.id}
          label=${what}
          .comments=${post.comments}
          .permission=${post.viewerCan.comment}
          .now=${this.now}
        ></quanda-comments>
      </div>
    </article>`;
  }
}
