import * as z from 'zod/mini';
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
  auth?: 'viewer' | 'admin';
  query?: z.ZodMiniObject;
  body?: Schema;
  responses: Record<number, {description: string; schema?: Schema}>;
}

/** Named schemas: each becomes `#/components/schemas/<name>`. */
const components: Record<string, Schema> = {
  Thread: api.Thread,
  Question: api.Question,
  Answer: api.Answer,
  Author: api.Author,
  Permission: api.Permission,
  ViewerCan: api.ViewerCan,
  PostBody: api.PostBody,
  NewQuestion: requests.NewQuestion,
  CreatedQuestion: api.CreatedQuestion,
  ErrorEnvelope: api.ErrorEnvelope,
};

const error = (description: string) => ({description, schema: api.ErrorEnvelope});

export const operations: Operation[] = [
  {
    method: 'get',
    path: '/questions/{id}',
    summary: 'A page of a thread: the question, answers (accepted first), and the next cursor',
    auth: 'viewer',
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
      201: {description: 'Created, with the asker token', schema: api.CreatedQuestion},
      400: error('Invalid question'),
      401: error('Missing or wrong admin token'),
      403: error('The admin API is turned off'),
      409: error('The id is taken'),
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
        '`{error: {code, message, fields?}}`; writes carry an `Idempotency-Key`.',
    },
    servers: [{url: serverUrl}],
    components: {
      schemas,
      securitySchemes: {
        viewer: {type: 'http', scheme: 'bearer', description: 'Anonymous viewer token'},
        admin: {type: 'http', scheme: 'bearer', description: "The site owner's admin token"},
      },
    },
    paths,
  };
}

const requestSchemas = new Set(['NewQuestion']);

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
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? {content: {'application/json': {schema: ref(response.schema)}}} : {}),
    };
  }
  return {
    summary: op.summary,
    ...(op.auth ? {security: [{[op.auth]: []}, ...(op.auth === 'viewer' ? [{}] : [])]} : {}),
    ...(parameters.length ? {parameters} : {}),
    ...(op.body
      ? {requestBody: {required: true, content: {'application/json': {schema: ref(op.body)}}}}
      : {}),
    responses,
  };
}
