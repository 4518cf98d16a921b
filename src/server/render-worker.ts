/**
 * A worker thread of the render pool (render-pool.ts): Markdown in, sanitized HTML out,
 * one post at a time.
 */
import {parentPort} from 'node:worker_threads';
import {TooComplexError, renderMarkdown} from './rich-text.js';
import type {TooComplex} from './rich-text.js';

export type RenderReply =
  {html: string} | {tooComplex: TooComplex} | {tooComplex?: never; error: string};

parentPort?.on('message', (source: string) => {
  let reply: RenderReply;
  try {
    reply = {html: renderMarkdown(source)};
  } catch (error) {
    reply =
      error instanceof TooComplexError
        ? {tooComplex: error.reason}
        : {error: error instanceof Error ? error.message : 'render failed'};
  }
  parentPort!.postMessage(reply);
});
