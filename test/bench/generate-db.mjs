// @ts-check
/**
 * Writes a large Quanda database for the server benchmark: migrated by the server's own
 * migrations, then filled with one bulk insert per table inside one transaction (the Store
 * would take minutes for 200,000 answers; this takes seconds).
 *
 *   node --import tsx test/bench/generate-db.mjs <file> [questions] [answers]
 *
 * Question `big` has 1,000 answers (or all of them, if fewer); the others share the rest at
 * random. The questions are on boards: 1,000 a topic (`/articles/0`, `/articles/1`, …), all
 * of site `BOARD_ORIGIN`. Ids, tokens and text are deterministic, so every run makes the same
 * database:
 *   questions `big`, `q1` … (`big` and every `q<n>` with n % 10 = 0 have a best answer);
 *   answers `a0` … (`a0`–`a999` belong to `big`);
 *   voters `voter0` … with bearer tokens `bench-voter-token-0` … (they author nothing, so
 *   every answer is theirs to vote on).
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import {openSqlite} from '../../src/server/db/database.js';
import {openDatabase} from '../../src/server/db/open.js';
import {migrateToLatest} from '../../src/server/db/migrations.js';
import {hashToken} from '../../src/server/store.js';

export const BIG_QUESTION = 'big';
export const BIG_ANSWERS = 1_000;
export const VOTERS = 1_000;
export const voterToken = (/** @type {number} */ i) => `bench-voter-token-${i}`;
/** The boards' site, and how many questions each of its topics (articles) holds. */
export const BOARD_ORIGIN = 'https://blog.example.org';
export const TOPIC_QUESTIONS = 1_000;

const WORDS = (
  'therapy sleep trust session week feel talk friend family help time people know think ' +
  'might often first really little because about anxiety morning routine notice small ' +
  'change habit worry evening breath walk write journal honest reason kind slowly'
).split(' ');

/** A small deterministic PRNG (mulberry32): the same database every run. */
function random(seed = 42) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {string} file  a new SQLite file
 * @param {{questions?: number, answers?: number}} size
 * @returns {Promise<{questions: number, answers: number, viewers: number, votes: number, ms: number}>}
 */
export async function generateDatabase(file, {questions = 10_000, answers = 200_000} = {}) {
  const started = performance.now();
  const kysely = openSqlite(file);
  await migrateToLatest(kysely);
  await kysely.destroy();

  const rand = random();
  const pick = (/** @type {number} */ n) => Math.floor(rand() * n);
  const sentence = () => {
    const words = Array.from({length: 8 + pick(12)}, () => WORDS[pick(WORDS.length)]);
    const text = words.join(' ');
    return text[0]?.toUpperCase() + text.slice(1) + '.';
  };
  // Two or three short paragraphs: the size of a typical answer on a Q&A site.
  const body = () =>
    Array.from({length: 2 + pick(2)}, () => Array.from({length: 2 + pick(3)}, sentence).join(' '))
      .join('\n\n')
      .padEnd(12, '.');
  const start = Date.parse('2024-01-01T00:00:00.000Z');
  const at = (/** @type {number} */ i) => new Date(start + i * 37_000).toISOString();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const viewer = db.prepare(
    'insert into viewers (id, token_hash, points, created_at) values (?, ?, ?, ?)',
  );
  const post = db.prepare(
    `insert into posts (id, kind, question_id, body, author_id, author_name, created_at,
       score, title, category, tags, answer_count, accepted_answer_id, topic_id, activity_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const topic = db.prepare(
    'insert into topics (id, origin, topic, title, created_at) values (?, ?, ?, ?, ?)',
  );
  const vote = db.prepare(
    'insert or ignore into votes (post_id, viewer_id, value, created_at) values (?, ?, ?, ?)',
  );

  const authors = Math.max(1, Math.round(answers / 10));
  let votes = 0;
  db.transaction(() => {
    for (let i = 0; i < VOTERS; i++) viewer.run(`voter${i}`, hashToken(voterToken(i)), 0, at(0));
    for (let t = 0; t * TOPIC_QUESTIONS < questions; t++) {
      topic.run(`topic${t}`, BOARD_ORIGIN, `/articles/${t}`, `Article ${t}`, at(0));
    }
    for (let i = 0; i < authors; i++) {
      viewer.run(`author${i}`, hashToken(`bench-author-token-${i}`), pick(5000), at(0));
    }

    // Answer counts: `big` gets 1,000, every other question a random share of the rest.
    const big = Math.min(BIG_ANSWERS, answers);
    const counts = new Array(questions).fill(0);
    counts[0] = big;
    for (let i = big; i < answers; i++) counts[1 + pick(Math.max(1, questions - 1))]++;
    const questionId = (/** @type {number} */ q) => (q === 0 ? BIG_QUESTION : `q${q}`);
    /** @type {string[][]} */
    const answerIds = counts.map(() => []);
    let next = 0;
    for (let q = 0; q < questions; q++) {
      for (let k = 0; k < counts[q]; k++) answerIds[q]?.push(`a${next++}`);
    }

    for (let q = 0; q < questions; q++) {
      const ids = answerIds[q] ?? [];
      // Every tenth question (`big` among them) has a best answer: the first page then reads
      // it with a query of its own, so the benchmark picks questions of each kind knowingly.
      const accepted = ids.length && q % 10 === 0 ? ids[pick(ids.length)] : null;
      post.run(
        questionId(q),
        'question',
        questionId(q),
        body(),
        `author${pick(authors)}`,
        'Asker',
        at(q),
        pick(40),
        `Question ${q}: ${sentence()}`.slice(0, 200),
        'Wellbeing',
        JSON.stringify(['sleep', 'habits']),
        ids.length,
        accepted,
        `topic${Math.floor(q / TOPIC_QUESTIONS)}`,
        at(q + ids.length),
      );
      for (const [k, id] of ids.entries()) {
        const score = pick(4) === 0 ? pick(60) - 5 : pick(5);
        post.run(
          id,
          'answer',
          questionId(q),
          body(),
          `author${pick(authors)}`,
          pick(5) === 0 ? null : `Reader ${pick(5000)}`,
          at(q + k + 1),
          score,
          null,
          null,
          null,
          0,
          null,
          null,
          null,
        );
        // Some vote rows, so the join that finds the reader's own vote has rows to skip.
        if (pick(2) === 0) votes += vote.run(id, `voter${pick(VOTERS)}`, 1, at(q + k + 2)).changes;
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    questions,
    answers,
    viewers: VOTERS + authors,
    votes,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Copies a generated SQLite database into a PostgreSQL one (a URL, migrated here first),
 * table by table in batches, and has PostgreSQL gather its statistics: the same rows on
 * both databases, so their benchmark rows compare.
 * @param {string} file
 * @param {string} url
 */
export async function copyToPostgres(file, url) {
  const kysely = openDatabase(url);
  await migrateToLatest(kysely);
  await kysely.destroy();
  const source = new Database(file, {readonly: true});
  const client = new pg.Client({connectionString: url});
  await client.connect();
  try {
    for (const table of ['viewers', 'topics', 'posts', 'votes']) {
      const columns = /** @type {{name: string}[]} */ (
        source.prepare(`pragma table_info(${table})`).all()
      ).map((column) => column.name);
      const {rows: types} = await client.query(
        'select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1',
        [table],
      );
      const typeOf = new Map(types.map((row) => [row.column_name, row.data_type]));
      const names = columns.map((name) => `"${name}"`).join(', ');
      const arrays = columns
        .map((name, i) => `$${i + 1}::${typeOf.get(name) === 'integer' ? 'integer' : 'text'}[]`)
        .join(', ');
      const rows = /** @type {unknown[][]} */ (
        source.prepare(`select ${names} from ${table}`).raw().all()
      );
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        await client.query(
          `insert into ${table} (${names}) select * from unnest(${arrays})`,
          columns.map((_, j) => chunk.map((row) => row[j])),
        );
      }
    }
    await client.query('analyze');
  } finally {
    await client.end();
    source.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, questions, answers] = process.argv.slice(2);
  if (!file) throw new Error('usage: generate-db.mjs <file> [questions] [answers]');
  const made = await generateDatabase(file, {
    questions: questions ? Number(questions) : undefined,
    answers: answers ? Number(answers) : undefined,
  });
  console.log(JSON.stringify(made));
}
