/** Browser-side handles on the real servers the wtr plugin starts (see wtr-plugins.mjs). */
import {executeServerCommand} from '@web/test-runner-commands';

export interface QuandaServer {
  url: string;
  /** The API root, for `endpoint`. */
  api: string;
  adminToken: string;
  moderatorToken: string;
  fixture: Record<string, {askerToken: string; answers: {id: string; token: string}[]}> | null;
}

export interface QuestionFixture {
  id: string;
  title?: string;
  body?: string;
  category?: string;
  tags?: string[];
  answers?: number | string[];
  scores?: number[];
  accept?: number;
  /** Comments on the question. */
  questionComments?: number;
  /** Comments on each answer, in order. */
  answerComments?: number[];
}

/**
 * How long a `before` hook that starts a reference server may take. A server process
 * (tsx, migrations, fixtures) starts in about a second alone, and in 9–15 s when every
 * core is busy with other test files. The Node side gives up after 30 s with the server's
 * own output (see quanda-server.mjs), so a server that hangs fails with its log, before
 * this limit, instead of with a bare hook timeout.
 */
export const SERVER_START_TIMEOUT = 45_000;

/** A fresh reference server on a fresh database, optionally seeded or given fixtures. */
export async function startQuandaServer(
  options: {
    seed?: boolean;
    fixture?: {demo?: boolean; questions?: QuestionFixture[]};
    /** Server settings, e.g. higher hourly limits for a long test file (all requests share 127.0.0.1). */
    env?: Record<string, string>;
  } = {},
) {
  let reply = await executeServerCommand<QuandaServer | {pending: number}, typeof options>(
    'quanda-server-start',
    options,
  );
  // Still starting (a busy machine): ask again. The Node side fails a start after 30 s.
  while ('pending' in reply) {
    reply = await executeServerCommand<QuandaServer | {pending: number}, {id: number}>(
      'quanda-server-ready',
      {id: reply.pending},
    );
  }
  return reply;
}

export function stopQuandaServers() {
  return executeServerCommand<boolean, undefined>('quanda-server-stop');
}

export interface MisbehavingServer {
  url: string;
  /** A port with nothing listening. */
  closedUrl: string;
  modes: string[];
}

export function misbehavingServer() {
  return executeServerCommand<MisbehavingServer, undefined>('misbehaving-server');
}

/**
 * A backend whose every answer is generated from the contract, seeded: requests go to
 * `${url}/${run}/…`, one backend per run.
 */
export function startContractBackend() {
  return executeServerCommand<{url: string; seed: number}, undefined>('contract-backend-start');
}

/** A proxy in front of a server that can lose a write's response after the write commits. */
export function startDropProxy(upstream: string) {
  return executeServerCommand<{url: string}, {upstream: string}>('drop-proxy-start', {upstream});
}

/** Arms the proxy: the next write's response is lost. Resolves with the number lost so far. */
export function dropNextResponse() {
  return executeServerCommand<{dropped: number}, undefined>('drop-proxy-drop');
}

/** Builds dist/quanda.js (once per run) for pages that load the drop-in file. */
export async function buildDropIn() {
  while (!(await executeServerCommand<boolean, undefined>('quanda-build')));
}

/** A host page under the strict policy docs/embedding.md documents (strict-page.mjs). */
export function strictPage() {
  return executeServerCommand<{url: string}, undefined>('strict-page-start');
}
