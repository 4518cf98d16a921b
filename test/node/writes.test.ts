import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {defaultRateLimits} from '../../src/server/config.js';
import {shownText} from '../support/bodies.js';
import {answerText, makeApi, MODERATOR, moderator} from './helpers.js';
import type {TestApi} from './helpers.js';

const bearer = (token: string) => ({authorization: `Bearer ${token}`});

describe('API: viewers', () => {
  let app: TestApi;
  before(async () => {
    app = await makeApi();
    await app.question('q');
  });
  after(() => app.close());

  it('mints an anonymous viewer whose token then writes', async () => {
    const minted = await app.json('/viewer', {method: 'POST'});
    assert.equal(minted.status, 201);
    assert.equal(minted.headers.get('cache-control'), 'no-store');
    assert.ok(minted.body.token.length >= 16);
    const answered = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText('from a new viewer')},
      {token: minted.body.token},
    );
    assert.equal(answered.status, 201);
    assert.equal(answered.body.author.isViewer, true);
  });

  it('keeps only a hash of the token', async () => {
    const {body} = await app.json('/viewer', {method: 'POST'});
    const stored = await app.db.selectFrom('viewers').select('token_hash').execute();
    assert.ok(!stored.some((row) => row.token_hash === body.token));
  });

  it('refuses a write without a token, or with one it does not know, with 401', async () => {
    for (const token of [null, 'not-a-token-this-server-made']) {
      const {status, body, headers} = await app.send('PUT', '/posts/q/vote', {value: 1}, {token});
      assert.equal(status, 401);
      assert.equal(body.error.code, 'unauthorized');
      assert.match(body.error.message, /POST \/viewer/);
      assert.equal(headers.get('www-authenticate'), 'Bearer');
    }
  });
});

describe('API: answering', () => {
  let app: TestApi;
  let reader: string;
  before(async () => {
    app = await makeApi();
    await app.question('q');
    await app.question('other');
    reader = await app.viewer();
  });
  after(() => app.close());

  it('adds the answer, returns it as its author sees it, and shows it to everyone', async () => {
    const {status, body} = await app.send(
      'POST',
      '/questions/q/answers',
      {body: `  ${answerText(1)}  `, displayName: ' Robin ', notify: false},
      {token: reader},
    );
    assert.equal(status, 201);
    assert.equal(body.kind, 'answer');
    assert.equal(body.status, 'published');
    // Its author gets the Markdown back to edit, with the HTML everyone sees.
    assert.deepEqual(body.body, {
      format: 'markdown',
      html: `<p>${answerText(1)}</p>\n`,
      source: answerText(1),
    });
    assert.deepEqual(body.author, {displayName: 'Robin', points: 0, isViewer: true});
    assert.deepEqual(body.viewerCan.vote, {allowed: false, reason: 'own-post'});
    assert.deepEqual(body.viewerCan.edit, {allowed: true});
    assert.deepEqual(body.comments, {items: [], count: 0});

    const thread = await app.json('/questions/q');
    assert.equal(thread.body.question.answerCount, 1);
    assert.equal(thread.body.answers[0].id, body.id);
    assert.equal(thread.body.answers[0].author.isViewer, false);
  });

  it('shows an answer without a name as anonymous', async () => {
    const {body} = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText('anonymous'), displayName: '   '},
      {token: reader},
    );
    assert.deepEqual(body.author, {displayName: null, points: null, isViewer: true});
  });

  it('refuses the same words again (case and spacing aside) as a duplicate, but not elsewhere', async () => {
    const other = await app.viewer();
    const again = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText(1).toUpperCase().replace(/ /g, '  \n ')},
      {token: other},
    );
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'duplicate');
    assert.ok('body' in again.body.error.fields);
    const elsewhere = await app.send(
      'POST',
      '/questions/other/answers',
      {body: answerText(1)},
      {token: other},
    );
    assert.equal(elsewhere.status, 201);
  });

  it('answers 404 for a question that is not there', async () => {
    const {status, body} = await app.send(
      'POST',
      '/questions/nowhere/answers',
      {body: answerText(2)},
      {token: reader},
    );
    assert.equal(status, 404);
    assert.equal(body.error.code, 'not_found');
  });
});

describe('API: voting', () => {
  let app: TestApi;
  let author: string;
  let voter: string;
  let answerId: string;
  before(async () => {
    app = await makeApi();
    await app.question('q');
    author = await app.viewer();
    voter = await app.viewer();
    const answer = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText(1), displayName: 'Named'},
      {token: author},
    );
    answerId = answer.body.id;
  });
  after(() => app.close());

  const vote = (value: unknown, token = voter, postId = answerId) =>
    app.send('PUT', `/posts/${postId}/vote`, {value}, {token});

  it('sets a vote, keeps it when set again, switches it and removes it', async () => {
    assert.deepEqual((await vote(1)).body, {score: 1, viewerVote: 1});
    assert.deepEqual((await vote(1)).body, {score: 1, viewerVote: 1});
    assert.deepEqual((await vote(-1)).body, {score: -1, viewerVote: -1});
    assert.deepEqual((await vote(0)).body, {score: 0, viewerVote: 0});
    assert.deepEqual((await vote(1, voter, 'q')).body, {score: 1, viewerVote: 1});
    const thread = await app.json('/questions/q', {headers: bearer(voter)});
    assert.equal(thread.body.question.viewerVote, 1);
    assert.equal(thread.body.answers[0].viewerVote, 0);
  });

  it('gives the author points for votes received: +10 an upvote on an answer, -2 a downvote', async () => {
    const points = async () =>
      (await app.json('/questions/q')).body.answers[0].author.points as number;
    const before = await points();
    await vote(1);
    assert.equal(await points(), before + 10);
    await vote(-1);
    assert.equal(await points(), before - 2);
    await vote(0);
    assert.equal(await points(), before);
  });

  it('refuses a vote on your own post with 403 own-post', async () => {
    const {status, body} = await vote(1, author);
    assert.equal(status, 403);
    assert.equal(body.error.code, 'forbidden');
    assert.equal(body.error.reason, 'own-post');
    assert.match(body.error.message, /vote on your own post/);
  });

  it('refuses a vote of 2, or of "1"', async () => {
    for (const value of [2, '1', null]) {
      const {status, body} = await vote(value);
      assert.equal(status, 400);
      assert.ok('value' in body.error.fields, JSON.stringify(body));
    }
  });

  it('answers 404 for a post that is not there', async () => {
    assert.equal((await vote(1, voter, 'nothing-here')).status, 404);
  });
});

describe('API: the best answer', () => {
  let app: TestApi;
  let asker: string;
  let reader: string;
  let first: string;
  let second: string;
  let foreign: string;
  before(async () => {
    app = await makeApi();
    asker = await app.question('q');
    await app.question('other');
    reader = await app.viewer();
    const answer = (n: number, question = 'q') =>
      app.send(
        'POST',
        `/questions/${question}/answers`,
        {body: answerText(n), displayName: `Author ${n}`},
        {token: reader},
      );
    first = (await answer(1)).body.id;
    second = (await answer(2)).body.id;
    foreign = (await answer(3, 'other')).body.id;
  });
  after(() => app.close());

  const accept = (answerId: unknown, token = asker) =>
    app.send('PUT', '/questions/q/accepted-answer', {answerId}, {token});

  it('lets the asker choose one, lists it first, and move the choice', async () => {
    assert.deepEqual((await accept(second)).body, {acceptedAnswerId: second});
    let thread = await app.json('/questions/q', {headers: bearer(asker)});
    assert.equal(thread.body.viewer.isAsker, true);
    assert.deepEqual(
      thread.body.answers.map((a: any) => [a.id, a.isAccepted]),
      [
        [second, true],
        [first, false],
      ],
    );
    assert.deepEqual(thread.body.answers[1].viewerCan.accept, {allowed: true});
    assert.equal(thread.body.answers[0].author.points, 15);
    assert.deepEqual((await accept(first)).body, {acceptedAnswerId: first});
    thread = await app.json('/questions/q');
    assert.equal(thread.body.answers[0].id, first);
    assert.equal(thread.body.answers[0].author.points, 15); // the 15 points moved with the choice
  });

  it('lets the asker undo it', async () => {
    const undone = await app.send('DELETE', '/questions/q/accepted-answer', undefined, {
      token: asker,
    });
    assert.deepEqual(undone.body, {acceptedAnswerId: null});
    const thread = await app.json('/questions/q');
    assert.ok(!thread.body.answers.some((a: any) => a.isAccepted));
  });

  it('refuses anyone but the asker with 403 not-asker', async () => {
    const chosen = await accept(first, reader);
    assert.equal(chosen.status, 403);
    assert.equal(chosen.body.error.reason, 'not-asker');
    const undone = await app.send('DELETE', '/questions/q/accepted-answer', undefined, {
      token: reader,
    });
    assert.equal(undone.status, 403);
    const thread = await app.json('/questions/q', {headers: bearer(reader)});
    assert.deepEqual(thread.body.answers[0].viewerCan.accept, {
      allowed: false,
      reason: 'not-asker',
    });
  });

  it('refuses an answer to another question, or none at all, naming answerId', async () => {
    for (const answerId of [foreign, 'no-such-answer', 'q', '', 42]) {
      const {status, body} = await accept(answerId);
      assert.equal(status, 400, String(answerId));
      assert.ok('answerId' in body.error.fields);
    }
  });
});

describe('API: comments', () => {
  let app: TestApi;
  let reader: string;
  let answerId: string;
  before(async () => {
    app = await makeApi();
    await app.question('q');
    reader = await app.viewer();
    answerId = (
      await app.send('POST', '/questions/q/answers', {body: answerText(1)}, {token: reader})
    ).body.id;
  });
  after(() => app.close());

  const comment = (postId: string, body: string, token = reader) =>
    app.send('POST', `/posts/${postId}/comments`, {body, displayName: 'C'}, {token});

  it('comments on the question and on answers; the thread shows the latest three and the count', async () => {
    for (let i = 1; i <= 5; i++) assert.equal((await comment('q', `Comment ${i}`)).status, 201);
    const created = await comment(answerId, 'On the answer');
    assert.equal(created.status, 201);
    assert.equal(created.body.kind, 'comment');
    assert.equal(created.body.parentId, answerId);
    assert.deepEqual(created.body.author, {displayName: 'C', points: 0, isViewer: true});

    const thread = await app.json('/questions/q');
    assert.equal(thread.body.question.comments.count, 5);
    assert.deepEqual(
      thread.body.question.comments.items.map((c: any) => shownText(c.body)),
      ['Comment 3', 'Comment 4', 'Comment 5'],
    );
    assert.equal(thread.body.answers[0].comments.count, 1);
  });

  it('lists all of a post’s comments, oldest first', async () => {
    const {status, body} = await app.json('/posts/q/comments');
    assert.equal(status, 200);
    assert.deepEqual(
      body.comments.map((c: any) => shownText(c.body)),
      ['Comment 1', 'Comment 2', 'Comment 3', 'Comment 4', 'Comment 5'],
    );
    assert.equal(body.nextCursor, null);
    assert.equal((await app.json('/posts/nope/comments')).status, 404);
    assert.equal((await app.json('/posts/q/comments?cursor=nonsense')).status, 400);
  });

  it('refuses a comment on a comment, and a duplicate on the same post', async () => {
    const {body: list} = await app.json('/posts/q/comments');
    const onComment = await comment(list.comments[0].id, 'A reply to a comment');
    assert.equal(onComment.status, 403);
    assert.equal(onComment.body.error.reason, 'not-commentable');
    const twice = await comment('q', '  comment   1 ', await app.viewer());
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'duplicate');
    assert.equal((await comment(answerId, 'Comment 1')).status, 201);
  });

  it('does not take votes on comments', async () => {
    const {body: list} = await app.json('/posts/q/comments');
    const voted = await app.send(
      'PUT',
      `/posts/${list.comments[0].id}/vote`,
      {value: 1},
      {token: await app.viewer()},
    );
    assert.equal(voted.status, 403);
    assert.equal(voted.body.error.reason, 'not-votable');
  });
});

describe('API: flags and moderation', () => {
  let app: TestApi;
  let author: string;
  let answerId: string;
  const mod = (postId: string, action: string, token = MODERATOR) =>
    app.json(`/moderation/posts/${postId}`, {
      method: 'POST',
      headers: {'content-type': 'application/json', authorization: `Bearer ${token}`},
      body: JSON.stringify({action}),
    });
  const queue = (status: string) =>
    app.json(`/moderation/posts?status=${status}`, {headers: moderator});
  const flag = (token: string, body: unknown = {reason: 'spam'}, postId = answerId) =>
    app.send('POST', `/posts/${postId}/flags`, body, {token});

  before(async () => {
    app = await makeApi({flagThreshold: 3});
    await app.question('q');
    author = await app.viewer();
    answerId = (
      await app.send(
        'POST',
        '/questions/q/answers',
        {body: answerText('flagged'), displayName: 'Spammer'},
        {token: author},
      )
    ).body.id;
  });
  after(() => app.close());

  it('takes one flag per viewer, however often sent, and none on your own post', async () => {
    const reader = await app.viewer();
    assert.deepEqual((await flag(reader, {reason: 'other', note: 'Off topic'})).body, {
      flagged: true,
    });
    assert.equal((await flag(reader)).status, 201);
    const {body} = await queue('flagged');
    assert.equal(body.posts.length, 1);
    assert.deepEqual(
      body.posts[0].flags.map((f: any) => [f.reason, f.note]),
      [['other', 'Off topic']],
    );
    assert.equal(body.posts[0].status, 'published');
    const own = await flag(author);
    assert.equal(own.status, 403);
    assert.equal(own.body.error.reason, 'own-post');
  });

  it('hides a post at the threshold: gone for others, marked hidden for its author', async () => {
    await flag(await app.viewer(), {reason: 'abusive'});
    assert.equal((await app.json('/questions/q')).body.answers.length, 1); // two flags: still shown
    await flag(await app.viewer());
    const others = await app.json('/questions/q');
    assert.equal(others.body.answers.length, 0);
    assert.equal(others.body.question.answerCount, 0);
    const mine = await app.json('/questions/q', {headers: bearer(author)});
    assert.equal(mine.body.answers[0].status, 'hidden');
    assert.deepEqual(mine.body.answers[0].viewerCan.comment, {allowed: false, reason: 'hidden'});
    // Writes to it are refused as if it were not there.
    const voter = await app.viewer();
    assert.equal(
      (await app.send('PUT', `/posts/${answerId}/vote`, {value: 1}, {token: voter})).status,
      404,
    );
    assert.equal((await flag(voter)).status, 404);
    const {body} = await queue('hidden');
    assert.deepEqual(
      body.posts.map((p: any) => [p.id, p.status, p.flags.length]),
      [[answerId, 'hidden', 3]],
    );
  });

  it('lets a moderator restore it, which clears its flags', async () => {
    const restored = await mod(answerId, 'restore');
    assert.equal(restored.status, 200);
    assert.equal(restored.body.status, 'published');
    assert.deepEqual(restored.body.flags, []);
    assert.equal((await app.json('/questions/q')).body.answers.length, 1);
    assert.deepEqual((await queue('flagged')).body.posts, []);
    assert.deepEqual((await queue('hidden')).body.posts, []);
    // Flags counted before the restore count no more: one new flag does not hide it again.
    await flag(await app.viewer());
    assert.equal((await app.json('/questions/q')).body.answers.length, 1);
  });

  it('lets a moderator hide a post and approve it again', async () => {
    assert.equal((await mod(answerId, 'hide')).body.status, 'hidden');
    assert.equal((await app.json('/questions/q')).body.answers.length, 0);
    assert.equal((await mod(answerId, 'approve')).body.status, 'published');
    assert.equal((await app.json('/questions/q')).body.question.answerCount, 1);
  });

  it('needs the moderator token, and is off without one', async () => {
    assert.equal((await mod(answerId, 'hide', 'wrong')).status, 401);
    assert.equal((await app.json('/moderation/posts')).status, 401);
    assert.equal((await mod('nothing-here', 'hide')).status, 404);
    assert.equal((await mod(answerId, 'delete')).status, 400);
    assert.equal((await queue('everything')).status, 400);
    const off = await makeApi({moderatorToken: null});
    const {status, body} = await off.json('/moderation/posts', {headers: moderator});
    assert.equal(status, 403);
    assert.match(body.error.message, /QUANDA_MODERATOR_TOKEN/);
    await off.close();
  });
});

describe('API: pre-moderation', () => {
  let app: TestApi;
  before(async () => {
    app = await makeApi({premoderate: true});
    await app.question('q');
  });
  after(() => app.close());

  it('holds new posts as pending, shown only to their author, until approved', async () => {
    const author = await app.viewer();
    const answer = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText(1)},
      {
        token: author,
      },
    );
    assert.equal(answer.body.status, 'pending');
    const comment = await app.send(
      'POST',
      '/posts/q/comments',
      {body: 'Pending too'},
      {
        token: author,
      },
    );
    assert.equal(comment.body.status, 'pending');
    assert.equal((await app.json('/questions/q')).body.answers.length, 0);
    const mine = await app.json('/questions/q', {headers: bearer(author)});
    assert.equal(mine.body.answers[0].status, 'pending');
    assert.equal(mine.body.question.comments.items[0].status, 'pending');

    const pending = await app.json('/moderation/posts?status=pending', {headers: moderator});
    assert.deepEqual(pending.body.posts.map((p: any) => p.kind).sort(), ['answer', 'comment']);
    for (const post of pending.body.posts) {
      await app.json(`/moderation/posts/${post.id}`, {
        method: 'POST',
        headers: {...moderator, 'content-type': 'application/json'},
        body: JSON.stringify({action: 'approve'}),
      });
    }
    const thread = await app.json('/questions/q');
    assert.equal(thread.body.answers[0].status, 'published');
    assert.equal(thread.body.question.answerCount, 1);
    assert.equal(thread.body.question.comments.count, 1);
  });
});

describe('API: editing and removing your own posts', () => {
  let app: TestApi;
  let author: string;
  let other: string;
  let answerId: string;
  let commentId: string;
  before(async () => {
    app = await makeApi();
    await app.question('q');
    author = await app.viewer();
    other = await app.viewer();
    answerId = (
      await app.send(
        'POST',
        '/questions/q/answers',
        {body: answerText(1), displayName: 'Edith'},
        {token: author},
      )
    ).body.id;
    commentId = (
      await app.send('POST', `/posts/${answerId}/comments`, {body: 'First!'}, {token: author})
    ).body.id;
    await app.send('POST', '/questions/q/answers', {body: answerText(2)}, {token: other});
  });
  after(() => app.close());

  const edit = (postId: string, body: unknown, token = author) =>
    app.send('PATCH', `/posts/${postId}`, {body}, {token});

  it('lets the author edit, and shows when it was edited', async () => {
    const {status, body} = await edit(answerId, 'A better answer than before.');
    assert.equal(status, 200);
    assert.equal(body.kind, 'answer');
    assert.deepEqual(body.body, {
      format: 'markdown',
      html: '<p>A better answer than before.</p>\n',
      source: 'A better answer than before.',
    });
    assert.equal(body.lastEdit.by.displayName, 'Edith');
    assert.equal(body.lastEdit.by.isViewer, true);
    assert.equal(body.comments.count, 1);
    const comment = await edit(commentId, 'Second thoughts');
    assert.equal(comment.body.kind, 'comment');
    assert.ok(comment.body.lastEdit);
  });

  it('holds an edit to the limits of the post’s kind', async () => {
    const short = await edit(answerId, 'Too short');
    assert.equal(short.status, 400);
    assert.match(short.body.error.fields.body, /12 to 12,000/);
    const long = await edit(commentId, 'x'.repeat(2001));
    assert.equal(long.status, 400);
    assert.ok('body' in long.body.error.fields);
    const same = await edit(answerId, answerText(2).toUpperCase());
    assert.equal(same.status, 409);
    assert.equal(same.body.error.code, 'duplicate');
  });

  it('counts an edit in characters, as a new post is counted', async () => {
    // 2,000 emoji: 4,000 UTF-16 units, 2,000 characters — as long as a comment may be.
    const emoji = await edit(commentId, '🌿'.repeat(2000));
    assert.equal(emoji.status, 200);
    const over = await edit(commentId, '🌿'.repeat(2001));
    assert.equal(over.status, 400);
  });

  it('refuses anyone else with 403 not-author', async () => {
    for (const [method, body] of [
      ['PATCH', {body: 'Someone else’s words here.'}],
      ['DELETE', undefined],
    ] as const) {
      const {status, body: reply} = await app.send(method, `/posts/${answerId}`, body, {
        token: other,
      });
      assert.equal(status, 403);
      assert.equal(reply.error.reason, 'not-author');
    }
  });

  it('removes a post for good, keeping counts right, and says so again if asked twice', async () => {
    const asker = await app.viewer();
    await app.send('PUT', `/posts/${answerId}/vote`, {value: 1}, {token: asker});
    const removed = await app.send('DELETE', `/posts/${answerId}`, undefined, {token: author});
    assert.deepEqual(removed.body, {id: answerId, removed: true});
    const again = await app.send('DELETE', `/posts/${answerId}`, undefined, {token: author});
    assert.deepEqual(again.body, {id: answerId, removed: true});
    const thread = await app.json('/questions/q', {headers: bearer(author)});
    assert.equal(thread.body.question.answerCount, 1);
    assert.ok(!thread.body.answers.some((a: any) => a.id === answerId));
    assert.equal((await edit(answerId, 'Editing a removed answer')).status, 404);
    assert.equal((await app.json(`/posts/${answerId}/comments`)).status, 404);
    const removedByOther = await app.send('DELETE', `/posts/${answerId}`, undefined, {
      token: other,
    });
    assert.equal(removedByOther.status, 404);
  });
});

describe('API: exactly once, by Idempotency-Key', () => {
  let app: TestApi;
  let reader: string;
  before(async () => {
    app = await makeApi();
    await app.question('q');
    reader = await app.viewer();
  });
  after(() => app.close());

  it('replays the first response for a retry with the same key, and writes once', async () => {
    const key = randomUUID();
    const first = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText(1)},
      {
        token: reader,
        key,
      },
    );
    const retry = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText(1)},
      {
        token: reader,
        key,
      },
    );
    assert.equal(retry.status, 201);
    assert.deepEqual(retry.body, first.body);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal((await app.json('/questions/q')).body.question.answerCount, 1);
  });

  it('replays a vote as it was, even after the score moved on', async () => {
    const {body: thread} = await app.json('/questions/q');
    const postId = thread.answers[0].id;
    const voter = await app.viewer();
    const key = randomUUID();
    const vote = (token: string, options = {}) =>
      app.send('PUT', `/posts/${postId}/vote`, {value: 1}, {token, ...options});
    assert.deepEqual((await vote(voter, {key})).body, {score: 1, viewerVote: 1});
    assert.deepEqual((await vote(await app.viewer())).body, {score: 2, viewerVote: 1});
    const retry = await vote(voter, {key});
    assert.deepEqual(retry.body, {score: 1, viewerVote: 1});
    assert.equal((await app.json('/questions/q')).body.answers[0].score, 2);
  });

  it('refuses the same key with a different body: 422 idempotency_key_reused', async () => {
    const key = randomUUID();
    await app.send('POST', '/questions/q/answers', {body: answerText(2)}, {token: reader, key});
    const reused = await app.send(
      'POST',
      '/questions/q/answers',
      {body: answerText(3)},
      {
        token: reader,
        key,
      },
    );
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'idempotency_key_reused');
    const elsewhere = await app.send('PUT', '/posts/q/vote', {value: 1}, {token: reader, key});
    assert.equal(elsewhere.status, 422);
  });

  it('keeps each viewer’s keys apart', async () => {
    const key = randomUUID();
    const one = await app.send(
      'POST',
      '/posts/q/comments',
      {body: 'Same key, viewer one'},
      {
        token: reader,
        key,
      },
    );
    const two = await app.send(
      'POST',
      '/posts/q/comments',
      {body: 'Same key, viewer two'},
      {
        token: await app.viewer(),
        key,
      },
    );
    assert.equal(one.status, 201);
    assert.equal(two.status, 201);
    assert.notEqual(one.body.id, two.body.id);
  });

  it('does not store a failed write: a retry after fixing the cause goes through', async () => {
    const key = randomUUID();
    const missing = await app.send(
      'POST',
      '/questions/later/answers',
      {body: answerText(9)},
      {
        token: reader,
        key,
      },
    );
    assert.equal(missing.status, 404);
    await app.question('later');
    const retry = await app.send(
      'POST',
      '/questions/later/answers',
      {body: answerText(9)},
      {
        token: reader,
        key,
      },
    );
    assert.equal(retry.status, 201);
  });

  it('refuses a key that is not 1 to 255 printable characters', async () => {
    for (const key of ['x'.repeat(256), 'has space']) {
      const {status, body} = await app.send(
        'PUT',
        '/posts/q/vote',
        {value: 1},
        {token: reader, key},
      );
      assert.equal(status, 400);
      assert.ok('Idempotency-Key' in body.error.fields);
    }
  });
});

describe('API: hourly limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanda-limits-'));
  const file = join(dir, 'quanda.db');
  // 10:45 UTC: the hour's counters reset at 11:00, in 900 seconds.
  let now = Date.parse('2026-03-01T10:45:00.000Z');
  const clock = () => new Date(now);
  const rateLimits = {
    ...defaultRateLimits,
    answers: {viewer: 2, ip: 3},
    viewers: {viewer: 1, ip: 6},
  };
  let app: TestApi;
  let twin: TestApi;
  before(async () => {
    app = await makeApi({rateLimits}, clock, file);
    // A second server on the same database, as a second process or a restart would be.
    twin = await makeApi({rateLimits}, clock, file);
    await app.question('q');
  });
  after(async () => {
    await app.close();
    await twin.close();
    rmSync(dir, {recursive: true, force: true});
  });

  const answer = (api: TestApi, token: string, n: number, from = '198.51.100.7') =>
    api.send('POST', '/questions/q/answers', {body: answerText(n)}, {token, from});

  it('refuses the viewer’s next answer past the limit with 429, Retry-After and a message', async () => {
    const reader = await app.viewer();
    assert.equal((await answer(app, reader, 1)).status, 201);
    assert.equal((await answer(twin, reader, 2)).status, 201); // counted in the database
    const refused = await answer(app, reader, 3);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate_limited');
    assert.equal(refused.headers.get('retry-after'), '900');
    assert.match(refused.body.error.message, /limit of 2 answers an hour.*15 minutes/);
    // The thread tells the viewer before they try.
    const thread = await app.json('/questions/q', {headers: bearer(reader)}, '198.51.100.7');
    assert.deepEqual(thread.body.viewer.canAnswer, {allowed: false, reason: 'rate-limited'});
    // Votes have a limit of their own.
    assert.equal((await app.send('PUT', '/posts/q/vote', {value: 1}, {token: reader})).status, 200);
  });

  it('counts every viewer behind one address against the address’s limit', async () => {
    const next = await app.viewer();
    assert.equal((await answer(app, next, 4)).status, 201); // the address's third
    const refused = await answer(twin, await app.viewer(), 5);
    assert.equal(refused.status, 429);
    assert.match(refused.body.error.message, /from one network/);
    assert.equal((await answer(app, await app.viewer(), 6, '203.0.113.9')).status, 201);
  });

  it('keeps addresses only as keyed hashes, and only for the hour that needs them', async () => {
    const rows = await app.db.selectFrom('rate_counters').selectAll().execute();
    assert.ok(rows.some((row) => row.subject.startsWith('ip:')));
    assert.ok(!rows.some((row) => /198\.51|203\.0/.test(row.subject)));
    now += 3_600_000;
    const purged = await app.store.purgeExpired();
    assert.ok(purged.rateCounters >= rows.length - 1);
    assert.deepEqual(await app.db.selectFrom('rate_counters').selectAll().execute(), []);
    assert.equal((await answer(app, await app.viewer(), 7)).status, 201); // a new hour
  });

  it('limits how many viewers one address mints in an hour', async () => {
    const mint = () => app.json('/viewer', {method: 'POST'}, '192.0.2.50');
    for (let i = 0; i < 6; i++) assert.equal((await mint()).status, 201);
    const refused = await mint();
    assert.equal(refused.status, 429);
    assert.match(refused.body.error.message, /new readers/);
  });
});
