/**
 * Writes test data into a Quanda database through the Store (the same calls the API
 * makes), then prints what it made as one JSON line. Run by quanda-server.mjs.
 *
 *   tsx test/support/fixture.ts <QUANDA_DB: file or URL> '<fixture json>'
 */
import {migrateToLatest} from '../../src/server/db/migrations.js';
import {openDatabase} from '../../src/server/db/open.js';
import {seedDemo} from '../../src/server/seed.js';
import {KyselyStore} from '../../src/server/store.js';
import {storeWrites} from './store-writes.js';

interface QuestionFixture {
  id: string;
  title?: string;
  body?: string;
  category?: string;
  tags?: string[];
  /** Number of answers to add, or their bodies. */
  answers?: number | string[];
  /** Scores for the answers, in order (each vote from a different viewer). */
  scores?: number[];
  /** Index of the answer to accept. */
  accept?: number;
  /** Number of comments on the question (each from a different viewer). */
  questionComments?: number;
  /** Number of comments on each answer, in order. */
  answerComments?: number[];
}

interface Fixture {
  demo?: boolean;
  questions?: QuestionFixture[];
}

const [file, json] = process.argv.slice(2);
const fixture = JSON.parse(json ?? '{}') as Fixture;
const db = openDatabase(file);
await migrateToLatest(db);
let tick = Date.parse('2026-01-01T00:00:00.000Z');
const store = new KyselyStore(db, {clock: () => new Date((tick += 60_000))});
const writes = storeWrites(store);
if (fixture.demo) await seedDemo(db);

const made: Record<string, {askerToken: string; answers: {id: string; token: string}[]}> = {};
for (const q of fixture.questions ?? []) {
  const {askerToken} = await writes.createQuestion({
    id: q.id,
    title: q.title ?? `Question ${q.id} for a test`,
    body: q.body ?? 'What would you do?',
    category: q.category,
    tags: q.tags ?? [],
    author: {displayName: 'Asker', points: 10},
  });
  const bodies =
    typeof q.answers === 'number'
      ? Array.from({length: q.answers}, (_, i) => `Answer number ${i + 1} to ${q.id}.`)
      : (q.answers ?? []);
  const answers = [];
  for (const [i, body] of bodies.entries()) {
    const author = await writes.createViewer({points: i});
    const answer = await writes.addPost('answer', q.id, {
      questionId: q.id,
      body,
      authorId: author.id,
      displayName: `Author ${i + 1}`,
    });
    for (let v = 0; v < Math.abs(q.scores?.[i] ?? 0); v++) {
      const voter = await writes.createViewer();
      await writes.setVote(answer.id, voter.id, q.scores![i] > 0 ? 1 : -1);
    }
    for (let c = 0; c < (q.answerComments?.[i] ?? 0); c++) await comment(q.id, answer.id, c);
    answers.push({id: answer.id, token: author.token});
  }
  for (let c = 0; c < (q.questionComments ?? 0); c++) await comment(q.id, q.id, c);
  if (q.accept !== undefined) await writes.setAcceptedAnswer(q.id, answers[q.accept].id);
  made[q.id] = {askerToken, answers};
}
await db.destroy();

async function comment(questionId: string, parentId: string, n: number) {
  const author = await writes.createViewer();
  await writes.addPost('comment', parentId, {
    questionId,
    body: `Comment ${n + 1} on ${parentId}.`,
    authorId: author.id,
    displayName: `Commenter ${n + 1}`,
  });
}
console.log(JSON.stringify(made));
