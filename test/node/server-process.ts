import {runTs} from '../support/quanda-server.mjs';

/** A server process whose output a test can wait on, line by line. */
export function spawnServer(env: Record<string, string>) {
  const child = runTs('src/server/main.ts', [], {PORT: '0', QUANDA_SEED: '0', ...env});
  let output = '';
  const waiters: {pattern: RegExp; resolve: (match: RegExpMatchArray) => void}[] = [];
  const onData = (data: Buffer) => {
    output += String(data);
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(output);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    exited,
    get output() {
      return output;
    },
    /** Resolves with the first match of `pattern` in what the server printed. */
    waitFor(pattern: RegExp) {
      const match = pattern.exec(output);
      if (match) return Promise.resolve(match);
      return new Promise<RegExpMatchArray>((resolve) => waiters.push({pattern, resolve}));
    },
  };
}
