// The README's TypeScript example is written to ./example.ts by test/node/consumer.test.ts, verbatim.
import './example.js';

// A thread whose question does not exist: the typed quanda-error event tells the page.
const missing = document.createElement('quanda-thread');
missing.endpoint = '/api';
missing.questionId = 'no-such-question';
missing.addEventListener('quanda-error', (event) => {
  document.body.dataset.missing = event.error.kind;
});
document.body.append(missing);
