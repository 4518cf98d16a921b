import Database from 'better-sqlite3';
import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import {CompiledQuery, Kysely, SqliteAdapter, SqliteDialect, SqliteDriver} from 'kysely';
import type {
  DatabaseConnection,
  DialectAdapter,
  Driver,
  Generated,
  SqliteDatabase,
  SqliteDialectConfig,
} from 'kysely';

export type PostKind = 'question' | 'answer' | 'comment';

/** What a mail in the outbox is for. */
export type MailEvent = 'confirm' | 'answer' | 'comment' | 'best' | 'pending' | 'hidden';

/**
 * A post's status as stored. `removed` is the author's soft delete: the row stays so votes,
 * flags and counts can be kept consistent, but no one sees it again.
 */
export type StoredStatus = 'published' | 'pending' | 'hidden' | 'removed';

/** The tables as Kysely sees them (snake_case in the database, camelCase on the wire). */
export interface DB {
  viewers: {
    id: string;
    token_hash: string;
    points: Generated<number>;
    created_at: string;
  };
  posts: {
    id: string;
    kind: PostKind;
    question_id: string;
    /** What the post hangs under: the question for an answer, the post commented on for a comment. */
    parent_id: string | null;
    status: Generated<StoredStatus>;
    /** What the author wrote: Markdown, or plain text for posts from before Markdown. */
    body: string;
    body_format: Generated<'text' | 'markdown'>;
    /** The sanitized HTML rendered from a Markdown body when it was written; null for text. */
    body_html: string | null;
    /** Hash of the body's words (case and spacing ignored), to refuse duplicate siblings. */
    body_key: string | null;
    author_id: string | null;
    author_name: string | null;
    created_at: string;
    edited_at: string | null;
    editor_id: string | null;
    editor_name: string | null;
    removed_at: string | null;
    score: Generated<number>;
    title: string | null;
    category: string | null;
    /** JSON array of strings. */
    tags: string | null;
    /** Published answers only. */
    answer_count: Generated<number>;
    accepted_answer_id: string | null;
    /** The board topic a reader's question was asked on; null for the site owner's questions. */
    topic_id: Generated<string | null>;
    /** A question's last answer, or when it was asked: what "activity" sorts by. */
    activity_at: Generated<string | null>;
  };
  topics: {
    id: string;
    /** The site (`https://blog.example`) whose page this is: topics never cross sites. */
    origin: string;
    /** The page's canonical path, or the name a site chose (see docs/board.md). */
    topic: string;
    /** The page's title when its first question was asked, for moderators. */
    title: string | null;
    /** Set when the site owner closed the topic to new questions. */
    closed_at: string | null;
    created_at: string;
  };
  votes: {
    post_id: string;
    viewer_id: string;
    value: number;
    created_at: string;
  };
  flags: {
    post_id: string;
    viewer_id: string;
    reason: 'spam' | 'abusive' | 'other';
    note: string | null;
    created_at: string;
    /** Set when a moderator restores or approves the post: the flag no longer counts. */
    cleared_at: string | null;
  };
  idempotency_keys: {
    /** Whose key: a viewer id, or `moderator`. Keys of different viewers never meet. */
    scope: string;
    key: string;
    /** Hash of method, path and body: the same key with another request is refused. */
    fingerprint: string;
    status: number;
    /** The JSON response body sent the first time. */
    body: string;
    created_at: string;
  };
  rate_counters: {
    /** `viewer:<id>` or `ip:<keyed hash>`; never a plain IP address. */
    subject: string;
    action: string;
    /** Start of the hour this count belongs to (ISO-8601 UTC). */
    window_start: string;
    count: number;
  };
  /**
   * An address a reader gave for notifications, per reader: confirmed once (double
   * opt-in), it covers that reader's later subscriptions. Moderators' addresses (from
   * QUANDA_MODERATOR_EMAILS) are rows too, under the viewer id `moderators`.
   */
  mail_addresses: {
    id: string;
    viewer_id: string;
    email: string;
    /** The address lowercased: one row per reader and address, however it was typed. */
    email_key: string;
    /** The language mails to it are written in (the widget's, when it was given). */
    locale: string;
    confirmed_at: string | null;
    /** A moderator's address whose mails were stopped from a mail's unsubscribe link. */
    stopped_at: string | null;
    created_at: string;
  };
  /** One address told about one post: the reader's answer, comment or question. */
  mail_subscriptions: {
    id: string;
    address_id: string;
    post_id: string;
    locale: string;
    created_at: string;
  };
  /**
   * Mails to send, written in the transaction of the write that causes them. A sender
   * claims due rows with a lease, sends, and marks them; rows of one group (one address,
   * one post) that are due together go out as one mail.
   */
  mail_outbox: {
    id: string;
    address_id: string;
    /** Rows that go out together: `sub:<subscription>`, `mod:<address>:<post>`, `confirm:<address>`. */
    group_key: string;
    event: MailEvent;
    subscription_id: string | null;
    /** The post the mail is about: the subscribed or the moderated post. */
    post_id: string | null;
    /** The new answer or comment, or the chosen answer. */
    event_post_id: string | null;
    question_id: string | null;
    due_at: string;
    /** `dropped`: not sent, because the post it was about is no longer published. */
    status: Generated<'pending' | 'sent' | 'failed' | 'dropped'>;
    lease_owner: string | null;
    lease_until: string | null;
    attempts: Generated<number>;
    /** The SMTP reply of the last failure, never an address. */
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
  };
  /** The article page a question was last written from, for the links in mails. */
  question_pages: {
    question_id: string;
    url: string;
    updated_at: string;
  };
  settings: {
    name: string;
    value: string;
  };
}

/**
 * Opens (creating if needed) a SQLite database file for Quanda. WAL and a busy timeout
 * let several server processes share one file; `:memory:` works for throwaway use.
 */
export function openSqlite(
  file: string,
  options: {onQuery?: (sql: string, parameters: readonly unknown[]) => void} = {},
): Kysely<DB> {
  if (file !== ':memory:') mkdirSync(dirname(file), {recursive: true});
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const {onQuery} = options;
  const kysely = new Kysely<DB>({
    dialect: new ImmediateSqliteDialect({database: withStatementCache(database)}),
    log: onQuery ? (event) => onQuery(event.query.sql, event.query.parameters) : undefined,
  });
  if (file !== ':memory:') {
    // Reads the thread page needs, on a read-only connection of their own: WAL lets it
    // read while the main connection writes, and it only ever sees committed data.
    const reader = withStatementCache(new Database(file, {readonly: true}));
    readers.set(kysely, (sql, parameters) => {
      onQuery?.(sql, parameters);
      return reader.prepare(sql).all(parameters);
    });
    const destroy = kysely.destroy.bind(kysely);
    kysely.destroy = async () => {
      reader.close();
      await destroy();
    };
  }
  return kysely;
}

/**
 * Copies a SQLite database to `to` with SQLite's online backup, which gives a consistent
 * copy while other connections write. The copy is a database Quanda opens as it is.
 */
export async function backupSqlite(from: string, to: string): Promise<void> {
  const database = new Database(from, {readonly: true, fileMustExist: true});
  try {
    await database.backup(to);
  } finally {
    database.close();
  }
}

/** Runs a compiled read at once, without Kysely's executor (see PreparedQueries). */
export type DirectReader = (sql: string, parameters: readonly unknown[]) => unknown[];

const readers = new WeakMap<Kysely<DB>, DirectReader>();

/** The direct reader of a SQLite file database, if it has one (not in transactions or :memory:). */
export function directReader(db: Kysely<any>): DirectReader | undefined {
  return readers.get(db);
}

/**
 * The one SQLite-only detail of the store: transactions start with `BEGIN IMMEDIATE`.
 *
 * Quanda's transactions are all writes that read first (the idempotency key, the previous
 * vote, the rate counter). Kysely's default `BEGIN` is deferred: it takes the write lock
 * only at the first write, and in WAL mode a second process that wrote in between makes
 * that upgrade fail at once with SQLITE_BUSY (the busy timeout does not apply to it).
 * `BEGIN IMMEDIATE` takes the write lock up front, so writers from several processes
 * queue on the busy timeout instead. PostgreSQL needs none of this: its dialect keeps
 * Kysely's plain `begin`, and the unique keys do the rest.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/**
 * SQLite runs schema changes inside a transaction as well as PostgreSQL does, but Kysely's
 * SQLite adapter says it cannot, so its migrator would run a migration statement by
 * statement: one interrupted halfway (a crash, a kill) would leave its first steps in
 * place, unrecorded, and the next start would fail on them. With this, each migration
 * commits whole or not at all, on both databases.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export {isUniqueViolation} from './errors.js';

/** How many distinct SQL strings keep their prepared statement: the Store has a few dozen. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing (parsing and planning)
 * cost about as much as running the query: the server benchmark found the reference server
 * at a third of a plain handler's throughput, with `prepare` the largest single cost.
 * Kysely's SQL for a given query shape is always the same string with `?` parameters, so
 * its statements can be kept and reused, least recently used first out.
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          statements.delete(statements.keys().next().value!);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
