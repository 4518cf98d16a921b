/**
 * PostgreSQL through Kysely's own dialect and `pg`'s pool, for sites that outgrow one
 * machine: any number of server processes on one database. What differs from SQLite is
 * kept here and in the other files of this folder; the store's queries are the same.
 */
import pg from 'pg';
import type {PoolClient} from 'pg';
import {Kysely, PostgresDialect} from 'kysely';
import type {PostgresPool, PostgresPoolClient} from 'kysely';
import type {DB} from './database.js';
import {DatabaseBusyError} from './errors.js';

export interface PoolOptions {
  /** Connections kept open at most (`QUANDA_DB_POOL`, default 10). */
  size?: number;
  /** Requests that may wait for a connection when all are busy (default 1,000); more get a 503. */
  queue?: number;
  /** How long a request waits for a connection before it gets a 503 (default 10 s). */
  queueTimeoutMs?: number;
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

export const DEFAULT_POOL = {size: 10, queue: 1000, queueTimeoutMs: 10_000};

/** PostgreSQL's `count(*)` is a bigint, which `pg` hands over as a string: counts are numbers here. */
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A pool whose waiting line is bounded: when every connection is busy, a request waits
 * (up to `queueTimeoutMs`, pg's own timer) in a line of at most `queue`; past that it is
 * refused at once with `DatabaseBusyError`, which the API answers with a 503. A connection
 * that dies while it is lent out (a restart of the server) fails its query, not the process.
 */
class BoundedPool implements PostgresPool {
  readonly pool: pg.Pool;
  readonly #queue: number;
  readonly #watched = new WeakSet<PoolClient>();

  constructor(pool: pg.Pool, queue: number) {
    this.pool = pool;
    this.#queue = queue;
  }

  async connect(): Promise<PostgresPoolClient> {
    const {pool} = this;
    if (pool.totalCount >= (pool.options.max ?? 10) && pool.waitingCount >= this.#queue) {
      throw new DatabaseBusyError(
        `All database connections are busy and ${this.#queue} requests wait`,
      );
    }
    const client = await pool.connect();
    if (!this.#watched.has(client)) {
      this.#watched.add(client);
      // The query in flight gets the error; without a listener it would end the process.
      client.on('error', () => {});
    }
    return client;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

const pools = new WeakMap<Kysely<any>, pg.Pool>();

/** The pool behind a PostgreSQL database (tests read its counts). */
export function poolOf(db: Kysely<any>): pg.Pool | undefined {
  return pools.get(db);
}

export function openPostgres(url: string, options: PoolOptions = {}): Kysely<DB> {
  const {size, queue, queueTimeoutMs} = {...DEFAULT_POOL, ...definedOnly(options)};
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    connectionTimeoutMillis: queueTimeoutMs,
    idleTimeoutMillis: 30_000,
    // Named in pg_stat_activity, unless the URL names it (?application_name=…).
    ...(new URL(url).searchParams.has('application_name') ? {} : {application_name: 'quanda'}),
    types,
  });
  // An idle connection the server closed (a restart): the pool drops it and opens another.
  pool.on('error', () => {});
  const {onQuery} = options;
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({pool: new BoundedPool(pool, queue)}),
    log: onQuery ? (event) => onQuery(event.query.sql, event.query.parameters) : undefined,
  });
  pools.set(db, pool);
  return db;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
