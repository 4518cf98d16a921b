import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {answerText, makeApi, moderator} from './helpers.js';
import type {Reply, TestApi} from './helpers.js';

/**
 * Every field's bad values get a 4xx in the envelope, naming the field, and never a stack
 * trace or the value itself echoed back.
 */
describe('API: bad input', () => {
  let app: TestApi;
  let reader: string;
  let answerId: string;
  before(async () => {
    app = await makeApi();
    await app.question('q');
    reader = await app.viewer();
    const author = await app.viewer();
    answerId = (
      await app.send('POST', '/questions/q/answers', {body: answerText(0)}, {token: author})
    ).body.id;
  });
  after(() => app.close());

  const long = (n: number) => 'x'.repeat(n);
  const email = (local: string) => `${local}@example.org`;

  /** [what, method, path (`:answer` is the answer made above), body, status, field or code] */
  type Case = [string, string, string, unknown, number, string];
  const answers = `/questions/q/answers`;
  const comments = `/posts/:answer/comments`;
  const vote = `/posts/:answer/vote`;
  const flags = `/posts/:answer/flags`;
  const edit = `/posts/:answer`;
  const cases: Case[] = [
    ['empty answer', 'POST', answers, {body: ''}, 400, 'body'],
    ['whitespace-only answer', 'POST', answers, {body: ' \n\t  '}, 400, 'body'],
    ['answer one short of 12', 'POST', answers, {body: 'eleven char'}, 400, 'body'],
    ['answer over 12,000', 'POST', answers, {body: long(12_001)}, 400, 'body'],
    ['answer of the wrong type', 'POST', answers, {body: 12345678901234}, 400, 'body'],
    ['answer without a body', 'POST', answers, {displayName: 'Kim'}, 400, 'body'],
    ['answer that is not an object', 'POST', answers, ['an', 'array'], 400, 'answer'],
    [
      'name over 40',
      'POST',
      answers,
      {body: answerText(1), displayName: long(41)},
      400,
      'displayName',
    ],
    [
      'name of the wrong type',
      'POST',
      answers,
      {body: answerText(1), displayName: 7},
      400,
      'displayName',
    ],
    [
      'notify of the wrong type',
      'POST',
      answers,
      {body: answerText(1), notify: 'yes'},
      400,
      'notify',
    ],
    ['notify without an email', 'POST', answers, {body: answerText(1), notify: true}, 400, 'email'],
    [
      'notify with an invalid email',
      'POST',
      answers,
      {body: answerText(1), notify: true, email: 'kim.at.example.org'},
      400,
      'email',
    ],
    [
      'notify with a blank email',
      'POST',
      answers,
      {body: answerText(1), notify: true, email: '   '},
      400,
      'email',
    ],
    [
      'notify with an email over 254',
      'POST',
      answers,
      {body: answerText(1), notify: true, email: email(long(250))},
      400,
      'email',
    ],
    [
      'answer to a malformed question id',
      'POST',
      '/questions/not%20an%20id/answers',
      {body: answerText(1)},
      400,
      'question id',
    ],
    [
      'answer to no question',
      'POST',
      '/questions/nowhere/answers',
      {body: answerText(1)},
      404,
      'not_found',
    ],

    ['empty comment', 'POST', comments, {body: ''}, 400, 'body'],
    ['whitespace-only comment', 'POST', comments, {body: '   '}, 400, 'body'],
    ['comment one short of 2', 'POST', comments, {body: 'k'}, 400, 'body'],
    ['comment over 2,000', 'POST', comments, {body: long(2001)}, 400, 'body'],
    ['comment of the wrong type', 'POST', comments, {body: {text: 'hi'}}, 400, 'body'],
    [
      'comment with an invalid email',
      'POST',
      comments,
      {body: 'Fine comment', notify: true, email: 'nope@'},
      400,
      'email',
    ],
    [
      'comment on no post',
      'POST',
      '/posts/nowhere/comments',
      {body: 'Fine comment'},
      404,
      'not_found',
    ],

    ['vote of 2', 'PUT', vote, {value: 2}, 400, 'value'],
    ['vote of -2', 'PUT', vote, {value: -2}, 400, 'value'],
    ['vote of 0.5', 'PUT', vote, {value: 0.5}, 400, 'value'],
    ['vote as a string', 'PUT', vote, {value: '1'}, 400, 'value'],
    ['vote without a value', 'PUT', vote, {}, 400, 'value'],
    ['vote on no post', 'PUT', '/posts/nowhere/vote', {value: 1}, 404, 'not_found'],

    ['best answer without an id', 'PUT', '/questions/q/accepted-answer', {}, 400, 'answerId'],
    [
      'best answer with an empty id',
      'PUT',
      '/questions/q/accepted-answer',
      {answerId: ''},
      400,
      'answerId',
    ],
    [
      'best answer with a malformed id',
      'PUT',
      '/questions/q/accepted-answer',
      {answerId: 'a b'},
      400,
      'answerId',
    ],
    [
      'best answer of the wrong type',
      'PUT',
      '/questions/q/accepted-answer',
      {answerId: 42},
      400,
      'answerId',
    ],
    [
      'best answer on no question',
      'PUT',
      '/questions/nowhere/accepted-answer',
      {answerId: 'some-answer'},
      404,
      'not_found',
    ],

    ['flag with an unknown reason', 'POST', flags, {reason: 'rude'}, 400, 'reason'],
    ['flag without a reason', 'POST', flags, {}, 400, 'reason'],
    ['flag "other" without a note', 'POST', flags, {reason: 'other'}, 400, 'note'],
    ['flag "other" with a blank note', 'POST', flags, {reason: 'other', note: '  '}, 400, 'note'],
    ['flag note over 500', 'POST', flags, {reason: 'spam', note: long(501)}, 400, 'note'],
    ['flag on no post', 'POST', '/posts/nowhere/flags', {reason: 'spam'}, 404, 'not_found'],

    ['empty edit', 'PATCH', edit, {body: ''}, 400, 'body'],
    ['whitespace-only edit', 'PATCH', edit, {body: '    '}, 400, 'body'],
    ['edit over 12,000', 'PATCH', edit, {body: long(12_001)}, 400, 'body'],
    ['edit of the wrong type', 'PATCH', edit, {body: true}, 400, 'body'],
    ['edit of no post', 'PATCH', '/posts/nowhere', {body: answerText(1)}, 404, 'not_found'],
    ['removal of no post', 'DELETE', '/posts/nowhere', undefined, 404, 'not_found'],
  ];

  it('has a case for every field of every write', () => {
    const fields = new Set(cases.map((c) => c[5]));
    for (const field of [
      'body',
      'displayName',
      'notify',
      'email',
      'value',
      'answerId',
      'reason',
      'note',
    ]) {
      assert.ok(fields.has(field), field);
    }
  });

  for (const [what, method, path, body, status, field] of cases) {
    it(`answers ${status} to a ${what}`, async () => {
      const reply = await app.send(method, path.replace(':answer', answerId), body, {
        token: reader,
      });
      expectEnvelope(reply, status, field);
    });
  }

  it('answers 400 to malformed JSON and to a body that is not JSON', async () => {
    const headers = {authorization: `Bearer ${reader}`, 'content-type': 'application/json'};
    const broken = await app.json('/questions/q/answers', {
      method: 'POST',
      headers,
      body: '{"body": "An answer that never ends',
    });
    expectEnvelope(broken, 400, 'bad_request');
    assert.match(broken.body.error.message, /not valid JSON/);
    const text = await app.json('/questions/q/answers', {
      method: 'POST',
      headers: {...headers, 'content-type': 'text/plain'},
      body: answerText(1),
    });
    expectEnvelope(text, 400, 'bad_request');
  });

  it('answers 413 to a 1 MB body, on every write', async () => {
    for (const [method, path] of [
      ['POST', '/questions/q/answers'],
      ['POST', comments],
      ['PATCH', edit],
      ['POST', flags],
    ]) {
      const reply = await app.send(
        method,
        path.replace(':answer', answerId),
        {body: long(1_000_000)},
        {
          token: reader,
        },
      );
      expectEnvelope(reply, 413, 'payload_too_large');
    }
  });

  it('accepts the edges: 12 and 12,000 characters, a 40-character name, notify without email off', async () => {
    for (const body of ['twelve chars', `${long(11_999)}y`]) {
      const reply = await app.send(
        'POST',
        '/questions/q/answers',
        {body, displayName: long(40), notify: false, email: 'not checked when notify is off'},
        {token: reader},
      );
      assert.equal(reply.status, 201, JSON.stringify(reply.body).slice(0, 200));
      assert.equal(reply.body.author.displayName, long(40));
    }
  });

  it('names the bad moderation action and status', async () => {
    const action = await app.json(`/moderation/posts/${answerId}`, {
      method: 'POST',
      headers: {...moderator, 'content-type': 'application/json'},
      body: JSON.stringify({action: 'delete'}),
    });
    expectEnvelope(action, 400, 'action');
    const status = await app.json('/moderation/posts?status=all', {headers: moderator});
    expectEnvelope(status, 400, 'status');
  });
});

/** A 4xx envelope that names `field` (or has `field` as its code), with a readable message. */
function expectEnvelope(reply: Reply, status: number, field: string) {
  const text = JSON.stringify(reply.body);
  assert.equal(reply.status, status, text);
  assert.equal(typeof reply.body.error.message, 'string');
  assert.ok(reply.body.error.message.length > 0);
  assert.doesNotMatch(text, /at .+\.ts:\d+/); // never a stack trace
  if (reply.body.error.code === 'validation') {
    assert.ok(field in reply.body.error.fields, `${field} not named in ${text}`);
    // zod's English messages, not its bare "Invalid input".
    assert.doesNotMatch(reply.body.error.fields[field], /^Invalid input$/);
  } else {
    assert.equal(reply.body.error.code, field, text);
  }
}
