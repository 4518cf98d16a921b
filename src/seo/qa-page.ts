import type {Answer, Author, PostBody} from '../api/schemas.js';
import type {ReactiveControllerHost} from 'lit';
import type {ThreadStore} from '../data/thread-store.js';
import type {ThreadView} from '../data/thread-view.js';
import {hasTrustedTypes, quandaPolicy} from '../sanitize/policy.js';

/**
 * Tells search engines about the question a thread shows: schema.org `QAPage` structured
 * data, as a JSON-LD script in the page's `<head>` (its light DOM), written again when
 * the question or its answers change and removed when the thread goes or shows another
 * question. Only a published question is described: one waiting for a moderator, or
 * hidden, is not. Loaded after the thread has painted, never in its first load; in a
 * board, the open question's thread does the same.
 *
 * Safe under Trusted Types: the script's text comes from Quanda's policy (`quanda`,
 * which lets only JSON through); where the page does not allow it, nothing is written.
 */
const scripts = new WeakMap<object, HTMLScriptElement>();
const watched = new WeakSet<object>();

type Thread = ReactiveControllerHost & HTMLElement & {questionId: string};

/**
 * A site turns the description off with `<meta name="quanda:structured-data"
 * content="off">` (it writes its own, or its readers' questions should not be described).
 */
const off = () =>
  document.querySelector('meta[name="quanda:structured-data"]')?.getAttribute('content') === 'off';

/**
 * Keeps a thread's description in step with what it shows, from now until it leaves the
 * page (and again if it comes back). Once per thread.
 */
export function watch(thread: Thread, store: ThreadStore) {
  if (watched.has(thread)) return;
  watched.add(thread);
  let stop: (() => void) | undefined;
  const update = () => {
    const {view} = store.state;
    const shown = !off() && view?.question.id === thread.questionId;
    describe(thread, shown ? view : undefined, location.href.replace(/#.*/, ''));
  };
  thread.addController({
    hostConnected() {
      stop = store.subscribe(update);
      update();
    },
    hostDisconnected() {
      stop?.();
      forget(thread);
    },
    hostUpdated: update,
  });
  if (thread.isConnected) {
    stop = store.subscribe(update);
    update();
  }
}

/** Describes `view` for the element `owner` shows it in (one script per element). */
export function describe(owner: object, view: ThreadView | undefined, url: string) {
  const json = view && view.question.status === 'published' ? qaPage(view, url) : null;
  const script = scripts.get(owner);
  if (!json) return forget(owner);
  if (script?.textContent === json) return;
  const policy = quandaPolicy();
  // Under Trusted Types, script text comes only from the policy: without it, nothing.
  if (!policy && hasTrustedTypes()) return forget(owner);
  const next = document.createElement('script');
  next.type = 'application/ld+json';
  next.dataset['quanda'] = view!.question.id;
  (next as {text: unknown}).text = policy ? policy.createScript(json) : json;
  if (script) script.replaceWith(next);
  else document.head.append(next);
  scripts.set(owner, next);
}

/** Removes what `describe` wrote for `owner`. */
export function forget(owner: object) {
  scripts.get(owner)?.remove();
  scripts.delete(owner);
}

/** The QAPage JSON for a thread: the question, its best answer and the others. */
export function qaPage({question, answers}: ThreadView, url: string): string {
  const shown = answers.filter((answer) => answer.status === 'published');
  const accepted = shown.find((answer) => answer.isAccepted);
  const answer = (post: Answer) => ({
    '@type': 'Answer',
    text: plainText(post.body),
    upvoteCount: post.score,
    dateCreated: post.createdAt,
    url: `${url}#quanda=${encodeURIComponent(question.id)}`,
    author: person(post.author),
  });
  return JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: question.title,
      text: plainText(question.body) || question.title,
      answerCount: question.answerCount,
      upvoteCount: question.score,
      dateCreated: question.createdAt,
      author: person(question.author),
      ...(accepted ? {acceptedAnswer: answer(accepted)} : {}),
      suggestedAnswer: shown.filter((post) => post !== accepted).map(answer),
    },
  });
}

function person(author: Author) {
  return {'@type': 'Person', name: author.displayName || 'anonymous'};
}

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'"};

/** A body as plain text: tags dropped, the few entities a sanitizer writes decoded. */
export function plainText(body: PostBody): string {
  const text =
    body.format === 'text'
      ? body.text
      : body.html
          .replace(/<(br|\/p|\/li|\/h\d|\/blockquote)\b[^>]*>/gi, '\n')
          .replace(/<[^>]*>/g, '')
          .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
