/**
 * Renders posts off the event loop that answers reads. Rendering is bounded
 * (rich-text.ts: refused before parsing when too complex, linear after), but a
 * 12,000-character answer still costs tens of milliseconds on a busy machine, and on the
 * event loop every read that arrives meanwhile waits for it: with writers posting such
 * answers back to back, a thread read took 50 times as long (test/node/latency.test.ts).
 * In worker threads the reads go on; the write waits for its HTML, before its
 * transaction opens.
 *
 * Each job also has a deadline: a source that escaped the bounds and still takes
 * `DEADLINE_MS` ends its worker (a new one takes its place) and is refused as too complex.
 */
import {availableParallelism} from 'node:os';
import {Worker} from 'node:worker_threads';
import {TooComplexError, renderMarkdown} from './rich-text.js';
import type {RenderReply} from './render-worker.js';

/**
 * The worker's code. The server runs its TypeScript through tsx, whose loader a worker
 * thread does not inherit on Node 20: the worker registers it before loading its module.
 */
const WORKER_URL = new URL('./render-worker.ts', import.meta.url).href;
const WORKER = WORKER_URL.endsWith('.ts')
  ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
      .then(({register}) => { register(); return import(${JSON.stringify(WORKER_URL)}); });`
  : `import(${JSON.stringify(WORKER_URL)});`;

/** Far above any render the bounds allow (a few milliseconds, tens on a busy machine). */
export const DEADLINE_MS = 5_000;

interface Job {
  source: string;
  resolve: (html: string) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer?: NodeJS.Timeout;
  answered?: boolean;
}

export class RenderPool {
  readonly #size: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #broken = false;

  /** `size`: workers; by default one per core but one (the event loop keeps that), 1 to 4. */
  constructor(size = Math.max(1, Math.min(4, availableParallelism() - 1))) {
    this.#size = size;
  }

  /** A post's Markdown → its sanitized HTML; rejects with TooComplexError. */
  render(source: string): Promise<string> {
    // Where no worker can start (a runtime without them), render here, as before.
    if (this.#broken) return Promise.resolve().then(() => renderMarkdown(source));
    return new Promise((resolve, reject) => {
      this.#queue.push({source, resolve, reject});
      this.#next();
    });
  }

  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #next() {
    while (this.#queue.length) {
      const slot =
        this.#slots.find((candidate) => !candidate.job) ??
        (this.#slots.length < this.#size ? this.#start() : undefined);
      if (!slot) return;
      const job = this.#queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.#timedOut(slot), DEADLINE_MS);
      slot.worker.ref();
      slot.worker.postMessage(job.source);
    }
  }

  #start(): Slot {
    const worker = new Worker(WORKER, {eval: true});
    const slot: Slot = {worker, job: null};
    worker.unref(); // an idle worker keeps no process alive
    worker.on('message', (reply: RenderReply) => {
      slot.answered = true;
      const job = this.#finish(slot);
      if ('html' in reply) job?.resolve(reply.html);
      else if (reply.tooComplex) job?.reject(new TooComplexError(reply.tooComplex));
      else job?.reject(new Error(reply.error));
      this.#next();
    });
    worker.on('error', () => {
      this.#remove(slot);
      // A worker that never answered could not start (a runtime without them): render
      // here from now on. One that dies on a job refuses that job.
      const job = this.#finish(slot);
      if (!slot.answered) this.#broken = true;
      if (job && this.#broken) this.#queue.unshift(job);
      else job?.reject(new TooComplexError('time'));
      if (this.#broken) this.#drain();
      else this.#next();
    });
    this.#slots.push(slot);
    return slot;
  }

  /** The slot's job, now done: its timer cleared, the worker free again. */
  #finish(slot: Slot): Job | null {
    const {job} = slot;
    clearTimeout(slot.timer);
    slot.job = null;
    slot.worker.unref();
    return job;
  }

  #timedOut(slot: Slot) {
    const job = this.#finish(slot);
    this.#remove(slot);
    void slot.worker.terminate();
    job?.reject(new TooComplexError('time'));
    this.#next();
  }

  #remove(slot: Slot) {
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
  }

  /** No worker could start: what waits renders here. */
  #drain() {
    for (const job of this.#queue.splice(0)) {
      try {
        job.resolve(renderMarkdown(job.source));
      } catch (error) {
        job.reject(error as Error);
      }
    }
  }
}
