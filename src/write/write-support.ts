/**
 * What the thread's write modules share — writing an answer (thread-writes.ts) and the
 * rest (src/actions/) — so each imports it from here and nothing imports back.
 */
import * as z from 'zod/mini';
import {QuandaError} from '../api/api-error.js';
import type {QuandaClient} from '../api/client.js';
import type {NewAnswer} from '../api/requests.js';
import type {Answer, Sort, VoteValue} from '../api/schemas.js';
import type {ThreadStore} from '../data/thread-store.js';
import type {QueuedWrite} from '../storage/idb/database.js';

/** A vote being sent (thread-votes.ts). */
export interface VoteEntry {
  confirmed: {score: number; vote: VoteValue};
  desired: VoteValue;
  sending: boolean;
}

/** What the thread's writes keep between intents (a `ThreadWrites`), as the other write modules use it. */
export interface Writes {
  /** Votes being sent, by post. */
  readonly votes: Map<string, VoteEntry>;
  /** Posts whose vote waits in the outbox. */
  readonly queuedVotes: Set<string>;
  /** Queues a write on the device. */
  readonly outbox: {
    add(
      item: Pick<QueuedWrite, 'key' | 'kind' | 'postId' | 'form' | 'post' | 'value'>,
    ): Promise<void>;
  };
  /** Sends an answer or a comment now, or queues it. */
  post<T>(
    item: Pick<QueuedWrite, 'key' | 'kind' | 'postId' | 'form'>,
    post: NewAnswer,
    posted: (raw: unknown) => T,
  ): Promise<T | {queued: boolean}>;
}

/** Offline, or a failure that may pass: the write waits in the outbox (not a 429: the reader is told to wait). */
export const mayPass = (error: unknown) =>
  !navigator.onLine || (error instanceof QuandaError && error.isTransient && error.status !== 429);

/** The client's write method, or a clear refusal when a site's client has none. */
export function clientMethod<K extends keyof QuandaClient>(
  store: ThreadStore,
  name: K,
): NonNullable<QuandaClient[K]> {
  const client = store.client;
  const method = client[name];
  if (typeof method !== 'function') {
    throw new QuandaError('http', `This site's client cannot ${String(name)}`, {status: 501});
  }
  return method.bind(client) as NonNullable<QuandaClient[K]>;
}

/** A client's own results are checked against the contract; the RestClient's already are. */
export function checked<T>(store: ThreadStore, schema: z.ZodMiniType<T>, value: unknown): T {
  if (store.trusted) return value as T;
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw new QuandaError('invalid-response', 'The client returned the wrong shape', {
    issues: result.error.issues,
  });
}

/** Why a write waits: the reader is offline, or the server is failing. */
export const waitingNote = () => (navigator.onLine ? 'outbox.retrying' : 'outbox.offline');

/** The answers in the thread's order: the best answer first, then by the chosen sort. */
export function sortAnswers(answers: Answer[], sort: Sort): Answer[] {
  const time = (a: Answer, b: Answer) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
  const order: Record<Sort, (a: Answer, b: Answer) => number> = {
    votes: (a, b) => b.score - a.score || time(a, b),
    oldest: time,
    newest: (a, b) => time(b, a),
  };
  return answers
    .slice()
    .sort((a, b) => Number(b.isAccepted) - Number(a.isAccepted) || order[sort](a, b));
}
