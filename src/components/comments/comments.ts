import {html, nothing} from 'lit';
import {ContextConsumer} from '@lit/context';
import {repeat} from 'lit/directives/repeat.js';
import type {CommentList, Permission} from '../../api/schemas.js';
import {commentFormsContext} from '../../context/contexts.js';
import {QuandaCommentsRequestEvent, requestIntent} from '../../events/quanda-event.js';
import {describeError} from '../../i18n/describe-error.js';
import {loadElement} from '../../lazy.js';
import {hostStyles} from '../../styles/host.styles.js';
import {COMMENT_FORM_PARTS} from '../shared/exportparts.js';
import {PostsElement} from '../shared/post.js';
import {richTextStyles} from '../shared/rich-text.styles.js';
import {statusNoteStyles} from '../shared/post.styles.js';
import {styles} from './comments.styles.js';

const COMMENT_PARTS = {body: 'comment-body', meta: 'comment-meta'};

/**
 * The comments under a question or an answer: the latest few, "Show N earlier comments",
 * and "Add a comment".
 *
 * @summary Comments on one post, and a way to add one.
 * @tag quanda-comments
 * @fires {QuandaRemoveEvent} quanda-remove - A comment's author confirmed removing it: `detail.postId`. Cancelable.
 * @fires {QuandaCommentsRequestEvent} quanda-comments-request - The reader asked for the earlier comments: `detail.postId`. The thread loads them.
 * @csspart comments - The whole list.
 * @csspart earlier-button - "Show 3 earlier comments".
 * @csspart comment-list - The list.
 * @csspart comment - One comment.
 * @csspart status-note - "Awaiting moderation", "Waiting to post…", shown to the comment's author only.
 * @csspart comment-body - A comment's text.
 * @csspart comment-meta - Who wrote it, and when.
 * @csspart author - A commenter's name.
 * @csspart edited - "edited … by …" under a comment.
 * @csspart add-comment-button - "Add a comment".
 * @csspart actions - Edit, Remove and Flag, under a comment.
 */
export class QuandaComments extends PostsElement {
  static override styles = [hostStyles, statusNoteStyles, richTextStyles, styles];

  static override properties = {
    postId: {attribute: 'post-id'},
    comments: {attribute: false},
    permission: {attribute: false},
    label: {},
    adding: {state: true},
    loading: {state: true},
    failure: {state: true},
  };

  /** The question or answer these comments belong to. */
  postId = '';

  /** The comments shown now, and how many there are in all. */
  comments: CommentList = {items: [], count: 0};

  /** Whether the reader may comment, and why not. */
  permission?: Permission;

  /** What is commented on, for labels: "answer by Jonas". */
  label = '';

  private adding = false;
  private loading = false;
  private failure = '';

  constructor() {
    super();
    // A draft or a refused comment waits for this post: its form opens by itself.
    new ContextConsumer(this, {
      context: commentFormsContext,
      subscribe: true,
      callback: (posts) => void (posts.has(this.postId) && !this.adding && this.openForm()),
    });
  }

  override render() {
    const {i18n, comments} = this;
    const earlier = comments.count - comments.items.length;
    const canAdd = !!this.permission?.allowed;
    if (!comments.count && !canAdd) return nothing;
    const label = i18n.t('comments.label', {what: this.label});
    // A group, not a <section> landmark: two answers by "anonymous" would make two
    // landmarks of one name, and one landmark per post buries the page's own.
    return html`<div part="comments" role="group" aria-label=${label}>
      ${
        this.loading
          ? html`<p role="status">${i18n.t('comments.loading')}</p>`
          : earlier > 0
            ? html`<button
                part="earlier-button"
                type="button"
                class="link"
                @click=${this.handleEarlier}
              >
                ${i18n.t('comments.showEarlier', {count: earlier})}
              </button>`
            : nothing
      }
      ${this.failure ? html`<p class="failure" role="alert">${this.failure}</p>` : nothing}
      ${
        comments.items.length
          ? html`<ul part="comment-list">
              ${repeat(
                comments.items,
                (comment) => comment.id,
                (comment) =>
                  html`<li part="comment" tabindex="-1" data-id=${comment.id}>
                    ${this.renderPost(comment, {byline: 'comment.byline', parts: COMMENT_PARTS})}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        this.adding
          ? html`<quanda-comment-form
              exportparts=${COMMENT_FORM_PARTS}
              post-id=${this.postId}
              @quanda-form-done=${this.handleClose}
              @quanda-form-cancel=${this.handleClose}
            ></quanda-comment-form>`
          : canAdd
            ? html`<button
                part="add-comment-button"
                type="button"
                class="link"
                @click=${this.handleAdd}
              >
                ${i18n.t('comments.add')}
              </button>`
            : nothing
      }
    </div>`;
  }

  /** Opens the comment form without moving focus (a refused comment's text waits in it). */
  async openForm() {
    await loadElement('quanda-comment-form');
    this.adding = true;
  }

  private async handleEarlier() {
    this.loading = true;
    this.failure = '';
    try {
      await requestIntent(this, new QuandaCommentsRequestEvent({postId: this.postId}));
      await this.updateComplete;
      // The earliest comment, just loaded, is where the reader's eyes go next.
      this.renderRoot.querySelector<HTMLElement>('[part~="comment"]')?.focus();
    } catch (error) {
      this.failure = this.i18n.t('comments.failed', {reason: describeError(this.i18n, error)});
    } finally {
      this.loading = false;
    }
  }

  private async handleAdd() {
    await loadElement('quanda-comment-form');
    this.adding = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('quanda-comment-form')?.focus();
  }

  private async handleClose() {
    this.adding = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="add-comment-button"]')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quanda-comments': QuandaComments;
  }
}
