/**
 * Valid email syntax, within the length a mailbox can have: the server's check, and the
 * writing forms' before they send. A module of its own so the forms load this one schema,
 * not every request schema (zod schemas cannot be tree-shaken out of a module).
 *
 * zod's own email pattern, as `z.email()` uses it, through the `regex` check the contract
 * already uses: `z.email()` would bring its string-format class into the first load (the
 * bundler keeps zod's schemas in one place), for the same test.
 */
import * as z from 'zod/mini';
import {limits} from './schemas.js';

export const Email = z
  .string()
  .check(z.maxLength(limits.email), z.regex(z.regexes.email, 'Invalid email address'));
