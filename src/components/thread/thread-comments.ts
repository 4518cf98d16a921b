/**
 * The thread's comments: posting one (queued in the outbox when the network fails), and
 * opening again the comment forms that hold a draft or a refused comment. Loaded when the
 * thread shows, or on the first comment, apart from what it takes to write an answer.
 */
import {newIdempotencyKey} from '../../api/rest-writes.js';
import {Comment} from '../../api/schemas.js';
import {QuandaEvent} from '../../events/quanda-event.js';
import {enActions} from '../../i18n/locales/en-actions.js';
import type {QuandaEventMap} from '../../events/quanda-event.js';
import {localStore} from '../../storage/local-store.js';
import {checked} from './thread-writes.js';
import type {ThreadHost, ThreadWrites} from './thread-writes.js';
import {changePost} from './view-updates.js';

/** The scope whose comment drafts were opened again, by thread. */
const reopened = new WeakMap<ThreadHost, string>();

export function comment(
  writes: ThreadWrites,
  host: ThreadHost,
  {postId, comment}: QuandaEventMap['quanda-comment-submit']['detail'],
) {
  const form = `comment:${postId}`;
  return writes.post({key: newIdempotencyKey(), kind: 'comment', postId, form}, comment, (raw) =>
    commented(host, postId, raw),
  );
}

/** The server has the comment: it joins its post's list, announced. */
export function commented(host: ThreadHost, postId: string, raw: unknown, withoutEmail = false) {
  host.i18n.addEnglish(enActions); // what comments say comes with them
  const posted = checked(host, Comment, raw);
  changePost(host, postId, (post) =>
    post.kind === 'comment' || post.comments.items.some((item) => item.id === posted.id)
      ? post
      : {
          ...post,
          comments: {items: [...post.comments.items, posted], count: post.comments.count + 1},
        },
  );
  host.announce(host.i18n.t(withoutEmail ? 'outbox.noEmail' : 'form.comment.posted'));
  host.dispatchEvent(new QuandaEvent('quanda-commented', {comment: posted}));
  return posted;
}

/**
 * A comment form only shows when asked for: the ones holding a draft open again by
 * themselves when the thread comes back (once a question, not after each refresh).
 */
export async function reopenComments(host: ThreadHost) {
  const settings = host.storage;
  if (!settings?.persist || !settings.scope || reopened.get(host) === settings.scope) return;
  reopened.set(host, settings.scope);
  const prefix = `${settings.scope}\ncomment:`;
  for (const draft of await localStore(settings.database).all('drafts')) {
    if (draft.key.startsWith(prefix)) void openCommentForm(host, draft.key.slice(prefix.length));
  }
}

/** Opens the comment form under a post, where a refused comment's text waits. */
export async function openCommentForm(host: ThreadHost, postId: string) {
  const selector =
    postId === host.questionId
      ? 'quanda-question'
      : `quanda-answer[data-id="${CSS.escape(postId)}"]`;
  // The thread may not have drawn the post yet (its language still loading, say): give
  // it a few seconds, then let the draft wait for the reader to open the form.
  for (let tries = 0; tries < 50; tries++) {
    await host.updateComplete;
    const post = host.shadowRoot?.querySelector(selector);
    await (post as {updateComplete?: Promise<unknown>} | null)?.updateComplete;
    const comments = post?.shadowRoot?.querySelector('quanda-comments');
    if (comments) return void comments.openForm();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
