// Loaded before every browser test file (see web-test-runner.config.mjs).
import {useDatabaseName} from '../../src/storage/names.js';

// Lit's dev-mode notice is expected in tests; every other Lit warning (a property set
// during update, a class field shadowing an accessor, two copies of Lit...) fails the run.
(globalThis as {litIssuedWarnings?: Set<string>}).litIssuedWarnings = new Set(['dev-mode']);
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  warn(...args);
  if (String(args[0]).includes('lit.dev/msg/')) {
    throw new Error(`Lit warning: ${String(args[0])}`);
  }
};

// Test files run two at a time, in pages of one origin sharing one profile: each page gets
// a Quanda database of its own, so drafts, queued posts and cached threads written by one
// file (and the localStorage and BroadcastChannel names derived from the database name)
// never reach another.
useDatabaseName(`quanda-test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
