import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
// The README's React example, written to ./Questions.tsx by test/node/consumer.test.ts, verbatim.
import {Questions} from './Questions.js';

const articleId = new URLSearchParams(location.search).get('q') ?? 'therapist-confidentiality';
createRoot(document.querySelector('main')!).render(
  <StrictMode>
    <Questions articleId={articleId} />
  </StrictMode>,
);
