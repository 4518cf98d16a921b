import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {startServer} from '../support/quanda-server.mjs';
import {httpRequest, mintViewer, write} from './real-http.js';

/** 12,000 characters of `unit`, the most an answer may have. */
const fill = (unit: string) => unit.repeat(Math.ceil(12_000 / unit.length)).slice(0, 11_980);

/**
 * The worst inputs found for the parser and the sanitizer, as answers: some render (each
 * in milliseconds), some are refused as too complex before any rendering.
 */
const WORST = [
  fill('#\n'),
  fill('a\n\n'),
  fill('> a\n'),
  fill('- a\n  - b\n'),
  fill('**a** '),
  fill('[a](https://example.org/a) | '),
  fill('*a_'),
  fill('>'),
];

const READS = 40;
/** A one-minute freeze gives a ratio in the thousands; on a loaded shared machine, 2 to 5. */
const MAX_RATIO = 10;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Another reader's thread read, while writers post the worst inputs as fast as the
 * server takes them, against the same read with the server otherwise idle, on a real
 * server process: judged as a ratio of medians measured in this run, never in absolute
 * time (the machine is shared).
 */
describe('a read while the worst writes arrive', () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  before(async () => {
    server = await startServer({
      fixture: {questions: [{id: 'q', answers: 20}, {id: 'w'}]},
      env: {QUANDA_LIMIT_ANSWERS: '100000/100000', QUANDA_LIMIT_VIEWERS: '1/100000'},
    });
  });
  after(() => server.stop());

  /** Reads the thread one read after the other, `READS` times and until `done()`; each one's ms. */
  async function readTimes(done = () => true): Promise<number[]> {
    const times: number[] = [];
    while (times.length < READS || !done()) {
      const start = performance.now();
      const reply = await httpRequest(`${server.api}/questions/q`);
      times.push(performance.now() - start);
      assert.equal(reply.status, 200);
    }
    return times;
  }

  it('is not held up by them: its median stays within a small ratio of the read alone', async () => {
    await readTimes(); // warm up: the server's first requests compile its queries
    const alone = await readTimes();

    const tokens = await Promise.all([mintViewer(server.api), mintViewer(server.api)]);
    let reading = true;
    const statuses: number[] = [];
    let started!: () => void;
    const underWay = new Promise<void>((resolve) => (started = resolve));
    const writer = async (token: string, offset: number) => {
      for (let n = offset; reading; n += tokens.length) {
        const body = `${WORST[n % WORST.length]}\n\nanswer ${n}`;
        const reply = await write(server.api, 'POST', '/questions/w/answers', {body}, {token});
        statuses.push(reply.status);
        started();
      }
    };
    const writers = tokens.map((token, i) => writer(token, i));
    // The reads start once the writes are going through, and the writes stop when they end.
    await underWay;
    // Every worst input goes through twice while the reads go on.
    const during = await readTimes(() => statuses.length >= 2 * WORST.length);
    reading = false;
    await Promise.all(writers);

    const ratio = median(during) / median(alone);
    console.log(
      `thread read alone: median ${median(alone).toFixed(1)} ms; ` +
        `${during.length} reads during ${statuses.length} worst-input writes: median ${median(during).toFixed(1)} ms, ` +
        `max ${Math.max(...during).toFixed(1)} ms; ratio ${ratio.toFixed(2)}×`,
    );
    assert.deepEqual(new Set(statuses), new Set([201, 400]));
    assert.ok(ratio < MAX_RATIO, `a read took ${ratio.toFixed(1)}× as long during the writes`);
  });
});
