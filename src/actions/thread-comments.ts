/**
 * The thread's comments: posting one (queued in the outbox when the network fails), and
 * opening again the comment forms that hold a draft or a refused comment. Loaded when the
 * thread shows, or on the first comment, apart from what it takes to write an answer.
 */
import {newIdempotencyKey} from '../write/rest-writes.js';
import {Comment} from '../api/schemas.js';
import {QuandaCommentedEvent} from './action-events.js';
import {enActions} from './en-actions.js';
import type {QuandaEventMap} from '../events/event-map.js';
import {localStore} from '../storage/idb/local-store.js';
import {storageKey} from '../storage/keys.js';
import {checked} from '../write/write-support.js';
import type {Writes} from '../write/write-support.js';
import type {ThreadStore} from '../data/thread-store.js';
import {changePost} from './view-updates.js';

/** The scope whose comment drafts were opened again, by thread. */
const reopened = new WeakMap<ThreadStore, string>();

export function comment(
  writes: Writes,
  store: ThreadStore,
  {postId, comment}: QuandaEventMap['quanda-comment-submit']['detail'],
) {
  const form = `comment:${postId}`;
  return writes.post({key: newIdempotencyKey(), kind: 'comment', postId, form}, comment, (raw) =>
    commented(store, postId, raw),
  );
}

/** The server has the comment: it joins its post's list, announced. */
export function commented(store: ThreadStore, postId: string, raw: unknown, withoutEmail = false) {
  store.i18n.addEnglish(enActions); // what comments say comes with them
  const posted = checked(store, Comment, raw);
  changePost(store, postId, (post) =>
    post.kind === 'comment' || post.comments.items.some((item) => item.id === posted.id)
      ? post
      : {
          ...post,
          comments: {items: [...post.comments.items, posted], count: post.comments.count + 1},
        },
  );
  store.announce(store.i18n.t(withoutEmail ? 'outbox.noEmail' : 'form.comment.posted'));
  store.emit(new QuandaCommentedEvent({comment: posted}));
  return posted;
}

/**
 * A comment form only shows when asked for: the ones holding a draft open again by
 * themselves when the thread comes back (once a question, not after each refresh).
 */
export async function reopenComments(store: ThreadStore) {
  const settings = store.storage;
  if (!settings?.persist || !settings.scope || reopened.get(store) === settings.scope) return;
  reopened.set(store, settings.scope);
  const prefix = storageKey(settings.scope, 'comment:');
  const posts = (await localStore(settings.database).all('drafts'))
    .filter((draft) => draft.key.startsWith(prefix))
    .map((draft) => draft.key.slice(prefix.length));
  if (posts.length) store.update({commentForms: new Set(posts)});
}

/**
 * Opens the comment form under a post, where a refused comment's text (or a draft) waits.
 * The post's comments open it when they show, now or once the thread has drawn them.
 */
export function openCommentForm(store: ThreadStore, postId: string) {
  store.update({commentForms: new Set([postId])});
}
