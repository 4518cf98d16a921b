import * as z from 'zod/mini';
import * as moderation from '../api/moderation.js';
import * as requests from '../api/requests.js';
import * as api from '../api/schemas.js';

/**
 * The OpenAPI 3.1 document, generated from the contract's zod schemas: never written by
 * hand, so it cannot drift from what the client parses and the server validates. A test
 * checks that it lists every route the app serves and that real responses match it.
 */

type Schema = z.ZodMiniType;

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, relative to the API root (`/questions/{id}`). */
  path: string;
  summary: string;
  /** `reader`: a viewer token if the reader has one; `viewer`: one is required. */
  auth?: 'reader' | 'viewer' | 'admin' | 'moderator';
  /** Takes an `Idempotency-Key` and replays the first response for a retry with it. */
  idempotent?: boolean;
  query?: z.ZodMiniObject;
  body?: Schema;
  responses: Record<number, {description: string; schema?: Schema}>;
}

/** Named schemas: each becomes `#/components/schemas/<name>`. */
const components: Record<string, Schema> = {
  Thread: api.Thread,
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
  ModerationQueue: moderation.ModerationQueue,
  ModeratedPost: moderation.ModeratedPost,
  ModerationAction: moderation.ModerationAction,
  ErrorEnvelope: api.ErrorEnvelope,
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
]);

const error = (description: string) => ({description, schema: api.ErrorEnvelope});

/** The errors every write can answer with, besides its own. */
const writeErrors = {
  400: error('Invalid input (each field named in `fields`), or not JSON'),
  401: error('No viewer token, or one this server does not know: get one with POST /viewer'),
  413: error('The request body is too large'),
  422: error('The Idempotency-Key was already used for a different request'),
};

const limited = {429: error('Over the hourly limit; see Retry-After')};

export const operations: Operation[] = [
  {
    method: 'get',
    path: '/questions/{id}',
    summary:
      'A page of a thread: the question, answers (accepted first), their latest comments, the next cursor',
    auth: 'reader',
    query: requests.ThreadQuery,
    responses: {
      200: {description: 'The thread', schema: api.Thread},
      400: error('Malformed id, sort or cursor'),
      404: error('No such question'),
    },
  },
  {
    method: 'post',
    path: '/questions',
    summary: "Create the question an article asks (the site owner's admin token)",
    auth: 'admin',
    body: requests.NewQuestion,
    responses: {
      201: {description: 'Created, with the asker token', schema: requests.CreatedQuestion},
      400: error('Invalid question'),
      401: error('Missing or wrong admin token'),
      403: error('The admin API is turned off'),
      409: error('The id is taken'),
    },
  },
  {
    method: 'post',
    path: '/viewer',
    summary: 'A new anonymous viewer: send its token as `Authorization: Bearer …` from now on',
    responses: {
      201: {
        description: 'The token (kept only as a hash on the server)',
        schema: api.ViewerSession,
      },
      ...limited,
    },
  },
  {
    method: 'post',
    path: '/questions/{id}/answers',
    summary: 'Answer a question',
    auth: 'viewer',
    idempotent: true,
    body: requests.NewAnswer,
    responses: {
      201: {description: 'The answer, as its author sees it', schema: api.Answer},
      ...writeErrors,
      403: error('The question does not take answers now (`reason`)'),
      404: error('No such question'),
      409: error('The same answer is already there (`duplicate`)'),
      ...limited,
    },
  },
  {
    method: 'get',
    path: '/posts/{id}/comments',
    summary: "A post's comments, oldest first, a page at a time",
    auth: 'reader',
    query: requests.CommentsQuery,
    responses: {
      200: {description: 'A page of comments', schema: api.CommentsPage},
      400: error('Malformed id or cursor'),
      404: error('No such question or answer'),
    },
  },
  {
    method: 'post',
    path: '/posts/{id}/comments',
    summary: 'Comment on the question or an answer',
    auth: 'viewer',
    idempotent: true,
    body: requests.NewComment,
    responses: {
      201: {description: 'The comment, as its author sees it', schema: api.Comment},
      ...writeErrors,
      403: error('The post does not take comments (`reason`)'),
      404: error('No such post'),
      409: error('The same comment is already there (`duplicate`)'),
      ...limited,
    },
  },
  {
    method: 'put',
    path: '/posts/{id}/vote',
    summary: "Set the viewer's vote on the question or an answer: 1, 0 (none) or -1",
    auth: 'viewer',
    idempotent: true,
    body: requests.VoteRequest,
    responses: {
      200: {description: 'The score and the vote as they now are', schema: api.VoteResult},
      ...writeErrors,
      403: error('Not allowed: `own-post`, `hidden`, `pending`, `not-votable`'),
      404: error('No such post'),
      ...limited,
    },
  },
  {
    method: 'put',
    path: '/questions/{id}/accepted-answer',
    summary: 'Choose the best answer (the asker only)',
    auth: 'viewer',
    idempotent: true,
    body: requests.AcceptRequest,
    responses: {
      200: {description: 'The best answer now', schema: api.AcceptResult},
      ...writeErrors,
      403: error('Not the asker (`not-asker`), or the answer is not published'),
      404: error('No such question'),
    },
  },
  {
    method: 'delete',
    path: '/questions/{id}/accepted-answer',
    summary: 'Undo the choice of best answer (the asker only)',
    auth: 'viewer',
    idempotent: true,
    responses: {
      200: {description: 'No best answer now', schema: api.AcceptResult},
      ...writeErrors,
      403: error('Not the asker (`not-asker`)'),
      404: error('No such question'),
    },
  },
  {
    method: 'post',
    path: '/posts/{id}/flags',
    summary: 'Flag a post for the moderators (once per viewer); enough flags hide it',
    auth: 'viewer',
    idempotent: true,
    body: requests.NewFlag,
    responses: {
      201: {description: 'Flagged', schema: api.FlagResult},
      ...writeErrors,
      403: error('Not allowed: `own-post`, `hidden`, `pending`'),
      404: error('No such post'),
      ...limited,
    },
  },
  {
    method: 'patch',
    path: '/posts/{id}',
    summary: 'Edit your own post',
    auth: 'viewer',
    idempotent: true,
    body: requests.PostEdit,
    responses: {
      200: {description: 'The post, as its author sees it', schema: api.Post},
      ...writeErrors,
      403: error('Not the author (`not-author`)'),
      404: error('No such post'),
      409: error('The edit makes it the same as a sibling (`duplicate`)'),
    },
  },
  {
    method: 'delete',
    path: '/posts/{id}',
    summary: 'Remove your own post',
    auth: 'viewer',
    idempotent: true,
    responses: {
      200: {description: 'Removed', schema: api.Removed},
      ...writeErrors,
      403: error('Not the author (`not-author`)'),
      404: error('No such post'),
    },
  },
  {
    method: 'get',
    path: '/moderation/posts',
    summary: 'Posts waiting for a moderator: flagged, pending or hidden (oldest first)',
    auth: 'moderator',
    query: moderation.ModerationQuery,
    responses: {
      200: {description: 'The queue', schema: moderation.ModerationQueue},
      400: error('Unknown status'),
      401: error('Missing or wrong moderator token'),
      403: error('The moderation API is turned off'),
    },
  },
  {
    method: 'post',
    path: '/moderation/posts/{id}',
    summary: 'Hide, restore or approve a post; its flags count no more',
    auth: 'moderator',
    idempotent: true,
    body: moderation.ModerationAction,
    responses: {
      200: {description: 'The post now', schema: moderation.ModeratedPost},
      400: error('Unknown action'),
      401: error('Missing or wrong moderator token'),
      403: error('The moderation API is turned off'),
      404: error('No such post'),
    },
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    responses: {200: {description: 'OpenAPI 3.1'}},
  },
];

export function openApiDocument(serverUrl = '/api') {
  const registry = z.registry<{id: string}>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, {id});
  const uri = (id: string) => `#/components/schemas/${id}`;
  const output = z.toJSONSchema(registry, {uri, target: 'draft-2020-12', io: 'output'});
  // Request bodies are described as the server accepts them (defaults make fields optional).
  const input = z.toJSONSchema(registry, {uri, target: 'draft-2020-12', io: 'input'});
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(output.schemas)) {
    const source = requestSchemas.has(id) ? input.schemas[id]! : schema;
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
      description:
        'The contract between the Quanda widget and a backend. Errors are always ' +
        '`{error: {code, message, fields?, reason?}}`; writes carry an `Idempotency-Key`, ' +
        'and a retry with the same key gets the first response back.',
    },
    servers: [{url: serverUrl}],
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
  const {$schema: _, ...rest} = z.toJSONSchema(schema, {target: 'draft-2020-12', io}) as Record<
    string,
    unknown
  >;
  return rest;
}

function describe(op: Operation) {
  const parameters: unknown[] = [];
  for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
    parameters.push({name, in: 'path', required: true, schema: inline(api.Id)});
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
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? {content: {'application/json': {schema: ref(response.schema)}}} : {}),
    };
  }
  return {
    summary: op.summary,
    ...(op.auth === 'reader' ? {security: [{viewer: []}, {}]} : {}),
    ...(op.auth && op.auth !== 'reader' ? {security: [{[op.auth]: []}]} : {}),
    ...(parameters.length ? {parameters} : {}),
    ...(op.body
      ? {requestBody: {required: true, content: {'application/json': {schema: ref(op.body)}}}}
      : {}),
    responses,
  };
}
