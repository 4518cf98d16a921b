import * as z from 'zod/mini';
import {Settings} from '../api/settings.js';
import * as moderation from '../api/moderation.js';
import * as requests from '../api/requests.js';
import * as api from '../api/schemas.js';
import * as board from '../api/board.js';
import * as examples from './openapi-examples.js';

/**
 * The OpenAPI 3.1 document, generated from the contract's zod schemas: never written by
 * hand, so it cannot drift from what the client parses and the server validates. A test
 * checks that it lists every route the app serves and that real responses match it.
 */

type Schema = z.ZodMiniType;

interface Operation {
  /** The `operationId`: the name of the `QuandaClient` method where there is one. */
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, relative to the API root (`/questions/{id}`). */
  path: string;
  summary: string;
  /** What a backend must do that the schemas cannot say. */
  description?: string;
  /** `reader`: a viewer token if the reader has one; `viewer`: one is required. */
  auth: 'none' | 'reader' | 'viewer' | 'admin' | 'moderator';
  /** Takes an `Idempotency-Key` and replays the first response for a retry with it. */
  idempotent?: boolean;
  query?: z.ZodMiniObject;
  body?: Schema;
  /** An example request body. */
  example?: unknown;
  /** Error responses use `examples.errors[status]` unless they give their own `example`. */
  responses: Record<number, {description: string; schema?: Schema; example?: unknown}>;
}

/** Named schemas: each becomes `#/components/schemas/<name>`. */
const components: Record<string, Schema> = {
  Thread: api.Thread,
  Timestamp: api.Timestamp,
  Question: api.Question,
  Answer: api.Answer,
  Comment: api.Comment,
  CommentList: api.CommentList,
  CommentsPage: api.CommentsPage,
  Post: api.Post,
  Author: api.Author,
  Permission: api.Permission,
  ViewerCan: api.ViewerCan,
  PostBody: api.PostBody,
  NewQuestion: requests.NewQuestion,
  CreatedQuestion: requests.CreatedQuestion,
  ViewerSession: api.ViewerSession,
  NewAnswer: requests.NewAnswer,
  NewComment: requests.NewComment,
  VoteRequest: requests.VoteRequest,
  VoteResult: api.VoteResult,
  AcceptRequest: requests.AcceptRequest,
  AcceptResult: api.AcceptResult,
  NewFlag: requests.NewFlag,
  FlagResult: api.FlagResult,
  PostEdit: requests.PostEdit,
  Removed: api.Removed,
  QuestionSummary: board.QuestionSummary,
  QuestionList: board.QuestionList,
  SimilarQuestions: board.SimilarQuestions,
  AskedQuestion: requests.AskedQuestion,
  ModerationQueue: moderation.ModerationQueue,
  ModeratedPost: moderation.ModeratedPost,
  ModerationAction: moderation.ModerationAction,
  ErrorEnvelope: api.ErrorEnvelope,
  Settings,
};

/** Schemas of request bodies: described as the server accepts them (defaults are optional). */
const requestSchemas = new Set([
  'NewQuestion',
  'NewAnswer',
  'NewComment',
  'VoteRequest',
  'AcceptRequest',
  'NewFlag',
  'PostEdit',
  'ModerationAction',
  'AskedQuestion',
]);

const error = (description: string, example?: api.ErrorEnvelope) => ({
  description,
  schema: api.ErrorEnvelope,
  example,
});

/** The errors every write can answer with, besides its own. */
const writeErrors = {
  400: error('Invalid input (each field named in `fields`), or not JSON'),
  401: error('No viewer token, or one this server does not know: get one with POST /viewer'),
  413: error('The request body is too large'),
  422: error('The Idempotency-Key was already used for a different request'),
  503: error(
    'The database cannot answer now (down, restarting, or every connection busy): nothing was written; retry with the same Idempotency-Key after Retry-After',
  ),
};

const limited = {429: error('Over the hourly limit; see Retry-After')};

const ex = examples.responses;

/** What `GET /health` answers. */
export const Health = z.object({ok: z.boolean()});
const errorExample = (code: string, message: string, reason?: string) => ({
  error: {code, message, ...(reason ? {reason} : {})},
});

const noPost = error('No such post', errorExample('not_found', 'No post "k2m9q4wz7c1e"'));

const moderatorErrors = {
  401: error(
    'Missing or wrong moderator token',
    errorExample('unauthorized', 'This needs the moderator token'),
  ),
  403: error(
    'The moderation API is turned off',
    errorExample('forbidden', 'The moderator API is off: set QUANDA_MODERATOR_TOKEN to use it'),
  ),
};

export const operations: Operation[] = [
  {
    id: 'getThread',
    method: 'get',
    path: '/questions/{id}',
    summary:
      'A page of a thread: the question, answers (accepted first), their latest comments, the next cursor',
    description: [
      'Rules the widget relies on that the schema cannot say:',
      '',
      '- `question.id` is the id asked for, exactly: a backend that normalizes ids must answer with the id in the path. The widget treats any other id as an error.',
      '- The accepted answer, if there is one, comes first on the first page (whatever the sort) and on no other page.',
      '- The other answers follow in the order of `sort`: `votes` (highest score first), `oldest` or `newest` (by `createdAt`).',
      '- `nextCursor` is opaque to the widget and stable: the same cursor with the same sort gives the next page, and walking the cursors lists every visible answer exactly once. It is null on the last page.',
      '- Hidden and pending posts are listed only to their author (with their `status`), never to other readers.',
      '- Each post carries its latest comments (at most 3, oldest first) and the count of all of them; `GET /posts/{id}/comments` pages through the rest.',
      '- `viewerCan` says what the server will allow this viewer now: a write it says is allowed must not be refused for the same reason.',
    ].join('\n'),
    auth: 'reader',
    query: requests.ThreadQuery,
    responses: {
      200: {description: 'The thread', schema: api.Thread, example: ex.thread},
      400: error(
        'Malformed id, sort or cursor',
        errorExample('validation', 'Invalid query: check sort'),
      ),
      404: error('No such question'),
    },
  },
  {
    id: 'createQuestion',
    method: 'post',
    path: '/questions',
    summary: "Create the question an article asks (the site owner's admin token)",
    auth: 'admin',
    body: requests.NewQuestion,
    example: examples.requests.newQuestion,
    responses: {
      201: {
        description: 'Created, with the asker token',
        schema: requests.CreatedQuestion,
        example: ex.createdQuestion,
      },
      400: error('Invalid question', errorExample('validation', 'Invalid question: check title')),
      401: error(
        'Missing or wrong admin token',
        errorExample('unauthorized', 'This needs the admin token'),
      ),
      403: error(
        'The admin API is turned off',
        errorExample('forbidden', 'The admin API is off: set QUANDA_ADMIN_TOKEN to use it'),
      ),
      409: error(
        'The id is taken',
        errorExample('conflict', `Question "${examples.QUESTION_ID}" exists`),
      ),
    },
  },
  {
    id: 'getSettings',
    method: 'get',
    path: '/settings',
    summary: 'What this backend offers beyond the core contract',
    description:
      'Optional. `notifications`: the backend sends notification mail, so the forms offer it. A backend without this route, or one that says false, gets no email field in the forms.',
    auth: 'none',
    responses: {
      200: {description: 'The settings', schema: Settings, example: {notifications: true}},
      404: error(
        'This backend has no settings: the widget offers no mail',
        errorExample('not_found', 'No such API route'),
      ),
    },
  },
  {
    id: 'createViewer',
    method: 'post',
    path: '/viewer',
    summary: 'A new anonymous viewer: send its token as `Authorization: Bearer …` from now on',
    auth: 'none',
    responses: {
      201: {
        description: 'The token (kept only as a hash on the server)',
        schema: api.ViewerSession,
        example: ex.viewerSession,
      },
      ...limited,
    },
  },
  {
    id: 'postAnswer',
    method: 'post',
    path: '/questions/{id}/answers',
    summary: 'Answer a question',
    description:
      'The email is checked when `notify` is true, kept only when the backend sends mail (`GET /settings`), and never appears in any response. `page` (the article page) and `locale` are for the links and the language of the mails.',
    auth: 'viewer',
    idempotent: true,
    body: requests.NewAnswer,
    example: examples.requests.newAnswer,
    responses: {
      201: {
        description: 'The answer, as its author sees it',
        schema: api.Answer,
        example: ex.answer,
      },
      ...writeErrors,
      403: error(
        'The question does not take answers now (`reason`)',
        errorExample('forbidden', 'This post is hidden until a moderator looks at it', 'hidden'),
      ),
      404: error('No such question'),
      409: error('The same answer is already there (`duplicate`)'),
      ...limited,
    },
  },
  {
    id: 'getComments',
    method: 'get',
    path: '/posts/{id}/comments',
    summary: "A post's comments, oldest first, a page at a time",
    description:
      'Every comment appears exactly once over the pages; `nextCursor` is opaque and stable, null on the last page. Hidden and pending comments are listed only to their author.',
    auth: 'reader',
    query: requests.CommentsQuery,
    responses: {
      200: {description: 'A page of comments', schema: api.CommentsPage, example: ex.commentsPage},
      400: error(
        'Malformed id or cursor',
        errorExample('validation', 'Invalid query: check cursor'),
      ),
      404: error('No such question or answer', errorExample('not_found', 'No post "k2m9q4wz7c1e"')),
    },
  },
  {
    id: 'postComment',
    method: 'post',
    path: '/posts/{id}/comments',
    summary: 'Comment on the question or an answer',
    auth: 'viewer',
    idempotent: true,
    body: requests.NewComment,
    example: examples.requests.newComment,
    responses: {
      201: {
        description: 'The comment, as its author sees it',
        schema: api.Comment,
        example: ex.comment,
      },
      ...writeErrors,
      403: error(
        'The post does not take comments (`reason`)',
        errorExample('forbidden', 'Comments cannot be commented on', 'not-commentable'),
      ),
      404: noPost,
      409: error(
        'The same comment is already there (`duplicate`)',
        errorExample('duplicate', 'The same comment is already here'),
      ),
      ...limited,
    },
  },
  {
    id: 'vote',
    method: 'put',
    path: '/posts/{id}/vote',
    summary: "Set the viewer's vote on the question or an answer: 1, 0 (none) or -1",
    description:
      'Setting is idempotent: the same value twice leaves the score as the first time left it.',
    auth: 'viewer',
    idempotent: true,
    body: requests.VoteRequest,
    example: examples.requests.vote,
    responses: {
      200: {
        description: 'The score and the vote as they now are',
        schema: api.VoteResult,
        example: ex.voteResult,
      },
      ...writeErrors,
      403: error('Not allowed: `own-post`, `hidden`, `pending`, `not-votable`'),
      404: noPost,
      ...limited,
    },
  },
  {
    id: 'setAcceptedAnswer',
    method: 'put',
    path: '/questions/{id}/accepted-answer',
    summary: 'Choose the best answer (the asker only)',
    description: 'From then on the thread lists that answer first, with `isAccepted: true`.',
    auth: 'viewer',
    idempotent: true,
    body: requests.AcceptRequest,
    example: examples.requests.accept,
    responses: {
      200: {description: 'The best answer now', schema: api.AcceptResult, example: ex.acceptResult},
      ...writeErrors,
      403: error(
        'Not the asker (`not-asker`), or the answer is not published',
        errorExample(
          'forbidden',
          'Only the person who asked the question can choose the best answer',
          'not-asker',
        ),
      ),
      404: error('No such question'),
    },
  },
  {
    id: 'clearAcceptedAnswer',
    method: 'delete',
    path: '/questions/{id}/accepted-answer',
    summary: 'Undo the choice of best answer (the asker only)',
    auth: 'viewer',
    idempotent: true,
    responses: {
      200: {description: 'No best answer now', schema: api.AcceptResult, example: ex.noAccepted},
      ...writeErrors,
      403: error(
        'Not the asker (`not-asker`)',
        errorExample(
          'forbidden',
          'Only the person who asked the question can choose the best answer',
          'not-asker',
        ),
      ),
      404: error('No such question'),
    },
  },
  {
    id: 'flag',
    method: 'post',
    path: '/posts/{id}/flags',
    summary: 'Flag a post for the moderators (once per viewer); enough flags hide it',
    auth: 'viewer',
    idempotent: true,
    body: requests.NewFlag,
    example: examples.requests.flag,
    responses: {
      201: {description: 'Flagged', schema: api.FlagResult, example: ex.flagResult},
      ...writeErrors,
      403: error(
        'Not allowed: `own-post`, `hidden`, `pending`',
        errorExample('forbidden', 'You cannot flag your own post', 'own-post'),
      ),
      404: noPost,
      ...limited,
    },
  },
  {
    id: 'editPost',
    method: 'patch',
    path: '/posts/{id}',
    summary: 'Edit your own post',
    auth: 'viewer',
    idempotent: true,
    body: requests.PostEdit,
    example: examples.requests.edit,
    responses: {
      200: {
        description: 'The post, as its author sees it',
        schema: api.Post,
        example: ex.editedPost,
      },
      ...writeErrors,
      403: error(
        'Not the author (`not-author`)',
        errorExample('forbidden', 'Only the author of a post can edit or remove it', 'not-author'),
      ),
      404: noPost,
      409: error('The edit makes it the same as a sibling (`duplicate`)'),
    },
  },
  {
    id: 'removePost',
    method: 'delete',
    path: '/posts/{id}',
    summary: 'Remove your own post',
    auth: 'viewer',
    idempotent: true,
    responses: {
      200: {description: 'Removed', schema: api.Removed, example: ex.removed},
      ...writeErrors,
      403: error(
        'Not the author (`not-author`)',
        errorExample('forbidden', 'Only the author of a post can edit or remove it', 'not-author'),
      ),
      404: noPost,
    },
  },
  {
    id: 'getTopicQuestions',
    method: 'get',
    path: '/topics/questions',
    summary: "A board: a topic's questions, sorted and paged, or those that match `q`",
    description: [
      'Optional: a backend without boards answers 404, and `<quanda-board>` says so.',
      '',
      "- The topic is scoped by the page's origin, taken from the `Origin` header (the server's own origin without one), never from the query: two sites never share a board.",
      '- A topic no one has asked on yet is an empty list (200), not an error; so is a `q` too short to search (under 3 characters).',
      "- The first page leads with the viewer's own questions (pending and hidden ones included, with their `status`), then the others in the order of `sort`: `activity` (the latest answer, or when asked), `newest`, `votes`, `unanswered`.",
      '- `nextCursor` is opaque and stable, null on the last page; search results come in one page.',
      '- `canAsk` says whether `POST /topics/questions` will take a question from this viewer here now, and when not, why (`no-asking`, `origin`, `closed`, `rate-limited`).',
    ].join('\n'),
    auth: 'reader',
    query: board.BoardQuery,
    responses: {
      200: {
        description: "The topic's questions",
        schema: board.QuestionList,
        example: ex.questionList,
      },
      400: error(
        'Malformed topic, sort or cursor',
        errorExample('validation', 'Invalid query: check topic'),
      ),
    },
  },
  {
    id: 'getSimilarQuestions',
    method: 'get',
    path: '/topics/similar',
    summary: "Questions like a title being typed: this topic's first, then the site's",
    auth: 'reader',
    query: board.SimilarQuery,
    responses: {
      200: {
        description: 'At most five questions',
        schema: board.SimilarQuestions,
        example: ex.similarQuestions,
      },
      400: error('Malformed topic', errorExample('validation', 'Invalid query: check topic')),
    },
  },
  {
    id: 'askQuestion',
    method: 'post',
    path: '/topics/questions',
    summary: 'Ask a question on a topic; the first question makes the topic',
    description:
      'A topic is made only for pages whose origin the server lets embed (QUANDA_ALLOWED_ORIGINS, localhost, its own). Limited to 10 questions an hour per viewer and 20 per address by default. Under premoderation the question is `pending`, seen only by its author.',
    auth: 'viewer',
    idempotent: true,
    body: requests.AskedQuestion,
    example: examples.requests.askedQuestion,
    responses: {
      201: {
        description: 'The question, as its author sees it',
        schema: api.Question,
        example: ex.askedQuestion,
      },
      ...writeErrors,
      403: error(
        'Nobody may ask here (`no-asking`, `origin`, `closed`)',
        errorExample('forbidden', 'This topic is closed to new questions', 'closed'),
      ),
      409: error(
        'The viewer asked this question here already',
        errorExample('duplicate', 'You asked this question here already'),
      ),
      ...limited,
    },
  },
  {
    id: 'getModerationQueue',
    method: 'get',
    path: '/moderation/posts',
    summary: 'Posts waiting for a moderator: flagged, pending or hidden (oldest first)',
    auth: 'moderator',
    query: moderation.ModerationQuery,
    responses: {
      200: {
        description: 'The queue',
        schema: moderation.ModerationQueue,
        example: ex.moderationQueue,
      },
      400: error('Unknown status', errorExample('validation', 'Invalid query: check status')),
      ...moderatorErrors,
    },
  },
  {
    id: 'moderatePost',
    method: 'post',
    path: '/moderation/posts/{id}',
    summary: 'Hide, restore or approve a post; its flags count no more',
    auth: 'moderator',
    idempotent: true,
    body: moderation.ModerationAction,
    example: examples.requests.moderation,
    responses: {
      200: {
        description: 'The post now',
        schema: moderation.ModeratedPost,
        example: ex.moderatedPost,
      },
      400: error('Unknown action', errorExample('validation', 'Invalid action: check action')),
      ...moderatorErrors,
      404: noPost,
    },
  },
  {
    id: 'getHealth',
    method: 'get',
    path: '/health',
    summary: 'Whether this server can reach its database: for load balancers and monitoring',
    description:
      'Optional for a backend. The widget never asks for it; a reverse proxy in front of several instances routes around one that answers 503.',
    auth: 'none',
    responses: {
      200: {description: 'The database answers', schema: Health, example: {ok: true}},
      404: error(
        'This backend has no health check',
        errorExample('not_found', 'No such API route'),
      ),
      503: {description: 'The database does not answer', schema: Health, example: {ok: false}},
    },
  },
  {
    id: 'getOpenApiDocument',
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    description: 'Optional: a backend may publish its document here. The widget never asks for it.',
    auth: 'none',
    responses: {
      200: {description: 'OpenAPI 3.1'},
      404: error(
        'This backend does not publish its document',
        errorExample('not_found', 'No such API route'),
      ),
    },
  },
];

/**
 * What JSON Schema can say beyond the zod checks: a timestamp is an RFC 3339 `date-time`
 * (the pattern is the calendar-exact one the widget parses with), with an example.
 */
const override: JsonSchemaOptions['override'] = ({zodSchema, jsonSchema}) => {
  if (zodSchema === api.Timestamp) {
    Object.assign(jsonSchema, {
      format: 'date-time',
      description:
        'RFC 3339 date and time with seconds and an offset (`Z` for UTC); the pattern admits only real calendar dates.',
      examples: ['2026-12-03T23:20:02.463Z'],
    });
  }
};

type JsonSchemaOptions = NonNullable<Parameters<typeof z.toJSONSchema>[1]>;

/** The document, for an API served at `serverUrl` (a trailing slash is dropped). */
export function openApiDocument(serverUrl = '/api') {
  const registry = z.registry<{id: string}>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, {id});
  const uri = (id: string) => `#/components/schemas/${id}`;
  const options = {uri, target: 'draft-2020-12', override} as const;
  const output = z.toJSONSchema(registry, {...options, io: 'output'});
  // Request bodies are described as the server accepts them (defaults make fields optional).
  const input = z.toJSONSchema(registry, {...options, io: 'input'});
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(output.schemas)) {
    const source = requestSchemas.has(id) ? input.schemas[id] : schema;
    const {$schema: _, $id: __, ...rest} = source as Record<string, unknown>;
    schemas[id] = rest;
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    (paths[op.path] ??= {})[op.method] = describe(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quanda API',
      version: '1',
      license: {name: 'MIT', identifier: 'MIT'},
      description:
        'The contract between the Quanda widget and a backend. Errors are always ' +
        '`{error: {code, message, fields?, reason?}}`; writes carry an `Idempotency-Key`, ' +
        'and a retry with the same key gets the first response back. Any route may answer 503 ' +
        '(`unavailable`, with `Retry-After`) while the database cannot answer: nothing was written.',
    },
    servers: [{url: serverUrl.replace(/(.)\/+$/, '$1')}],
    components: {
      schemas,
      securitySchemes: {
        viewer: {type: 'http', scheme: 'bearer', description: 'Anonymous viewer token'},
        admin: {type: 'http', scheme: 'bearer', description: "The site owner's admin token"},
        moderator: {type: 'http', scheme: 'bearer', description: 'The moderator token'},
      },
    },
    paths,
  };
}

function ref(schema: Schema): unknown {
  const name = Object.entries(components).find(([, candidate]) => candidate === schema)?.[0];
  return name ? {$ref: `#/components/schemas/${name}`} : inline(schema);
}

function inline(schema: Schema, io: 'input' | 'output' = 'output') {
  const json = z.toJSONSchema(schema, {target: 'draft-2020-12', io, override});
  const {$schema: _, ...rest} = json as Record<string, unknown>;
  return rest;
}

function describe(op: Operation) {
  const parameters: unknown[] = [];
  for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
    const example = op.path.startsWith('/questions') ? examples.QUESTION_ID : examples.ANSWER_ID;
    parameters.push({name, in: 'path', required: true, schema: inline(api.Id), example});
  }
  for (const [name, schema] of Object.entries(op.query?.def.shape ?? {})) {
    const json = inline(schema as Schema, 'input');
    parameters.push({name, in: 'query', required: false, schema: json});
  }
  if (op.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'A new key (a UUID) per write, the same on each retry of it: the first response is replayed',
      schema: {type: 'string', minLength: 1, maxLength: 255},
      example: '5f0c3a52-8d1e-4b7a-9c1f-2e6d4b8a7c90',
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    const example =
      response.example ??
      (response.schema === api.ErrorEnvelope ? examples.errors[+status] : undefined);
    responses[status] = {
      description: response.description,
      ...(response.schema ? {content: {'application/json': media(response.schema, example)}} : {}),
    };
  }
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? {description: op.description} : {}),
    security: security[op.auth],
    ...(parameters.length ? {parameters} : {}),
    ...(op.body
      ? {requestBody: {required: true, content: {'application/json': media(op.body, op.example)}}}
      : {}),
    responses,
  };
}

const security: Record<Operation['auth'], unknown[]> = {
  none: [],
  // A reader's token is optional: with it, the thread says what this viewer may do.
  reader: [{viewer: []}, {}],
  viewer: [{viewer: []}],
  admin: [{admin: []}],
  moderator: [{moderator: []}],
};

function media(schema: Schema, example: unknown) {
  return {schema: ref(schema), ...(example === undefined ? {} : {example})};
}
