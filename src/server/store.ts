/**
 * Everything the reference server keeps, as a few small interfaces the API asks for one
 * at a time: who a token belongs to, the reads, the writes (each in one transaction, with
 * its idempotency key and rate limit, handing the rules in domain/ a Repository bound to
 * it), the limits used up, the key IP addresses are hashed with, and purging. One Kysely
 * implementation, so the same queries run on SQLite and PostgreSQL.
 */
import type {Kysely} from 'kysely';
import type {CommentsPage, Post, Thread} from '../api/schemas.js';
import type {ModerationFilter, ModerationQueue} from '../api/moderation.js';
import type {LimitedAction, RateLimits} from './config.js';
import type {DB} from './db/database.js';
import {isRetryable, isUniqueViolation} from './db/errors.js';
import {ping} from './db/open.js';
import {PreparedQueries, parameter} from './db/prepared.js';
import type {CompiledCache} from './db/prepared.js';
import type {Repository} from './domain/repository.js';
import {purgeIdempotencyKeys, storeResponse, storedResponse} from './idempotency.js';
import {hashToken} from './ids.js';
import {countWrite, loadIpKey, purgeRateCounters, usedUp} from './rate-limits.js';
import type {RateSubjects} from './rate-limits.js';
import {PostReads} from './reads.js';
import type {ThreadOptions} from './reads.js';
import {KyselyRepository} from './repository.js';

export {InvalidCursorError} from './post-rows.js';
export {hashToken} from './ids.js';
export type {ThreadOptions} from './reads.js';

/** One write, as `Store.write` runs it: whose it is, its key, and the limit it counts against. */
export interface WriteRequest {
  /** Whose idempotency keys these are: a viewer id, or `moderator`. */
  scope: string;
  idempotencyKey: string | null;
  /** From `fingerprint()`: the same key with another request is refused. */
  fingerprint: string;
  limit?: {action: LimitedAction; subjects: RateSubjects; limits: RateLimits};
}

export interface WriteResponse {
  status: number;
  body: unknown;
}

export interface WriteOutcome extends WriteResponse {
  /** The stored response of an earlier request with the same key. */
  replayed: boolean;
}

/** Who a bearer token belongs to. */
export interface Viewers {
  /** The viewer a bearer token belongs to, or null for an unknown token. */
  viewerIdForToken(token: string): Promise<string | null>;
}

/** What readers and moderators read, outside any write. */
export interface Reads {
  /** A page of a thread as the viewer sees it, or null when there is no such question. */
  getThread(questionId: string, options: ThreadOptions): Promise<Thread | null>;
  /** A post's comments, oldest first, or null when the post is not there for this viewer. */
  getComments(
    postId: string,
    options: {viewerId: string | null; cursor?: string; limit?: number},
  ): Promise<CommentsPage | null>;
  /** One post as the viewer sees it, with its latest comments; null when it is not there for them. */
  getPost(postId: string, viewerId: string | null): Promise<Post | null>;
  moderationQueue(filter: ModerationFilter): Promise<ModerationQueue>;
}

/** Writes: each runs in one transaction, on a Repository bound to it. */
export interface Writes {
  /** Runs a write exactly once per idempotency key, within the rate limit, in one transaction. */
  write(
    request: WriteRequest,
    run: (tx: Repository) => Promise<WriteResponse>,
  ): Promise<WriteOutcome>;
  /** Runs `run` in a transaction of its own, with no key and no limit (the seed, the CLI, tests). */
  transaction<T>(run: (tx: Repository) => Promise<T>): Promise<T>;
}

export interface Limits {
  /** The writes these subjects have no room left for this hour. */
  limitsUsedUp(subjects: RateSubjects, limits: RateLimits): Promise<Set<LimitedAction>>;
}

export interface IpKeys {
  /** The key IP addresses are hashed with, the same for every process on this database. */
  ipKey(): Promise<string>;
}

export interface Purging {
  /** Forgets idempotency keys older than a day and rate counters of past hours. */
  purgeExpired(): Promise<{idempotencyKeys: number; rateCounters: number}>;
}

export interface Health {
  /** Resolves when the database answers; throws what it answered otherwise. */
  ping(): Promise<void>;
}

/** All of it, as the server opens it. */
export interface Store extends Viewers, Reads, Writes, Limits, IpKeys, Purging, Health {
  close(): Promise<void>;
}

/**
 * Attempts of a write that lost a race on a unique key to a twin, or that PostgreSQL
 * stopped to break a deadlock: each attempt is a new transaction, the last one's undone.
 */
const WRITE_ATTEMPTS = 3;

export class KyselyStore implements Store {
  readonly db: Kysely<DB>;
  readonly #clock: () => Date;
  readonly #reads: PostReads;
  /** Every query compiled once, for this database and its transactions (db/prepared.ts). */
  readonly #compiled: CompiledCache = new Map();
  /**
   * The token lookup, on the connection that writes: it comes right before a write on most
   * requests, and there SQLite has the pages in its cache. SQLite empties a connection's
   * cache whenever another connection changed the file, so on the read-only connection
   * (db/database.ts) every write cost the next lookup its pages: about 40 µs of a vote.
   */
  readonly #viewers: PreparedQueries;

  constructor(db: Kysely<DB>, options: {clock?: () => Date} = {}) {
    this.db = db;
    this.#clock = options.clock ?? (() => new Date());
    this.#reads = new PostReads(db, this.#clock, this.#compiled);
    this.#viewers = new PreparedQueries(db, this.#compiled, {direct: false});
  }

  /** The repository of one transaction. */
  #repository(trx: Kysely<DB>): Repository {
    const reads = new PostReads(trx, this.#clock, this.#compiled);
    return new KyselyRepository(trx, reads, this.#clock().toISOString(), this.#compiled);
  }

  async transaction<T>(run: (tx: Repository) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute((trx) => run(this.#repository(trx)));
      } catch (error) {
        if (attempt < WRITE_ATTEMPTS && isRetryable(error)) continue;
        throw error;
      }
    }
  }

  async write(
    request: WriteRequest,
    run: (tx: Repository) => Promise<WriteResponse>,
  ): Promise<WriteOutcome> {
    const {scope, idempotencyKey: key, fingerprint} = request;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const q = new PreparedQueries(trx, this.#compiled);
          if (key) {
            const stored = await storedResponse(q, scope, key, fingerprint);
            if (stored) return {...stored, replayed: true};
          }
          const response = await run(this.#repository(trx));
          if (key) {
            const now = this.#clock().toISOString();
            await storeResponse(q, {scope, key, fingerprint, now, ...response});
          }
          // Counted last, just before the commit: every write from one address updates its
          // counter's row, and on PostgreSQL that row stays locked until the commit, so
          // writes from one address (or one proxy) take turns only for this last step. A
          // write over the limit rolls back with everything it did.
          const {limit} = request;
          if (limit) await countWrite(q, limit.action, limit.subjects, limit.limits, this.#clock());
          return {...response, replayed: false};
        });
      } catch (error) {
        // A twin request with the same key committed first: run again to replay its response.
        const again = (key !== null && isUniqueViolation(error)) || isRetryable(error);
        if (again && attempt < WRITE_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  async viewerIdForToken(token: string): Promise<string | null> {
    const [row] = await this.#viewers.run(
      'viewerIdForToken',
      () =>
        this.db.selectFrom('viewers').select('id').where('token_hash', '=', parameter<string>(0)),
      [hashToken(token)],
    );
    return row?.id ?? null;
  }

  getThread(questionId: string, options: ThreadOptions): Promise<Thread | null> {
    return this.#reads.getThread(questionId, options);
  }

  getComments(
    postId: string,
    options: {viewerId: string | null; cursor?: string; limit?: number},
  ): Promise<CommentsPage | null> {
    return this.#reads.getComments(postId, options);
  }

  getPost(postId: string, viewerId: string | null): Promise<Post | null> {
    return this.#reads.getPost(postId, viewerId);
  }

  moderationQueue(filter: ModerationFilter): Promise<ModerationQueue> {
    return this.#reads.moderationQueue(filter);
  }

  limitsUsedUp(subjects: RateSubjects, rateLimits: RateLimits): Promise<Set<LimitedAction>> {
    return usedUp(this.db, subjects, rateLimits, this.#clock());
  }

  ipKey(): Promise<string> {
    return loadIpKey(this.db);
  }

  async purgeExpired(): Promise<{idempotencyKeys: number; rateCounters: number}> {
    const now = this.#clock();
    return {
      idempotencyKeys: await purgeIdempotencyKeys(this.db, now),
      rateCounters: await purgeRateCounters(this.db, now),
    };
  }

  ping(): Promise<void> {
    return ping(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
