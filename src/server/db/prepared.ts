import type {Compilable, CompiledQuery, Kysely} from 'kysely';

const MARK = '\u0000quanda-parameter:';

/**
 * A stand-in for the `index`th value of a prepared query. It goes where the value would
 * (a comparison, a limit, a list), typed as the value, and is swapped for the real value
 * each time the query runs.
 */
export function parameter<T>(index: number): T {
  return `${MARK}${index}` as unknown as T;
}

/**
 * Queries built and compiled once per shape, then run with new values. Building and
 * compiling with Kysely's query builder cost about as much as running the query itself on
 * the read path (the server benchmark found it), so the thread's queries are prepared
 * here: a key names each shape (the sort, whether there is a cursor, …), `build` makes it
 * with `parameter(i)` stand-ins, and the compiled SQL — the same for SQLite and
 * PostgreSQL, each with its own placeholders — is kept.
 */
export class PreparedQueries {
  readonly #db: Kysely<any>;
  readonly #compiled = new Map<string, CompiledQuery>();

  constructor(db: Kysely<any>) {
    this.#db = db;
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
    const {rows} = await this.#db.executeQuery<R>({...compiled, parameters});
    return rows;
  }
}
