import type {Kysely} from 'kysely';
import type {DB} from './db/database.js';
import {changeBody, createQuestion, insertPost} from './domain/posts.js';
import type {Repository} from './domain/repository.js';
import {setBestAnswer, vote} from './domain/votes.js';
import {KyselyStore} from './store.js';

/** The demo article's question id: `<quanda-thread question-id="therapist-confidentiality">`. */
export const DEMO_QUESTION_ID = 'therapist-confidentiality';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

interface SeedAnswer {
  name: string | null;
  points?: number;
  body: string;
  ago: number;
  votes: number[];
  accepted?: boolean;
}

const question = {
  title: 'Why are therapists so secretive about their clients and what their work involves?',
  category: 'Psychotherapy',
  tags: ['therapy', 'confidentiality', 'ethics'],
  name: 'Maya R.',
  points: 6450,
  body: `My sister has been seeing a therapist for a year. When I asked the therapist (whom I know socially) how she was doing, I got a polite but firm "I can't talk about that". Even when I ask friends who are therapists about their work in general, they get vague.

I'm not trying to pry. I just wonder why the whole profession is so closed. Is it a legal thing, a habit, or something about how therapy works?`,
  edit: `My sister has been seeing a therapist for a year. When I asked the therapist (whom I know socially) how she was doing, I got a polite but firm "I can't talk about that". Even when I ask friends who are therapists about their work in general, they get vague.

I'm not trying to pry, and I'm not worried about my sister. I just wonder why the whole profession is so closed. Is it a legal thing, a habit, or something about how therapy works?`,
};

const answers: SeedAnswer[] = [
  {
    name: 'Jonas Lindqvist',
    points: 1240,
    ago: 2 * DAY + 5 * HOUR,
    votes: [1, 1],
    accepted: true,
    body: `What looks like secrecy from the outside is **confidentiality**, and it is the thing that makes therapy work at all. A few reasons it matters so much:

1. **Trust and safety.** People bring things to therapy they have never said aloud. They only do that if they are certain it goes nowhere else.
2. **Openness.** The more someone holds back, the less a therapist can help. Knowing the room is private is what lets people say the embarrassing, frightening or shameful part.
3. **Legal and ethical duties.** Professional codes and, in most countries, the law oblige therapists to keep what they hear private. Breaking that can cost them their licence.
4. **Autonomy.** It is the client's story. Whether your sister tells you about her therapy is _her_ decision, not the therapist's.
5. **Stigma.** Even today, being in therapy can affect how people are treated at work or in their family. Not confirming who is a client protects them.
6. **Boundaries.** A therapist who chats about clients, even kindly, blurs the line between the therapy room and the rest of life, and clients notice.

That is also why your friends stay vague about their work in general: small details add up, and in a small town a "harmless" anecdote can identify someone.

There are exceptions, and good therapists explain them at the first session:

- a serious risk that the client will harm themselves or someone else;
- abuse or neglect of a child or a vulnerable adult;
- a court order requiring records or testimony.

Outside those, silence is the job done well.`,
  },
  {
    name: 'Dr. Amara Okafor',
    points: 3870,
    ago: 2 * DAY + 20 * HOUR,
    votes: [1, 1, 1, 1],
    body: `I'm a clinical psychologist. Even saying "yes, she's my client" would break confidentiality, which is why the therapist you know would not tell you anything, not even how she's doing.

Please don't read it as coldness. It's the same protection you would get if you went.`,
  },
  {
    name: null,
    ago: 1 * DAY + 3 * HOUR,
    votes: [1],
    body: `Speaking as a client: knowing that my therapist would never mention me, even to people we both know, is the only reason I could talk about my marriage at all.

It took me months to believe it. I'm glad they are this strict.`,
  },
  {
    name: 'Theo',
    points: 85,
    ago: 20 * HOUR,
    votes: [],
    body: `Therapists do talk about their work, just not with friends. They discuss cases with a supervisor or a consultation group, with names and details removed. That's where the talking happens, and it keeps the care good.`,
  },
  {
    name: 'quietriver',
    points: 12,
    ago: 6 * HOUR,
    votes: [1, -1, -1],
    body: `It can feel like a wall from the family side, though. When my dad was in treatment, nobody told us anything and we had no idea how to help.

If you want to be involved, ask your sister whether she'd like a joint session. Then it's her call, and the therapist can talk openly.`,
  },
];

/**
 * Seeds the demo blog's thread (its answers in Markdown, as readers write them), through the
 * same rules' effects the API's writes end in (domain/), on a clock set back in time so the
 * thread reads naturally ("asked 3 days ago"). Returns false, changing nothing, if the
 * thread is already there.
 */
export async function seedDemo(db: Kysely<DB>, now = Date.now()): Promise<boolean> {
  const exists = await db
    .selectFrom('posts')
    .select('id')
    .where('id', '=', DEMO_QUESTION_ID)
    .executeTakeFirst();
  if (exists) return false;

  let at = now - 3 * DAY;
  const store = new KyselyStore(db, {clock: () => new Date(at)});
  const {question: created} = await store.transaction((tx) =>
    createQuestion(tx, {
      id: DEMO_QUESTION_ID,
      title: question.title,
      body: question.body,
      category: question.category,
      tags: question.tags,
      author: {displayName: question.name, points: question.points},
    }),
  );

  at = now - 2 * DAY - 2 * HOUR;
  await store.transaction(async (tx) => {
    const asked = (await tx.postFacts(created.id))!;
    await changeBody(tx, asked, {
      body: question.edit,
      editorId: asked.authorId!,
      editorName: question.name,
    });
    for (let i = 0; i < 11; i++) await voteAsNewViewer(tx, created.id, 1);
  });

  for (const answer of answers) {
    at = now - answer.ago;
    await store.transaction(async (tx) => {
      const author = await tx.createViewer({points: answer.points});
      const posted = await insertPost(tx, 'answer', created.id, {
        questionId: created.id,
        body: answer.body,
        authorId: author.id,
        displayName: answer.name,
      });
      for (const value of answer.votes) await voteAsNewViewer(tx, posted.id, value as 1 | -1);
      if (answer.accepted) await setBestAnswer(tx, created.id, posted.id);
    });
  }
  return true;
}

async function voteAsNewViewer(tx: Repository, postId: string, value: 1 | -1) {
  const voter = await tx.createViewer();
  await vote(tx, postId, voter.id, value);
}
