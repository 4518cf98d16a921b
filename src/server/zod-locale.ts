/**
 * zod/mini ships without messages ("Invalid input" for everything), which keeps the
 * browser bundle small. The server loads the English ones so the `fields` of its error
 * envelope read well to the developers who see them; readers never do: the widget maps
 * each field and code to its own translated text.
 */
import * as z from 'zod/mini';

z.config({
  ...z.locales.en(),
  // Ids are checked by a pattern; say it in words (the contract carries no message, to
  // keep it out of the browser bundle).
  customError: (issue) =>
    issue.code === 'invalid_format' &&
    issue.format === 'regex' &&
    issue.pattern === '/^[A-Za-z0-9][A-Za-z0-9_-]*$/'
      ? 'Use letters, digits, "-" and "_" only'
      : undefined,
});
