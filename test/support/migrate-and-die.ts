/**
 * Migrates a database and is killed (SIGKILL, no cleanup) right after its Nth statement,
 * as a crash or a pulled plug would end it halfway through a migration.
 *
 *   tsx test/support/migrate-and-die.ts <QUANDA_DB> <N>
 *
 * Exits 0 only if the migrations finished before the Nth statement.
 */
import {migrateToLatest} from '../../src/server/db/migrations.js';
import {openDatabase} from '../../src/server/db/open.js';

const [target, after] = process.argv.slice(2);
let statements = 0;
const db = openDatabase(target, {
  onQuery: () => {
    if (++statements === Number(after)) process.kill(process.pid, 'SIGKILL');
  },
});
await migrateToLatest(db);
await db.destroy();
