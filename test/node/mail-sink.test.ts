import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import nodemailer from 'nodemailer';
import {runTs} from '../support/quanda-server.mjs';

/** `npm run quanda -- mail-sink`, as a site owner runs it to see Quanda's mails. */
describe('npm run quanda -- mail-sink', () => {
  const child = runTs('src/cli/quanda.ts', ['mail-sink', '--smtp-port', '0', '--web-port', '0']);
  let out = '';
  const waiting = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (data: Buffer) => {
      out += String(data);
      for (const check of waiting) check();
    });
  }
  /** Resolves once the sink has printed what `pattern` matches. */
  const printed = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(out);
        if (!match) return;
        waiting.delete(check);
        resolve(match);
      };
      waiting.add(check);
      check();
      child.once('exit', (code) => reject(new Error(`mail-sink exited (${code}):\n${out}`)));
    });
  let smtp = '';
  let page = '';

  before(async () => {
    const started = await printed(/receiving at (smtp:\/\/\S+), listing at (http:\/\/\S+)/);
    [, smtp, page] = started as unknown as [string, string, string];
  });
  after(() => {
    child.kill('SIGTERM');
  });

  it('prints each mail it gets, and lists it on its page', async () => {
    const transport = nodemailer.createTransport(smtp);
    await transport.sendMail({
      from: 'Quanda <qa@example.org>',
      to: 'reader@example.org',
      subject: 'A new answer to your question on blog.example.org',
      text: 'A new answer to “Is it normal?”:\n\n> Yes, and here is why.',
      html: '<p>A new answer to “Is it normal?”:</p><blockquote>Yes, and here is why.</blockquote>',
      headers: {'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'},
    });
    transport.close();
    await printed(
      /Subject: A new answer to your question on blog\.example\.org[\s\S]*> Yes, and here is why\./,
    );
    assert.match(out, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    const listing = await (await fetch(page)).text();
    assert.match(listing, /1 mails received/);
    assert.match(listing, /1\. A new answer to your question on blog\.example\.org/);
    const html = await (await fetch(new URL('1.html', page))).text();
    assert.match(html, /<blockquote>Yes, and here is why\.<\/blockquote>/);
  });
});
