// Loaded before every browser test file (see web-test-runner.config.mjs).
// Lit's dev-mode notice is expected in tests; every other Lit warning (a property set
// during update, a class field shadowing an accessor, two copies of Lit...) fails the run.
globalThis.litIssuedWarnings = new Set(['dev-mode']);
const warn = console.warn.bind(console);
console.warn = (...args) => {
  warn(...args);
  if (String(args[0]).includes('lit.dev/msg/')) {
    throw new Error(`Lit warning: ${String(args[0])}`);
  }
};
