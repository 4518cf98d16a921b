/**
 * The conformance suite: black-box checks that a live backend keeps the Quanda contract,
 * one report line per check. It writes only to a test question it creates with the admin
 * token (and removes what it wrote where the API allows); `readOnly` runs just the
 * reading checks, against a question of the site's. docs/conformance.md lists the checks.
 */
import * as z from 'zod/mini';
import {CreatedQuestion, ErrorCode} from '../api/requests.js';
import {
  AcceptResult,
  Answer,
  Comment,
  CommentsPage,
  ErrorEnvelope,
  Removed,
  Thread,
  ViewerSession,
  VoteResult,
} from '../api/schemas.js';
import type {Sort} from '../api/schemas.js';
import {Failure, Skip, backend, expect, expectStatus, parsed} from './http.js';
import type {Reply, Request} from './http.js';

export interface ConformanceOptions {
  /** The API root, as a widget's `endpoint` would be. */
  endpoint: string;
  /** Only read: no viewer, no question, no post is created. Needs `question`. */
  readOnly?: boolean;
  /** The site owner's token, to create the test question (owner-only checks). */
  adminToken?: string;
  /** The moderator token, to hide a test post and see that other readers don't see it. */
  moderatorToken?: string;
  /** An existing question to read (with `readOnly`). */
  question?: string;
  fetch?: typeof fetch;
  /** Each result as it is known. */
  onResult?: (result: CheckResult) => void;
}

export interface CheckResult {
  /** The operation checked (its operationId in the OpenAPI document). */
  operation: string;
  check: string;
  outcome: 'pass' | 'fail' | 'skip';
  /** Why it failed or was skipped. */
  detail?: string;
}

const SORTS: Sort[] = ['votes', 'oldest', 'newest'];
/** Answers the suite writes: more than one page at any usual page size. */
const ANSWERS = 12;

export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const request = backend(options.endpoint, options.fetch);
  const results: CheckResult[] = [];
  const check = async (operation: string, name: string, run: () => Promise<void> | void) => {
    let result: CheckResult;
    try {
      await run();
      result = {operation, check: name, outcome: 'pass'};
    } catch (error) {
      const outcome = error instanceof Skip ? 'skip' : 'fail';
      const detail = error instanceof Error ? error.message : String(error);
      result = {operation, check: name, outcome, detail};
    }
    results.push(result);
    options.onResult?.(result);
    return result.outcome === 'pass';
  };

  await readingChecks(request, check, options);
  if (!options.readOnly) await writingChecks(request, check, options);
  return results;
}

type Check = (operation: string, name: string, run: () => Promise<void> | void) => Promise<boolean>;

async function readingChecks(request: Request, check: Check, options: ConformanceOptions) {
  const missing = `no-such-question-${Date.now().toString(36)}`;
  await check('getThread', 'an unknown question is 404 in the error envelope', async () => {
    const reply = await request('GET', `/questions/${missing}`);
    expectStatus(reply, 404, `GET /questions/${missing}`);
    envelope(reply, 'not_found');
  });
  if (!options.question) {
    if (options.readOnly) {
      await check('getThread', 'reading checks on a question of the site', () => {
        throw new Skip('give --question <id> to read one of the site’s questions');
      });
    }
    return;
  }
  await threadChecks(request, check, options.question, {});
}

/** What a thread's checks know from having written it. */
interface Known {
  token?: string;
  answerIds?: string[];
  acceptedId?: string;
}

async function threadChecks(request: Request, check: Check, id: string, known: Known) {
  await check('getThread', 'the thread parses and is the question asked for', async () => {
    const thread = parsed(Thread, await request('GET', `/questions/${id}`), `GET /questions/${id}`);
    expect(
      thread.question.id === id,
      `GET /questions/${id} answered with question "${thread.question.id}": the question returned must be the one asked for`,
    );
  });
  await check('getThread', 'an unknown sort is 400 in the error envelope', async () => {
    const reply = await request('GET', `/questions/${id}`, {query: {sort: 'sideways'}});
    expectStatus(reply, 400, `GET /questions/${id}?sort=sideways`);
    envelope(reply);
  });
  for (const sort of SORTS) {
    await check(
      'getThread',
      `sort=${sort}: walking the cursors lists each answer once, in order, the accepted one first`,
      () => walk(request, id, sort, known),
    );
  }
  await check('getComments', 'every comment page parses, each comment once', async () => {
    const thread = await readThread(request, id, undefined, 'the thread');
    const posts = [thread.question, ...thread.answers].filter((post) => post.comments.count > 0);
    if (!posts.length) throw new Skip('no post of the thread has comments');
    for (const post of posts) {
      const seen = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < 100; page++) {
        const reply = await request('GET', `/posts/${post.id}/comments`, {query: {cursor}});
        const comments = parsed(CommentsPage, reply, `GET /posts/${post.id}/comments`);
        for (const comment of comments.comments) {
          expect(!seen.has(comment.id), `comment ${comment.id} is listed twice`);
          expect(
            comment.parentId === post.id,
            `comment ${comment.id} belongs to ${comment.parentId}, not ${post.id}`,
          );
          seen.add(comment.id);
        }
        cursor = comments.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(
        seen.size === post.comments.count,
        `${post.id} counts ${post.comments.count} comments, its pages list ${seen.size}`,
      );
    }
  });
}

/** Walks one sort's pages: each answer once, in the sort's order, the accepted one first. */
async function walk(request: Request, id: string, sort: Sort, known: Known) {
  const {pages, count} = await allPages(request, id, sort, known.token);
  const answers = pages.flat();
  const ids = answers.map((answer) => answer.id);
  const twice = ids.filter((answerId, index) => ids.indexOf(answerId) !== index);
  expect(!twice.length, `answer ${twice[0]} is listed twice across the pages`);
  for (const answerId of known.answerIds ?? []) {
    expect(
      ids.includes(answerId),
      `answer ${answerId}, written by the suite, is missing from the pages`,
    );
  }
  expect(ids.length === count, `answerCount is ${count}, the pages list ${ids.length} answers`);
  acceptedFirst(pages, known.acceptedId);
  inSortOrder(
    answers.filter((answer) => !answer.isAccepted),
    sort,
  );
}

/** Every page of one sort, each cursor asked for twice (the same cursor gives the same page). */
async function allPages(request: Request, id: string, sort: Sort, token?: string) {
  const pages: Answer[][] = [];
  let cursor: string | undefined;
  let count = 0;
  const page = async (cursor: string | undefined, what: string) =>
    parsed(Thread, await request('GET', `/questions/${id}`, {query: {sort, cursor}, token}), what);
  for (let number = 1; number <= 200; number++) {
    const thread = await page(cursor, `GET /questions/${id}?sort=${sort} page ${number}`);
    count = thread.question.answerCount;
    pages.push(thread.answers);
    if (!thread.nextCursor) break;
    expect(thread.answers.length > 0, `page ${number} is empty but has a next cursor`);
    const again = await page(thread.nextCursor, 'the same cursor again');
    const next = await page(thread.nextCursor, 'the next page');
    expect(
      again.answers.map((answer) => answer.id).join() ===
        next.answers.map((answer) => answer.id).join(),
      `the same cursor gave two different pages (${thread.nextCursor})`,
    );
    cursor = thread.nextCursor;
  }
  return {pages, count};
}

/** At most one answer accepted, first on the first page (and the one the suite accepted). */
function acceptedFirst(pages: Answer[][], acceptedId: string | undefined) {
  const accepted = pages.flat().filter((answer) => answer.isAccepted);
  expect(accepted.length <= 1, `${accepted.length} answers are marked accepted`);
  if (accepted.length) {
    expect(
      pages[0][0]?.id === accepted[0].id,
      `the accepted answer ${accepted[0].id} is not first on the first page`,
    );
  }
  if (acceptedId) {
    expect(
      accepted[0]?.id === acceptedId,
      `answer ${acceptedId} was accepted, the thread marks ${accepted[0]?.id ?? 'none'}`,
    );
  }
}

/** The answers in the sort's order. */
function inSortOrder(answers: Answer[], sort: Sort) {
  for (let index = 1; index < answers.length; index++) {
    const [before, after] = [answers[index - 1], answers[index]];
    const inOrder =
      sort === 'votes'
        ? before.score >= after.score
        : sort === 'oldest'
          ? Date.parse(before.createdAt) <= Date.parse(after.createdAt)
          : Date.parse(before.createdAt) >= Date.parse(after.createdAt);
    expect(
      inOrder,
      `sort=${sort}: ${before.id} comes before ${after.id} (score ${before.score} / ${after.score}, created ${before.createdAt} / ${after.createdAt})`,
    );
  }
}

async function writingChecks(request: Request, check: Check, options: ConformanceOptions) {
  if (!options.adminToken) {
    await check('createQuestion', 'the writing checks, on a test question of their own', () => {
      throw new Skip(
        'give --admin-token (or QUANDA_ADMIN_TOKEN) to create the test question, or --read-only',
      );
    });
    return;
  }
  const id = `conformance-${Date.now().toString(36)}`;
  let asker = '';
  const created = await check(
    'createQuestion',
    'the site owner creates the test question',
    async () => {
      const reply = await request('POST', '/questions', {
        token: options.adminToken,
        body: {
          id,
          title: 'Conformance check: a test question, please ignore',
          tags: ['conformance'],
        },
      });
      expectStatus(reply, 201, 'POST /questions');
      const body = parsed(CreatedQuestion, reply, 'POST /questions');
      expect(body.question.id === id, `the new question is "${body.question.id}", not "${id}"`);
      asker = body.askerToken;
    },
  );
  if (!created) return;

  const viewers: string[] = [];
  const viewer = async () => {
    const reply = await request('POST', '/viewer');
    expectStatus(reply, 201, 'POST /viewer');
    return parsed(ViewerSession, reply, 'POST /viewer').token;
  };
  const ok = await check('createViewer', 'a new viewer gets a token', async () => {
    for (let index = 0; index < 4; index++) viewers.push(await viewer());
  });
  if (!ok) return;
  const [author, reader, third, fourth] = viewers as [string, string, string, string];
  const written: {id: string; token: string}[] = [];
  const comments: typeof written = [];
  const answerText = (n: number) =>
    `Conformance answer number ${n}: written by the suite, removed after.`;

  await check('postAnswer', 'writing needs a viewer token: 401 in the error envelope', async () => {
    const reply = await request('POST', `/questions/${id}/answers`, {
      body: {body: answerText(0)},
      key: key(),
    });
    expectStatus(reply, 401, 'an answer without a token');
    envelope(reply, 'unauthorized');
  });
  await check(
    'postAnswer',
    'an invalid answer is 400 in the error envelope, naming the field',
    async () => {
      const reply = await request('POST', `/questions/${id}/answers`, {
        body: {body: 'short'},
        token: author,
        key: key(),
      });
      expectStatus(reply, 400, 'a 5-character answer');
      const error = envelope(reply, 'validation');
      expect(
        error.fields && 'body' in error.fields,
        `the envelope's fields do not name "body": ${reply.text}`,
      );
    },
  );
  const email = `conformance-${Date.now().toString(36)}@example.org`;
  const answered = await check(
    'postAnswer',
    'an answer parses, is the viewer’s, and never shows the email',
    async () => {
      const reply = await request('POST', `/questions/${id}/answers`, {
        token: author,
        key: key(),
        body: {body: answerText(1), displayName: 'Conformance', notify: true, email},
      });
      expectStatus(reply, 201, 'POST /questions/{id}/answers');
      const answer = parsed(Answer, reply, 'the new answer');
      expect(
        answer.author.isViewer,
        'the new answer is not marked as the viewer’s own (author.isViewer)',
      );
      expect(!reply.text.includes(email), 'the response contains the email address');
      written.push({id: answer.id, token: author});
    },
  );
  if (!answered) return;
  const first = written[0].id;

  await check(
    'postAnswer',
    'a retry with the same Idempotency-Key is applied once and replayed',
    async () => {
      const sameKey = key();
      const body = {body: answerText(2)};
      const one = await request('POST', `/questions/${id}/answers`, {
        token: reader,
        key: sameKey,
        body,
      });
      expectStatus(one, 201, 'the first try');
      const two = await request('POST', `/questions/${id}/answers`, {
        token: reader,
        key: sameKey,
        body,
      });
      expectStatus(
        two,
        201,
        'the retry with the same Idempotency-Key (it must replay the first response)',
      );
      const [a, b] = [parsed(Answer, one, 'the first try'), parsed(Answer, two, 'the retry')];
      expect(a.id === b.id, `the retry made a second answer (${a.id}, then ${b.id})`);
      written.push({id: a.id, token: reader});
      const thread = await readThread(request, id, undefined, 'the thread');
      expect(
        thread.question.answerCount === 2,
        `answerCount is ${thread.question.answerCount} after two answers, one retried`,
      );
    },
  );
  await check(
    'postAnswer',
    'the same Idempotency-Key with another body is refused (422)',
    async () => {
      const sameKey = key();
      const one = await request('POST', `/questions/${id}/answers`, {
        token: third,
        key: sameKey,
        body: {body: answerText(3)},
      });
      expectStatus(one, 201, 'the first write');
      written.push({id: parsed(Answer, one, 'the first write').id, token: third});
      const two = await request('POST', `/questions/${id}/answers`, {
        token: third,
        key: sameKey,
        body: {body: answerText(4)},
      });
      expectStatus(two, 422, 'another body with the same Idempotency-Key');
      envelope(two, 'idempotency_key_reused');
    },
  );

  await check(
    'vote',
    'viewerCan agrees: voting on your own post is refused with its reason',
    async () => {
      const thread = await readThread(request, id, author, 'the thread');
      const own = thread.answers.find((answer) => answer.id === first);
      expect(own, `answer ${first} is missing from the thread`);
      expect(
        !own.viewerCan.vote.allowed,
        'viewerCan.vote.allowed is true on the viewer’s own answer',
      );
      const reply = await request('PUT', `/posts/${first}/vote`, {
        token: author,
        key: key(),
        body: {value: 1},
      });
      expectStatus(reply, 403, 'a vote on one’s own answer');
      const error = envelope(reply, 'forbidden');
      expect(
        error.reason === own.viewerCan.vote.reason,
        `the refusal's reason is "${error.reason}", viewerCan said "${own.viewerCan.vote.reason}"`,
      );
    },
  );
  await check(
    'vote',
    'viewerCan agrees: a vote it allows is saved; setting it twice changes nothing',
    async () => {
      const thread = await readThread(request, id, fourth, 'the thread');
      const target = thread.answers.find((answer) => answer.id === first);
      expect(
        target?.viewerCan.vote.allowed,
        `viewerCan.vote does not allow another reader to vote on ${first}`,
      );
      const one = parsed(
        VoteResult,
        await request('PUT', `/posts/${first}/vote`, {token: fourth, key: key(), body: {value: 1}}),
        'the vote',
      );
      const two = parsed(
        VoteResult,
        await request('PUT', `/posts/${first}/vote`, {token: fourth, key: key(), body: {value: 1}}),
        'the same vote again',
      );
      expect(
        one.viewerVote === 1 && one.score === target.score + 1,
        `after an upvote the score is ${one.score} (was ${target.score}) and the vote ${one.viewerVote}`,
      );
      expect(
        two.score === one.score && two.viewerVote === 1,
        `voting 1 twice moved the score from ${one.score} to ${two.score}`,
      );
    },
  );
  await check(
    'setAcceptedAnswer',
    'viewerCan agrees: only the asker chooses the best answer',
    async () => {
      const thread = await readThread(request, id, reader, 'the thread');
      const target = thread.answers.find((answer) => answer.id === first)!;
      expect(!target.viewerCan.accept.allowed, 'viewerCan.accept allows a reader who did not ask');
      const refused = await request('PUT', `/questions/${id}/accepted-answer`, {
        token: reader,
        key: key(),
        body: {answerId: first},
      });
      expectStatus(refused, 403, 'a reader who did not ask choosing the best answer');
      envelope(refused, 'forbidden');
      const asked = await readThread(request, id, asker, 'the thread as the asker');
      expect(asked.viewer.isAsker, 'viewer.isAsker is false for the asker token');
      const allowed = asked.answers.find((answer) => answer.id === first)!;
      expect(allowed.viewerCan.accept.allowed, 'viewerCan.accept does not allow the asker');
    },
  );

  // Enough answers for more than one page, with different scores and times.
  const more = await check('postAnswer', `${ANSWERS} more answers from other readers`, async () => {
    for (let n = 0; n < ANSWERS; n++) {
      const token = await viewer();
      const reply = await request('POST', `/questions/${id}/answers`, {
        token,
        key: key(),
        body: {body: answerText(10 + n)},
      });
      expectStatus(reply, 201, `answer ${n + 1}`);
      written.push({id: parsed(Answer, reply, `answer ${n + 1}`).id, token});
    }
    for (const [index, {id: postId}] of written.slice(3, 9).entries()) {
      const value = index % 3 === 2 ? -1 : 1;
      for (const token of [reader, third].slice(0, (index % 2) + 1)) {
        const reply = await request('PUT', `/posts/${postId}/vote`, {
          token,
          key: key(),
          body: {value},
        });
        expectStatus(reply, 200, `a vote on ${postId}`);
      }
    }
  });
  const last = written.at(-1)!.id;
  const acceptedNow = await check('setAcceptedAnswer', 'the asker accepts an answer', async () => {
    const reply = await request('PUT', `/questions/${id}/accepted-answer`, {
      token: asker,
      key: key(),
      body: {answerId: last},
    });
    expectStatus(reply, 200, 'PUT /questions/{id}/accepted-answer');
    const result = parsed(AcceptResult, reply, 'the accept result');
    expect(
      result.acceptedAnswerId === last,
      `acceptedAnswerId is ${result.acceptedAnswerId}, not ${last}`,
    );
  });
  await check('postComment', 'a comment parses and is counted on its post', async () => {
    const reply = await request('POST', `/posts/${first}/comments`, {
      token: reader,
      key: key(),
      body: {body: 'Conformance comment.'},
    });
    expectStatus(reply, 201, 'POST /posts/{id}/comments');
    const comment = parsed(Comment, reply, 'the new comment');
    expect(
      comment.parentId === first,
      `the comment's parentId is ${comment.parentId}, not ${first}`,
    );
    comments.push({id: comment.id, token: reader});
    const page = parsed(
      CommentsPage,
      await request('GET', `/posts/${first}/comments`),
      'the comments',
    );
    expect(
      page.comments.some((listed) => listed.id === comment.id),
      'the new comment is not listed',
    );
  });

  if (more) {
    await threadChecks(request, check, id, {
      token: reader,
      answerIds: written.map((post) => post.id),
      acceptedId: acceptedNow ? last : undefined,
    });
  }
  await check('clearAcceptedAnswer', 'the asker undoes the choice', async () => {
    const reply = await request('DELETE', `/questions/${id}/accepted-answer`, {
      token: asker,
      key: key(),
    });
    expectStatus(reply, 200, 'DELETE /questions/{id}/accepted-answer');
    expect(
      parsed(AcceptResult, reply, 'the result').acceptedAnswerId === null,
      'acceptedAnswerId is not null',
    );
  });

  await check(
    'moderatePost',
    'a hidden post is invisible to other readers, visible to its author',
    async () => {
      if (!options.moderatorToken)
        throw new Skip('give --moderator-token (or QUANDA_MODERATOR_TOKEN) to hide a test post');
      const target = written[1];
      const reply = await request('POST', `/moderation/posts/${target.id}`, {
        token: options.moderatorToken,
        key: key(),
        body: {action: 'hide'},
      });
      expectStatus(reply, 200, 'POST /moderation/posts/{id} hide');
      for (const sort of SORTS) {
        const others = await allAnswers(request, id, sort, fourth);
        expect(
          !others.some((answer) => answer.id === target.id),
          `sort=${sort}: another reader still sees hidden answer ${target.id}`,
        );
      }
      const own = await allAnswers(request, id, 'oldest', target.token);
      const mine = own.find((answer) => answer.id === target.id);
      expect(
        mine?.status === 'hidden',
        `its author sees ${mine ? `status "${mine.status}"` : 'nothing'}, not their hidden answer`,
      );
    },
  );

  await check('removePost', 'authors remove what the suite wrote', async () => {
    for (const post of [...comments, ...written.reverse()]) {
      const reply = await request('DELETE', `/posts/${post.id}`, {token: post.token, key: key()});
      expectStatus(reply, 200, `DELETE /posts/${post.id}`);
      const removed = parsed(Removed, reply, `DELETE /posts/${post.id}`);
      expect(removed.id === post.id, `removing ${post.id} answered for ${removed.id}`);
    }
    const thread = await readThread(request, id, undefined, 'the thread');
    expect(
      thread.answers.length === 0,
      `${thread.answers.length} answers are still listed after removal`,
    );
  });
}

/** The thread's first page, as this viewer sees it. */
async function readThread(request: Request, id: string, token: string | undefined, what: string) {
  return parsed(Thread, await request('GET', `/questions/${id}`, {token}), what);
}

async function allAnswers(request: Request, id: string, sort: Sort, token: string) {
  const answers: Answer[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const thread = parsed(
      Thread,
      await request('GET', `/questions/${id}`, {query: {sort, cursor}, token}),
      'the thread',
    );
    answers.push(...thread.answers);
    cursor = thread.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return answers;
}

/** The error envelope, with a documented code (and this one, when given). */
function envelope(reply: Reply, code?: z.infer<typeof ErrorCode>) {
  const {error} = parsed(ErrorEnvelope, reply, `the ${reply.status} error`);
  expect(
    z.safeParse(ErrorCode, error.code).success,
    `the error code "${error.code}" is not one the contract documents`,
  );
  if (code) expect(error.code === code, `the error code is "${error.code}", expected "${code}"`);
  return error;
}

function key() {
  return crypto.randomUUID();
}

export {Failure};
