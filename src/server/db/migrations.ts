import {Migrator} from 'kysely';
import type {Kysely, Migration, MigrationProvider} from 'kysely';

/**
 * The schema's history. Each migration runs once, in order, inside a transaction, and is
 * recorded by Kysely's migrator; a server refuses to start on a database migrated by a
 * newer version. Never edit a migration that has shipped: add the next one.
 *
 * Written with Kysely's schema builder in portable types (text, integer) so the same
 * migrations run on SQLite and PostgreSQL. Times are ISO-8601 UTC text, which sorts
 * correctly as text on both.
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
};

const provider: MigrationProvider = {getMigrations: () => Promise.resolve(migrations)};

/** Brings the database up to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({db, provider, migrationTableName: 'quanda_migrations'});
  const {error, results = []} = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Quanda could not migrate its database${name}: ${String(error)}`, {
      cause: error,
    });
  }
  return results.map((result) => result.migrationName);
}

/** Exposed for tests of the upgrade path. */
export const migrationNames = Object.keys(migrations);
