/** Contract-shaped test data for leaf-element tests (the e2e tests use the real server). */
import type {Answer, Comment, Permission, Question, Thread} from '../../src/api/schemas.js';

const yes: Permission = {allowed: true};
/** A reader looking at someone else's post in someone else's question. */
const can = {
  vote: yes,
  accept: {allowed: false, reason: 'not-asker'},
  edit: {allowed: false, reason: 'not-author'},
  flag: yes,
  comment: yes,
};
export const NOW = '2026-11-27T12:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

export function question(overrides: Partial<Question> = {}): Question {
  return {
    id: 'q1',
    kind: 'question',
    status: 'published',
    title: 'Why are therapists so secretive?',
    body: {format: 'text', text: 'First paragraph.\n\nSecond paragraph,\nwith a line break.'},
    category: 'Psychotherapy',
    tags: ['therapy', 'ethics'],
    author: {displayName: 'Maya R.', points: 6505, isViewer: false},
    createdAt: daysAgo(3),
    lastEdit: {at: daysAgo(2), by: {displayName: 'Maya R.', points: 6505, isViewer: false}},
    score: 11,
    viewerVote: 0,
    viewerCan: can,
    comments: {items: [], count: 0},
    answerCount: 2,
    ...overrides,
  };
}

let next = 1;
export function answer(overrides: Partial<Answer> = {}): Answer {
  const id = `a${next++}`;
  return {
    id,
    kind: 'answer',
    status: 'published',
    body: {format: 'text', text: `The text of answer ${id}, long enough to be one.`},
    author: {displayName: `Author of ${id}`, points: 120, isViewer: false},
    createdAt: daysAgo(2),
    lastEdit: null,
    score: 2,
    viewerVote: 0,
    viewerCan: can,
    comments: {items: [], count: 0},
    isAccepted: false,
    ...overrides,
  };
}

export function thread(overrides: Partial<Thread> = {}): Thread {
  const answers = overrides.answers ?? [answer({isAccepted: true}), answer({score: 5})];
  return {
    question: question({answerCount: answers.length}),
    answers,
    nextCursor: null,
    viewer: {isAsker: false, canAnswer: yes},
    serverTime: NOW,
    ...overrides,
  };
}

export function comment(overrides: Partial<Comment> = {}): Comment {
  const id = `c${next++}`;
  return {
    id,
    kind: 'comment',
    parentId: 'q1',
    status: 'published',
    body: {format: 'text', text: `Comment ${id}.`},
    author: {displayName: `Commenter ${id}`, points: 3, isViewer: false},
    createdAt: daysAgo(1),
    lastEdit: null,
    viewerCan: can,
    ...overrides,
  };
}

/** What a reader may do on their own post: edit it, not vote or flag it. */
export const own = {
  vote: {allowed: false, reason: 'own-post'},
  accept: {allowed: false, reason: 'not-asker'},
  edit: {allowed: true},
  flag: {allowed: false, reason: 'own-post'},
  comment: {allowed: true},
};
