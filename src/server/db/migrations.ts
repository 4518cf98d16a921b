import {createHash} from 'node:crypto';
import {Migrator, sql} from 'kysely';
import type {Kysely, Migration, MigrationProvider, MigrationResultSet, RawBuilder} from 'kysely';
import {dialectOf} from './open.js';
import {createSearchIndex, dropSearchIndex} from './search.js';

/**
 * The schema's history. Each migration runs once, in order, inside a transaction, and is
 * recorded by Kysely's migrator; a server refuses to start on a database migrated by a
 * newer version. Never edit a migration that has shipped: add the next one.
 *
 * Written with Kysely's schema builder in portable types (text, integer) so the same
 * migrations run on SQLite and PostgreSQL; a step only one of them needs says so
 * (`dialectOf`). Times are ISO-8601 UTC text, which sorts correctly as text on both
 * (on PostgreSQL in the "C" collation, 0005).
 */
const migrations: Record<string, Migration> = {
  '0001_posts_and_votes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('viewers')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('points', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();

      // Questions, answers (and later comments) share one table: votes, edits, flags and
      // moderation treat every post alike.
      await db.schema
        .createTable('posts')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('question_id', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull().defaultTo('published'))
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('author_id', 'text', (col) => col.references('viewers.id'))
        .addColumn('author_name', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('edited_at', 'text')
        .addColumn('editor_id', 'text', (col) => col.references('viewers.id'))
        .addColumn('editor_name', 'text')
        .addColumn('score', 'integer', (col) => col.notNull().defaultTo(0))
        // Question only:
        .addColumn('title', 'text')
        .addColumn('category', 'text')
        .addColumn('tags', 'text')
        .addColumn('answer_count', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('accepted_answer_id', 'text')
        .execute();

      // One index per answer ordering, so every page of every sort is an index range scan.
      await db.schema
        .createIndex('posts_by_votes')
        .on('posts')
        .columns(['question_id', 'kind', 'status', 'score desc', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('posts_by_time')
        .on('posts')
        .columns(['question_id', 'kind', 'status', 'created_at', 'id'])
        .execute();

      // One vote per viewer per post, enforced by the key, not by checking first.
      await db.schema
        .createTable('votes')
        .addColumn('post_id', 'text', (col) => col.notNull().references('posts.id'))
        .addColumn('viewer_id', 'text', (col) => col.notNull().references('viewers.id'))
        .addColumn('value', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('votes_pk', ['post_id', 'viewer_id'])
        .execute();
      await db.schema.createIndex('votes_by_viewer').on('votes').columns(['viewer_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('votes').execute();
      await db.schema.dropTable('posts').execute();
      await db.schema.dropTable('viewers').execute();
    },
  },
  '0002_write_path': {
    // Comments, flags, moderation, soft delete, exactly-once writes and rate limits.
    async up(db: Kysely<any>) {
      // Comments are posts too; parent_id says what a post hangs under (an answer's
      // question, a comment's question or answer), body_key finds duplicate siblings.
      await db.schema.alterTable('posts').addColumn('parent_id', 'text').execute();
      await db.schema.alterTable('posts').addColumn('body_key', 'text').execute();
      await db.schema.alterTable('posts').addColumn('removed_at', 'text').execute();
      await db
        .updateTable('posts')
        .set((eb: any) => ({parent_id: eb.ref('question_id')}))
        .where('kind', '=', 'answer')
        .execute();
      const answers: {id: string; body: string}[] = await db
        .selectFrom('posts')
        .select(['id', 'body'])
        .where('kind', '=', 'answer')
        .execute();
      for (const {id, body} of answers) {
        await db
          .updateTable('posts')
          .set({body_key: bodyKey0002(body)})
          .where('id', '=', id)
          .execute();
      }

      // A thread's comments: the latest few per post in one windowed query, and pages of them.
      await db.schema
        .createIndex('posts_by_parent')
        .on('posts')
        .columns(['kind', 'parent_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('posts_by_body_key')
        .on('posts')
        .columns(['parent_id', 'body_key'])
        .execute();
      // The moderation queue of pending and hidden posts.
      await db.schema
        .createIndex('posts_by_status')
        .on('posts')
        .columns(['status', 'created_at'])
        .execute();

      // One flag per viewer per post, by the key.
      await db.schema
        .createTable('flags')
        .addColumn('post_id', 'text', (col) => col.notNull().references('posts.id'))
        .addColumn('viewer_id', 'text', (col) => col.notNull().references('viewers.id'))
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('cleared_at', 'text')
        .addPrimaryKeyConstraint('flags_pk', ['post_id', 'viewer_id'])
        .execute();

      // The first response to each write, replayed for a retry with the same key.
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('scope', 'text', (col) => col.notNull())
        .addColumn('key', 'text', (col) => col.notNull())
        .addColumn('fingerprint', 'text', (col) => col.notNull())
        .addColumn('status', 'integer', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_by_age')
        .on('idempotency_keys')
        .columns(['created_at'])
        .execute();

      // Hourly write counts per viewer and per keyed hash of an IP address.
      await db.schema
        .createTable('rate_counters')
        .addColumn('subject', 'text', (col) => col.notNull())
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('window_start', 'text', (col) => col.notNull())
        .addColumn('count', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('rate_counters_pk', ['subject', 'action', 'window_start'])
        .execute();
      await db.schema
        .createIndex('rate_counters_by_window')
        .on('rate_counters')
        .columns(['window_start'])
        .execute();

      // Addresses for notifications, apart from the posts, and only when asked for.
      await db.schema
        .createTable('notification_emails')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('viewer_id', 'text', (col) => col.notNull().references('viewers.id'))
        .addColumn('post_id', 'text', (col) => col.notNull().references('posts.id'))
        .addColumn('email', 'text', (col) => col.notNull())
        .addColumn('confirm_token', 'text', (col) => col.notNull().unique())
        .addColumn('confirmed_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('notification_emails_by_post')
        .on('notification_emails')
        .columns(['post_id'])
        .execute();

      // Server-wide values generated once, such as the key for hashing IP addresses.
      await db.schema
        .createTable('settings')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('value', 'text', (col) => col.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'settings',
        'notification_emails',
        'rate_counters',
        'idempotency_keys',
        'flags',
      ]) {
        await db.schema.dropTable(table).execute();
      }
      for (const index of ['posts_by_status', 'posts_by_body_key', 'posts_by_parent']) {
        await db.schema.dropIndex(index).execute();
      }
      for (const column of ['removed_at', 'body_key', 'parent_id']) {
        await db.schema.alterTable('posts').dropColumn(column).execute();
      }
    },
  },
  '0003_markdown_bodies': {
    // Posts are written in Markdown from now on: the source stays in `body` (what the author
    // edits), the sanitized HTML rendered from it goes into `body_html`, rendered once when
    // written. Posts written before stay plain text (`body_format` 'text'), shown as before;
    // an author's edit makes one Markdown.
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('posts')
        .addColumn('body_format', 'text', (col) => col.notNull().defaultTo('text'))
        .execute();
      await db.schema.alterTable('posts').addColumn('body_html', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('posts').dropColumn('body_html').execute();
      await db.schema.alterTable('posts').dropColumn('body_format').execute();
    },
  },
  '0004_comment_counts_by_index': {
    // Every thread page counts each shown post's comments. With what visibility asks
    // (status, author) in the index, the count reads the index alone; without them SQLite
    // preferred the moderation index and counted along every published post in the site.
    async up(db: Kysely<any>) {
      await db.schema.dropIndex('posts_by_parent').execute();
      await db.schema
        .createIndex('posts_by_parent')
        .on('posts')
        .columns(['kind', 'parent_id', 'created_at', 'id', 'status', 'author_id'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('posts_by_parent').execute();
      await db.schema
        .createIndex('posts_by_parent')
        .on('posts')
        .columns(['kind', 'parent_id', 'created_at', 'id'])
        .execute();
    },
  },
  '0005_binary_text_order': {
    // Pages and sorts compare ids and ISO times as text, and the server orders the same
    // values in JavaScript by code unit. SQLite's default collation is that (BINARY);
    // PostgreSQL's is the database's locale (en-US puts "a" before "B" and skips "-"), so
    // there the columns compared or sorted as text take the "C" collation: byte order.
    up: (db: Kysely<any>) => collateOrdered(db, sql`"C"`),
    down: (db: Kysely<any>) => collateOrdered(db, sql`"default"`),
  },
  '0006_mail': {
    // Notification mail: addresses (double opt-in), subscriptions, and an outbox written
    // in the same transaction as the write that causes each mail. The addresses kept by
    // 0002 were never mailed, so nobody confirmed them: they are erased, not carried over.
    async up(db: Kysely<any>) {
      await db.schema.dropTable('notification_emails').execute();
      await db.schema
        .createTable('mail_addresses')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('viewer_id', 'text', (col) => col.notNull())
        .addColumn('email', 'text', (col) => col.notNull())
        .addColumn('email_key', 'text', (col) => col.notNull())
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('stopped_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('mail_addresses_viewer_email', ['viewer_id', 'email_key'])
        .execute();
      await db.schema
        .createIndex('mail_addresses_by_email')
        .on('mail_addresses')
        .columns(['email_key'])
        .execute();
      await db.schema
        .createIndex('mail_addresses_unconfirmed')
        .on('mail_addresses')
        .columns(['confirmed_at', 'created_at'])
        .execute();
      await db.schema
        .createTable('mail_subscriptions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('address_id', 'text', (col) =>
          col.notNull().references('mail_addresses.id').onDelete('cascade'),
        )
        .addColumn('post_id', 'text', (col) => col.notNull().references('posts.id'))
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('mail_subscriptions_address_post', ['address_id', 'post_id'])
        .execute();
      await db.schema
        .createIndex('mail_subscriptions_by_post')
        .on('mail_subscriptions')
        .columns(['post_id'])
        .execute();
      await db.schema
        .createTable('mail_outbox')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('address_id', 'text', (col) =>
          col.notNull().references('mail_addresses.id').onDelete('cascade'),
        )
        .addColumn('group_key', 'text', (col) => col.notNull())
        .addColumn('event', 'text', (col) => col.notNull())
        .addColumn('subscription_id', 'text')
        .addColumn('post_id', 'text')
        .addColumn('event_post_id', 'text')
        .addColumn('question_id', 'text')
        .addColumn('due_at', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending'))
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      // The sender's scan for due mail, and a group's latest row when a new one joins it.
      await db.schema
        .createIndex('mail_outbox_due')
        .on('mail_outbox')
        .columns(['status', 'due_at'])
        .execute();
      await db.schema
        .createIndex('mail_outbox_by_group')
        .on('mail_outbox')
        .columns(['group_key', 'due_at'])
        .execute();
      await db.schema
        .createIndex('mail_outbox_by_post')
        .on('mail_outbox')
        .columns(['post_id'])
        .execute();
      await db.schema
        .createTable('question_pages')
        .addColumn('question_id', 'text', (col) => col.primaryKey())
        .addColumn('url', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      // Like 0005: the ids and ISO times compared or sorted take byte order on PostgreSQL.
      await collateOrdered(db, sql`"C"`, BINARY_ORDERED_0006);
    },
    async down(db: Kysely<any>) {
      for (const table of ['question_pages', 'mail_outbox', 'mail_subscriptions', 'mail_addresses'])
        await db.schema.dropTable(table).execute();
      await db.schema
        .createTable('notification_emails')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('viewer_id', 'text', (col) => col.notNull().references('viewers.id'))
        .addColumn('post_id', 'text', (col) => col.notNull().references('posts.id'))
        .addColumn('email', 'text', (col) => col.notNull())
        .addColumn('confirm_token', 'text', (col) => col.notNull().unique())
        .addColumn('confirmed_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('notification_emails_by_post')
        .on('notification_emails')
        .columns(['post_id'])
        .execute();
    },
  },
  '0007_topics_and_board': {
    // Readers ask on boards: a topic is an article (its canonical path) on one site (its
    // origin), made by its first question. A topic's questions list by activity, time,
    // votes or unanswered, each an index range; their text is searchable (db/search.ts).
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('topics')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('origin', 'text', (col) => col.notNull())
        .addColumn('topic', 'text', (col) => col.notNull())
        .addColumn('title', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('topics_by_name', ['origin', 'topic'])
        .execute();
      await db.schema.alterTable('posts').addColumn('topic_id', 'text').execute();
      await db.schema.alterTable('posts').addColumn('activity_at', 'text').execute();
      await db
        .updateTable('posts')
        .set((eb) => ({activity_at: eb.ref('created_at')}))
        .where('kind', '=', 'question')
        .execute();
      // Like 0005: the ids and times compared or sorted take byte order on PostgreSQL.
      await collateOrdered(db, sql`"C"`, BINARY_ORDERED_0007);
      for (const [name, order] of Object.entries(BOARD_ORDERS)) {
        await db.schema
          .createIndex(`posts_by_topic_${name}`)
          .on('posts')
          .columns(['topic_id', 'kind', 'status', ...order])
          .execute();
      }
      await db.schema
        .createIndex('posts_by_topic_author')
        .on('posts')
        .columns(['topic_id', 'author_id', 'kind', 'created_at'])
        .execute();
      await createSearchIndex(db);
    },
    async down(db: Kysely<any>) {
      await dropSearchIndex(db);
      for (const name of [...Object.keys(BOARD_ORDERS), 'author']) {
        await db.schema.dropIndex(`posts_by_topic_${name}`).execute();
      }
      await db.schema.alterTable('posts').dropColumn('activity_at').execute();
      await db.schema.alterTable('posts').dropColumn('topic_id').execute();
      await db.schema.dropTable('topics').execute();
    },
  },
};

/** Gives every column of `BINARY_ORDERED` the collation, on PostgreSQL (SQLite is binary). */
async function collateOrdered(
  db: Kysely<any>,
  collation: RawBuilder<unknown>,
  ordered: Record<string, string[]> = BINARY_ORDERED,
) {
  if (dialectOf(db) !== 'postgres') return;
  for (const [table, columns] of Object.entries(ordered)) {
    for (const column of columns) {
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text collate ${collation}`.execute(
        db,
      );
    }
  }
}

/** The text columns that are compared or sorted, by table (migration 0005). */
const BINARY_ORDERED: Record<string, string[]> = {
  posts: ['id', 'question_id', 'parent_id', 'created_at'],
  votes: ['post_id'],
  flags: ['post_id', 'created_at'],
  idempotency_keys: ['created_at'],
  rate_counters: ['window_start'],
};

/** The text columns of 0006's tables that are compared or sorted, by table. */
const BINARY_ORDERED_0006: Record<string, string[]> = {
  mail_addresses: ['id', 'email_key', 'confirmed_at', 'created_at'],
  mail_subscriptions: ['id', 'post_id', 'created_at'],
  mail_outbox: ['id', 'group_key', 'status', 'due_at', 'post_id', 'lease_until', 'created_at'],
  question_pages: ['question_id'],
};

/** The text columns of 0007 that are compared or sorted, by table. */
const BINARY_ORDERED_0007: Record<string, string[]> = {
  topics: ['id', 'origin', 'topic', 'created_at'],
  posts: ['topic_id', 'activity_at'],
};

/** The board's orders, as migration 0007 indexed them (after topic, kind and status). */
const BOARD_ORDERS = {
  activity: ['activity_at', 'id'],
  newest: ['created_at', 'id'],
  votes: ['score', 'created_at', 'id'],
  unanswered: ['answer_count', 'created_at', 'id'],
};

/**
 * The duplicate key as migration 0002 computed it, frozen here so the migration never
 * changes under a database; the store's `bodyKey` must give the same result.
 */
function bodyKey0002(body: string): string {
  const words = body.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(words).digest('base64url');
}

const provider: MigrationProvider = {getMigrations: () => Promise.resolve(migrations)};

/**
 * The migrator. On PostgreSQL its tables go in the schema Quanda's tables go in (the first
 * of `search_path`): Kysely looks for them in every schema otherwise, and a database with
 * another Quanda in another schema would look migrated when it is not.
 */
async function migratorFor(db: Kysely<any>) {
  const migrationTableSchema =
    dialectOf(db) === 'postgres'
      ? (await sql<{schema: string}>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db,
    provider,
    migrationTableName: 'quanda_migrations',
    migrationTableSchema,
  });
}

/** Brings the database up to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return report(await (await migratorFor(db)).migrateToLatest());
}

/** Brings the database to the schema of one migration: tests build older databases with it. */
export async function migrateTo(db: Kysely<any>, name: string): Promise<string[]> {
  return report(await (await migratorFor(db)).migrateTo(name));
}

function report({error, results = []}: MigrationResultSet): string[] {
  const failed = results.find((result) => result.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    const reason = error instanceof Error ? String(error) : JSON.stringify(error);
    throw new Error(`Quanda could not migrate its database${name}: ${reason}`, {cause: error});
  }
  return results.map((result) => result.migrationName);
}

/** Exposed for tests of the upgrade path. */
export const migrationNames = Object.keys(migrations);
