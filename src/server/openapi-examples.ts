/**
 * Examples for the OpenAPI document, taken from the demo thread (seed.ts) as the reference
 * server sends it, bodies shortened. A mock built from the document alone answers with
 * these, so they must be what a real backend would say: a test parses each one with the
 * contract's schema, and Redocly's lint checks them against the document.
 */
import type {
  AcceptResult,
  Answer,
  Comment,
  CommentsPage,
  ErrorEnvelope,
  FlagResult,
  Permission,
  Question,
  Removed,
  Thread,
  ViewerCan,
  ViewerSession,
  VoteResult,
} from '../api/schemas.js';
import type {ModeratedPost, ModerationQueue} from '../api/moderation.js';
import type {CreatedQuestion} from '../api/requests.js';
import type {QuestionList, QuestionSummary, SimilarQuestions} from '../api/board.js';

export const QUESTION_ID = 'therapist-confidentiality';
export const ANSWER_ID = '206but0n0kxt';
const SECOND_ANSWER_ID = 'a7p33clvvntb';
const COMMENT_ID = 'k2m9q4wz7c1d';

const yes: Permission = {allowed: true};
const no = (reason: string): Permission => ({allowed: false, reason});

const readerCan = (accept: Permission): ViewerCan => ({
  vote: yes,
  accept,
  edit: no('not-author'),
  flag: yes,
  comment: yes,
});

const authorCan: ViewerCan = {
  vote: no('own-post'),
  accept: no('not-asker'),
  edit: yes,
  flag: no('own-post'),
  comment: yes,
};

const maya = {displayName: 'Maya R.', points: 6505, isViewer: false};

const question: Question = {
  id: QUESTION_ID,
  kind: 'question',
  status: 'published',
  title: 'Why are therapists so secretive about their clients and what their work involves?',
  body: {
    format: 'markdown',
    html: '<p>My sister has been seeing a therapist for a year. When I asked the therapist how she was doing, I got a polite but firm "I can\'t talk about that".</p>\n<p>Is it a legal thing, a habit, or something about how therapy works?</p>\n',
  },
  author: maya,
  createdAt: '2026-12-03T04:20:02.463Z',
  lastEdit: {at: '2026-12-04T02:20:02.463Z', by: maya},
  score: 11,
  viewerVote: 0,
  viewerCan: readerCan(no('not-answer')),
  comments: {items: [], count: 0},
  category: 'Psychotherapy',
  tags: ['therapy', 'confidentiality', 'ethics'],
  answerCount: 2, // the two answers below (the demo thread has five)
};

const comment: Comment = {
  id: COMMENT_ID,
  kind: 'comment',
  parentId: ANSWER_ID,
  status: 'published',
  body: {
    format: 'markdown',
    html: '<p>Thank you, the list of exceptions helped.</p>\n',
  },
  author: {displayName: 'quietriver', points: 12, isViewer: false},
  createdAt: '2026-12-05T22:20:02.463Z',
  lastEdit: null,
  viewerCan: {
    vote: no('not-votable'),
    accept: no('not-answer'),
    edit: no('not-author'),
    flag: yes,
    comment: no('not-commentable'),
  },
};

const accepted: Answer = {
  id: ANSWER_ID,
  kind: 'answer',
  status: 'published',
  body: {
    format: 'markdown',
    html: '<p>What looks like secrecy from the outside is <strong>confidentiality</strong>, and it is the thing that makes therapy work at all.</p>\n<p>Outside a few exceptions, silence is the job done well.</p>\n',
  },
  author: {displayName: 'Jonas Lindqvist', points: 1275, isViewer: false},
  createdAt: '2026-12-03T23:20:02.463Z',
  lastEdit: null,
  score: 2,
  viewerVote: 0,
  viewerCan: readerCan(no('not-asker')),
  comments: {items: [comment], count: 1},
  isAccepted: true,
};

const second: Answer = {
  ...accepted,
  id: SECOND_ANSWER_ID,
  body: {
    format: 'markdown',
    html: '<p>I\'m a clinical psychologist. Even saying "yes, she\'s my client" would break confidentiality.</p>\n',
  },
  author: {displayName: 'Dr. Amara Okafor', points: 3910, isViewer: false},
  createdAt: '2026-12-03T08:20:02.463Z',
  score: 4,
  comments: {items: [], count: 0},
  isAccepted: false,
};

const thread: Thread = {
  question,
  answers: [accepted, second],
  nextCursor: null, // the demo thread's five answers fit on one page
  viewer: {isAsker: false, canAnswer: yes},
  serverTime: '2026-12-06T04:20:02.463Z',
};

const newAnswerText =
  'Therapists do talk about their work, just not with friends: they discuss cases with a supervisor, with names and details removed.';

const myAnswer: Answer = {
  id: 'p3x8r2vd9m4s',
  kind: 'answer',
  status: 'published',
  body: {format: 'markdown', html: `<p>${newAnswerText}</p>\n`, source: newAnswerText},
  author: {displayName: 'Theo', points: 0, isViewer: true},
  createdAt: '2026-12-06T04:21:40.118Z',
  lastEdit: null,
  score: 0,
  viewerVote: 0,
  viewerCan: authorCan,
  comments: {items: [], count: 0},
  isAccepted: false,
};

const myComment: Comment = {
  ...comment,
  id: 'w8n1c5tq2h7j',
  body: {format: 'markdown', html: '<p>Same here.</p>\n', source: 'Same here.'},
  author: {displayName: null, points: 0, isViewer: true},
  createdAt: '2026-12-06T04:22:05.310Z',
  viewerCan: {...comment.viewerCan, edit: yes, flag: no('own-post')},
};

const moderated: ModeratedPost = {
  id: SECOND_ANSWER_ID,
  kind: 'answer',
  questionId: QUESTION_ID,
  status: 'hidden',
  body: second.body,
  displayName: 'Dr. Amara Okafor',
  createdAt: second.createdAt,
  flags: [
    {reason: 'spam', note: null, createdAt: '2026-12-05T10:02:11.000Z'},
    {reason: 'other', note: 'Advertises a clinic', createdAt: '2026-12-05T11:40:09.000Z'},
  ],
};

const summary: QuestionSummary = {
  id: 'r4t8m2x9q1zb',
  title: 'How long should an afternoon nap be?',
  excerpt:
    'Mine run past an hour and I wake up groggier than before. Is there a length that helps?',
  status: 'published',
  score: 3,
  answerCount: 2,
  hasAcceptedAnswer: true,
  author: {displayName: 'Ren', points: 41, isViewer: false},
  createdAt: '2026-12-04T08:12:40.000Z',
  activityAt: '2026-12-05T19:03:11.000Z',
  topic: '/posts/sleep-better',
};

const askedQuestion: Question = {
  ...question,
  id: 'c6v2n8k4w0sd',
  title: 'Is it fine to nap every day?',
  body: {format: 'markdown', html: '<p>I work nights.</p>\n', source: 'I work nights.'},
  author: {displayName: 'Sam', points: 0, isViewer: true},
  createdAt: '2026-12-06T04:25:00.000Z',
  lastEdit: null,
  score: 0,
  viewerCan: {...authorCan, accept: no('not-answer'), comment: yes},
  category: null,
  tags: [],
  answerCount: 0,
};

/** Response bodies, by schema. */
export const responses = {
  thread,
  createdQuestion: {
    question: {...question, lastEdit: null, score: 0, answerCount: 0},
    askerToken: 'vT3kQ9xW2mP8rL5nB7cY4hJ6',
  } satisfies CreatedQuestion,
  viewerSession: {token: 'q8Zr2Lk5Xw9Tn3Vb6Mc1Hd4F'} satisfies ViewerSession,
  answer: myAnswer,
  commentsPage: {comments: [comment], nextCursor: null} satisfies CommentsPage,
  comment: myComment,
  voteResult: {score: 3, viewerVote: 1} satisfies VoteResult,
  acceptResult: {acceptedAnswerId: ANSWER_ID} satisfies AcceptResult,
  noAccepted: {acceptedAnswerId: null} satisfies AcceptResult,
  flagResult: {flagged: true} satisfies FlagResult,
  editedPost: {
    ...myAnswer,
    lastEdit: {at: '2026-12-06T04:30:12.901Z', by: myAnswer.author},
  } satisfies Answer,
  removed: {id: myAnswer.id, removed: true} satisfies Removed,
  moderationQueue: {posts: [moderated]} satisfies ModerationQueue,
  moderatedPost: {...moderated, status: 'published', flags: []} satisfies ModeratedPost,
  questionList: {
    items: [summary],
    nextCursor: 'WyJhY3Rpdml0eSIsIjIwMjYtMTItMDUiLCJyNHQ4In0',
    canAsk: yes,
  } satisfies QuestionList,
  similarQuestions: {items: [summary]} satisfies SimilarQuestions,
  askedQuestion,
};

/** Request bodies, by schema. */
export const requests = {
  newQuestion: {
    id: QUESTION_ID,
    title: question.title,
    body: 'My sister has been seeing a therapist for a year. Is it a legal thing, a habit, or something about how therapy works?',
    category: 'Psychotherapy',
    tags: ['therapy', 'confidentiality', 'ethics'],
    author: {displayName: 'Maya R.'},
  },
  newAnswer: {body: newAnswerText, displayName: 'Theo', notify: true, email: 'theo@example.org'},
  newComment: {body: 'Same here.', notify: false},
  vote: {value: 1},
  accept: {answerId: ANSWER_ID},
  flag: {reason: 'other', note: 'Advertises a clinic'},
  edit: {body: newAnswerText},
  moderation: {action: 'restore'},
  askedQuestion: {
    topic: '/posts/sleep-better',
    pageTitle: 'Sleep better: ten small habits',
    title: 'Is it fine to nap every day?',
    body: 'I work nights.',
    displayName: 'Sam',
  },
};

const envelope = (
  code: string,
  message: string,
  extra: Partial<ErrorEnvelope['error']> = {},
): ErrorEnvelope => ({error: {code, message, ...extra}});

/** The error envelope as the reference server sends it, by status. */
export const errors: Record<number, ErrorEnvelope> = {
  400: envelope('validation', 'Invalid answer: check body', {
    fields: {body: 'Too short: write at least 12 characters'},
  }),
  401: envelope(
    'unauthorized',
    'This viewer token is not known here: get a new one with POST /viewer',
  ),
  403: envelope('forbidden', 'You cannot vote on your own post', {reason: 'own-post'}),
  404: envelope('not_found', `No question "${QUESTION_ID}-2"`),
  409: envelope('duplicate', 'The same answer is already here', {
    fields: {body: 'The same answer is already here'},
  }),
  413: envelope('payload_too_large', 'The request body is too large'),
  422: envelope('idempotency_key_reused', 'This Idempotency-Key was used for a different request'),
  429: envelope('rate_limited', 'Too many answers in an hour: try again in 20 minutes'),
  503: envelope('unavailable', 'The database is not answering now: try again in a moment'),
};
