/**
 * Valid email syntax, within the length a mailbox can have: the server's check, and the
 * writing forms' before they send. A module of its own so the forms load this one schema,
 * not every request schema (zod schemas cannot be tree-shaken out of a module).
 */
import * as z from 'zod/mini';
import {limits} from './schemas.js';

export const Email = z.email().check(z.maxLength(limits.email));
