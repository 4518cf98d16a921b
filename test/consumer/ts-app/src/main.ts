// The README's TypeScript example is written to ./example.ts by test/node/consumer.test.ts, verbatim.
import type {QuandaVotedEvent} from 'quanda';
import './example.js';

// A thread whose question does not exist: the typed quanda-error event tells the page.
const missing = document.createElement('quanda-thread');
missing.endpoint = '/api';
missing.questionId = 'no-such-question';
missing.addEventListener('quanda-error', (event) => {
  document.body.dataset.missing = event.error.kind;
});
document.body.append(missing);

// Every Quanda event has its own class, and a listener is handed it: not `Event`, not `any`.
missing.addEventListener('quanda-voted', (event) => {
  const voted: QuandaVotedEvent = event;
  // @ts-expect-error the score is a number (were the event untyped, this would compile)
  const wrong: string = voted.detail.score;
  document.body.dataset.voted = `${wrong}`;
});
