/**
 * The test data every state shows: user content marked ⸨…⸩ (see pseudo-locale.ts), so a
 * test can tell what people wrote from what Quanda says; the reader's permissions; and
 * the failures a client can answer with.
 */
import {QuandaError} from '../../../src/api/api-error.js';
import type {
  Answer,
  Author,
  Comment,
  Permission,
  Question,
  Thread,
  ViewerCan,
} from '../../../src/api/schemas.js';
import {NOW, answer, comment, own, question} from '../builders.js';
import {user} from '../pseudo-locale.js';

export const hoursAgo = (hours: number) =>
  new Date(Date.parse(NOW) - hours * 3_600_000).toISOString();
export const person = (name: string | null, points: number | null): Author => ({
  displayName: name === null ? null : user(name),
  points,
  isViewer: false,
});
export const text = (body: string) => ({format: 'text' as const, text: body});

/** A question with every optional part filled in, and its user content marked. */
export function markedQuestion(overrides: Partial<Question> = {}): Question {
  return question({
    title: user('Why are therapists so secretive?'),
    body: text(`${user('First paragraph.')}\n\n${user('Second paragraph,')}\n${user('a line.')}`),
    category: user('Psychotherapy'),
    tags: [user('therapy'), user('ethics')],
    author: person('Maya R.', 6505),
    lastEdit: {at: hoursAgo(30), by: person('Maya R.', 6505)},
    ...overrides,
  });
}

export function markedAnswer(overrides: Partial<Answer> = {}): Answer {
  return answer({
    body: text(user('An answer, long enough to be one.')),
    author: person('Jonas', 1275),
    ...overrides,
  });
}

/** Answers covering the plural forms of scores and points, best, anonymous and edited. */
export function markedAnswers(): Answer[] {
  return [
    markedAnswer({isAccepted: true, score: 12500}),
    markedAnswer({score: 1, author: person('Ana', 1)}),
    markedAnswer({score: 0, author: person(null, null), createdAt: hoursAgo(0)}),
    markedAnswer({
      score: -2,
      lastEdit: {at: hoursAgo(1), by: person(null, null)},
      createdAt: hoursAgo(24 * 400),
    }),
  ];
}

export function markedThread(overrides: Partial<Thread> = {}): Thread {
  const answers = overrides.answers ?? markedAnswers();
  return {
    question: markedQuestion({answerCount: answers.length}),
    answers,
    nextCursor: null,
    viewer: {isAsker: false, canAnswer: {allowed: true}},
    serverTime: NOW,
    ...overrides,
  };
}

/**
 * One answer: with a client that writes, every answer gets a comments region named after
 * its author, and two answers by one author would name two regions alike.
 */
export const oneAnswer = () => markedThread({answers: [markedAnswer()]});

export const yes: Permission = {allowed: true};
export const no = (reason: string): Permission => ({allowed: false, reason});
/** Someone else's post in someone else's question: vote, flag and comment, nothing more. */
export const reader: ViewerCan = {
  vote: yes,
  accept: no('not-asker'),
  edit: no('not-author'),
  flag: yes,
  comment: yes,
};
export const me = (name: string | null): Author => ({...person(name, 3), isViewer: true});

export function markedComment(overrides: Partial<Comment> = {}): Comment {
  return comment({
    body: text(user('A comment, short and kind.')),
    author: person('Lee', 12),
    createdAt: hoursAgo(5),
    viewerCan: reader,
    ...overrides,
  });
}

/** A thread a reader can write in: ids set, so a state can find the post it acts on. */
export function writableThread(overrides: Partial<Thread> = {}): Thread {
  const answers = overrides.answers ?? [
    markedAnswer({id: 'a1', isAccepted: true, score: 12, viewerCan: reader}),
    markedAnswer({id: 'a2', score: 1, author: person('Ana', 1), viewerCan: reader}),
  ];
  return markedThread({
    question: markedQuestion({answerCount: answers.length, viewerCan: reader}),
    answers,
    ...overrides,
  });
}

/** The thread with one answer of the reader's own (`mine`), theirs to edit or remove. */
export const withMine = (overrides: Partial<Answer> = {}) =>
  writableThread({
    answers: [
      markedAnswer({id: 'a1', score: 4, viewerCan: reader}),
      markedAnswer({id: 'mine', author: me('Kim'), viewerCan: own, ...overrides}),
    ],
  });

/** Comments on the question (some earlier ones not loaded) and on the first answer. */
export const withComments = (mine = false) =>
  writableThread({
    question: markedQuestion({
      answerCount: 1,
      viewerCan: reader,
      comments: {
        items: [
          markedComment({id: 'c1', lastEdit: {at: hoursAgo(1), by: person('Lee', 12)}}),
          markedComment({id: 'c2', author: person(null, null)}),
          markedComment({
            id: 'c3',
            author: mine ? me('Kim') : person('Sam', 2),
            viewerCan: mine ? own : reader,
          }),
        ],
        count: 5,
      },
    }),
    answers: [
      markedAnswer({
        id: 'a1',
        viewerCan: reader,
        comments: {items: [markedComment({id: 'c9'})], count: 1},
      }),
    ],
  });

/** The question, asked by the reader: theirs to edit or remove. */
export const ownQuestion = () =>
  writableThread({
    question: markedQuestion({author: me('Maya R.'), viewerCan: own, answerCount: 0}),
    answers: [],
    viewer: {isAsker: true, canAnswer: yes},
  });

export const http = (status: number) => () => new QuandaError('http', `HTTP ${status}`, {status});
export const network = () => new QuandaError('network', 'offline');
/** A refusal for good: the outbox does not keep what the server will never take. */
export const refused = () =>
  new QuandaError('http', 'forbidden', {
    status: 403,
    envelope: {code: 'forbidden', message: 'Not allowed here'},
  });
export const rateLimited = () =>
  new QuandaError('http', 'slow down', {status: 429, retryAfter: 120});
/** A reply that never comes: the state of waiting for it. */
export const pending = () => new Promise<never>(() => undefined);

/** A posted answer, as the server returns it. */
export const postedAnswer = (status: Answer['status']) =>
  markedAnswer({id: 'posted', status, author: me(null), viewerCan: own, createdAt: NOW});
