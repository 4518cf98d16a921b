/**
 * The rules for a reader's question on a board: whether this viewer may ask here (the
 * site lets readers ask, the page's origin may make topics, the topic is open, the hourly
 * limit has room), a title within its length counted as a reader sees it, no second copy
 * of the viewer's own question, and whether it waits for a moderator. Runs inside the
 * write's transaction; refuses with a RuleError. Nothing here knows about HTTP.
 */
import type {Permission} from '../../api/schemas.js';
import type {Topics} from '../topics.js';
import {RuleError} from './rule-error.js';

export interface AskRules {
  /** `QUANDA_ASK`: `nobody` makes every board answer-only. */
  ask: 'anyone' | 'nobody';
  /** The page's origin may create topics (QUANDA_ALLOWED_ORIGINS). */
  originAllowed: boolean;
  premoderate: boolean;
}

/**
 * Whether a viewer may ask on a topic, and when not, why: `no-asking` (the site lets
 * nobody ask), `origin` (this site is not one the server serves), `closed` (the site
 * owner closed the topic), `rate-limited`.
 */
export function canAsk(
  rules: Omit<AskRules, 'premoderate'>,
  topic: {closed_at: string | null} | undefined,
  limited: boolean,
): Permission {
  if (rules.ask === 'nobody') return {allowed: false, reason: 'no-asking'};
  if (!rules.originAllowed) return {allowed: false, reason: 'origin'};
  if (topic?.closed_at) return {allowed: false, reason: 'closed'};
  if (limited) return {allowed: false, reason: 'rate-limited'};
  return {allowed: true};
}

/** Asks a question on a topic (made by this first question); returns the new id. */
export async function askQuestion(
  topics: Topics,
  rules: AskRules,
  question: {
    origin: string;
    topic: string;
    pageTitle: string | null;
    title: string;
    body: string;
    html: string;
    displayName: string | null;
    viewerId: string;
    now: string;
  },
): Promise<string> {
  const existing = await topics.find(question.origin, question.topic);
  const permission = canAsk(rules, existing, false);
  if (!permission.allowed) {
    const message =
      permission.reason === 'closed'
        ? 'This topic is closed to new questions'
        : permission.reason === 'origin'
          ? `Pages on ${question.origin} cannot ask here: add it to QUANDA_ALLOWED_ORIGINS`
          : 'Readers do not ask questions on this site';
    throw new RuleError('forbidden', message, {reason: permission.reason});
  }
  const topic =
    existing ??
    (await topics.findOrCreate(question.origin, question.topic, question.pageTitle, question.now));
  if (await topics.askedBefore(topic.id, question.viewerId, question.title)) {
    throw new RuleError('duplicate', 'You asked this question here already', {
      fields: {title: 'You asked this question here already'},
    });
  }
  return topics.addQuestion({
    topicId: topic.id,
    title: question.title,
    body: question.body,
    html: question.html,
    authorId: question.viewerId,
    displayName: question.displayName,
    status: rules.premoderate ? 'pending' : 'published',
    now: question.now,
  });
}
