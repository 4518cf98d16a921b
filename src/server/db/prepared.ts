import type {Compilable, CompiledQuery, Kysely} from 'kysely';
import {directReader} from './database.js';
import type {DirectReader} from './database.js';

const MARK = '\u0000quanda-parameter:';

/**
 * A stand-in for the `index`th value of a prepared query. It goes where the value would
 * (a comparison, a limit, a list), typed as the value, and is swapped for the real value
 * each time the query runs.
 */
export function parameter<T>(index: number): T {
  return `${MARK}${index}` as unknown as T;
}

/** Compiled queries by shape, shared by every transaction of one database. */
export type CompiledCache = Map<string, CompiledQuery>;

/**
 * Queries built and compiled once per shape, then run with new values. Building and
 * compiling with Kysely's query builder cost about as much as running the query itself
 * (the server benchmark found it), so the store's queries, reads and writes alike, are
 * prepared here: a key names each shape (the sort, whether there is a cursor, …), `build`
 * makes it with `parameter(i)` stand-ins, and the compiled SQL — each dialect's own, with
 * its own placeholders — is kept in a cache every transaction on the database shares.
 *
 * A LIMIT goes in as a literal (`sql.lit`), its value part of the key: SQLite ran the
 * page's query 1.5× slower with the LIMIT bound than written in.
 */
export class PreparedQueries {
  readonly #db: Kysely<any>;
  readonly #direct?: DirectReader;
  readonly #compiled: CompiledCache;

  /** What queries are built with (the database, or the transaction they run in). */
  get db(): Kysely<any> {
    return this.#db;
  }

  /**
   * `db`: the database, or a transaction; `compiled`: the database's cache. `direct: false`
   * keeps reads on the connection that writes, for a read that comes right before a write.
   */
  constructor(
    db: Kysely<any>,
    compiled: CompiledCache = new Map(),
    options: {direct?: boolean} = {},
  ) {
    this.#db = db;
    this.#direct = options.direct === false ? undefined : directReader(db);
    this.#compiled = compiled;
  }

  async run<R>(key: string, build: () => Compilable<R>, values: readonly unknown[]): Promise<R[]> {
    let compiled = this.#compiled.get(key);
    if (!compiled) {
      compiled = build().compile();
      this.#compiled.set(key, compiled);
    }
    const parameters = compiled.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(MARK)
        ? values[Number(value.slice(MARK.length))]
        : value,
    );
    // A read on a SQLite file: straight to its read-only connection (Kysely's async
    // executor cost as much as the queries). Otherwise — PostgreSQL, a write, a
    // transaction — through Kysely, on the connection it holds.
    if (this.#direct && compiled.query.kind === 'SelectQueryNode') {
      return this.#direct(compiled.sql, parameters) as R[];
    }
    const {rows} = await this.#db.executeQuery<R>({...compiled, parameters});
    return rows;
  }
}
