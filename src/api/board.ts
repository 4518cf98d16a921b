/**
 * The Quanda contract, boards: a topic's questions (an article's, by its canonical path),
 * searching them, similar questions while a reader types a title, and asking. Only
 * `<quanda-board>` reads these, so they load with the board, never with a thread.
 *
 * A topic is named by the page it is about (see `topicFromUrl` and docs/board.md) and is
 * scoped by the page's origin: the server takes the origin from the request, never from
 * the body, so two sites on one server never share a board.
 */
import * as z from 'zod/mini';
import {Author, Id, Permission, PostStatus, Timestamp, limits} from './schemas.js';

/** Longest topic, and the shortest search worth running (the trigram index's window). */
export const boardLimits = {
  topicLength: 300,
  pageTitle: 200,
  query: {min: 3, max: 100},
  excerpt: 160,
  similar: 5,
} as const;

export const Topic = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(boardLimits.topicLength), z.regex(/^[^\s\0]+$/u));

export const BoardSort = z.enum(['activity', 'newest', 'votes', 'unanswered']);

/** One question in a board's list: enough to choose it, not the thread. */
export const QuestionSummary = z.object({
  id: Id,
  title: z.string(),
  /** The start of the question's text, as plain text. */
  excerpt: z.string(),
  status: PostStatus,
  score: z.int(),
  answerCount: z.int().check(z.nonnegative()),
  hasAcceptedAnswer: z.boolean(),
  author: Author,
  createdAt: Timestamp,
  /** The last time an answer arrived, or when it was asked. */
  activityAt: Timestamp,
  /** The topic it belongs to (similar questions may come from another page of the site). */
  topic: z.string(),
});

/**
 * A page of a topic's questions. The viewer's own questions come first on the first page
 * (`own`), then the others in the order asked for; `nextCursor` fetches more.
 */
export const QuestionList = z.object({
  items: z.array(QuestionSummary),
  nextCursor: z.nullable(z.string().check(z.maxLength(limits.cursorLength))),
  /** Whether this viewer may ask here, and when not, why (`closed`, `no-asking`, `origin`, `rate-limited`). */
  canAsk: Permission,
});

/** Questions like a title being typed: in this topic first, then elsewhere on the site. */
export const SimilarQuestions = z.object({items: z.array(QuestionSummary)});

export const BoardQuery = z.object({
  topic: Topic,
  sort: z._default(BoardSort, 'activity'),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(limits.cursorLength))),
  /** Search words; a query too short to search lists nothing (not an error). */
  q: z.optional(z.string().check(z.maxLength(boardLimits.query.max))),
});

export const SimilarQuery = z.object({
  topic: Topic,
  q: z.string().check(z.maxLength(limits.titleLength.max)),
});

export type BoardSort = z.infer<typeof BoardSort>;
export type QuestionSummary = z.infer<typeof QuestionSummary>;
export type QuestionList = z.infer<typeof QuestionList>;
export type SimilarQuestions = z.infer<typeof SimilarQuestions>;
export type BoardQuery = z.infer<typeof BoardQuery>;

/** Query parameters that say where a visitor came from, not which page it is. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ref|ref_src)$/i;

/** Paths that are a script, whose query names the page (`/?p=123`, `/index.php?id=4`). */
const SCRIPT = /(^\/$)|\.(php|asp|aspx|jsp|cgi|pl)$/i;

/**
 * The topic of a page at `href`, as docs/board.md writes it down: its path, with repeated
 * slashes made one and no trailing slash; percent-escapes of letters, digits and `-._~`
 * decoded and the others written in upper case; case otherwise kept. The query counts
 * only where the path is `/` or a script: then without tracking parameters, sorted by
 * name. Never the fragment. Null when the result is longer than the limit.
 */
export function topicFromUrl(href: string): string | null {
  const url = new URL(href);
  let path = url.pathname.replace(/\/{2,}/g, '/').replace(/%([0-9a-f]{2})/gi, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  if (path.length > 1) path = path.replace(/\/+$/, '');
  let topic = path || '/';
  if (SCRIPT.test(topic)) {
    const params = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
    params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const query = new URLSearchParams(params).toString();
    if (query) topic += `?${query}`;
  }
  return topic.length > boardLimits.topicLength ? null : topic;
}
