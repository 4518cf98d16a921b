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

/** Distinct statements that get a name, per pool: the store has a few dozen shapes. */
const NAMED_STATEMENTS = 500;

/** What PostgreSQL can prepare (not DDL, not `begin` and `commit`). */
const PREPARABLE = /^\s*(?:select|insert|update|delete|with)\b/i;

/**
 * Names for the statements the store sends with parameters, so that PostgreSQL parses
 * and plans each once per connection and then only binds and runs it (`pg` prepares a
 * named statement on a connection's first use and reuses it there after). Unnamed, every
 * statement of every request was parsed and planned again. The store's SQL comes from
 * queries compiled once per shape (prepared.ts), so a few dozen texts cover it; past
 * `NAMED_STATEMENTS` (an unusual query's many shapes) the rest go unnamed. The same text
 * always gets the same name, and a name is never reused for another text.
 */
class StatementNames {
  readonly #names = new Map<string, string>();

  nameOf(text: string): string | undefined {
    let name = this.#names.get(text);
    if (name === undefined && this.#names.size < NAMED_STATEMENTS && PREPARABLE.test(text)) {
      name = `quanda_${this.#names.size + 1}`;
      this.#names.set(text, name);
    }
    return name;
  }
}

/**
 * A pool whose waiting line is bounded: when every connection is busy, a request waits
 * (up to `queueTimeoutMs`, pg's own timer) in a line of at most `queue`; past that it is
 * refused at once with `DatabaseBusyError`, which the API answers with a 503. A connection
 * that dies while it is lent out (a restart of the server) fails its query, not the process.
 */
class BoundedPool implements PostgresPool {
  readonly pool: pg.Pool;
  readonly #queue: number;
  readonly #clients = new WeakMap<PoolClient, PostgresPoolClient>();
  readonly #names = new StatementNames();

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
    let named = this.#clients.get(client);
    if (!named) {
      // The query in flight gets the error; without a listener it would end the process.
      client.on('error', () => {});
      named = withNamedStatements(client, this.#names);
      this.#clients.set(client, named);
    }
    return named;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/** The client as Kysely uses it, its parameterized statements sent by name. */
function withNamedStatements(client: PoolClient, names: StatementNames): PostgresPoolClient {
  const query = (text: unknown, values: unknown[] = []) => {
    // A cursor (Kysely's streaming) goes through as it is.
    if (typeof text !== 'string') return client.query(text as never);
    const name = values.length ? names.nameOf(text) : undefined;
    return client.query(name ? {name, text, values} : {text, values});
  };
  const release = (destroy?: boolean) => client.release(destroy);
  return {query, release} as unknown as PostgresPoolClient;
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
