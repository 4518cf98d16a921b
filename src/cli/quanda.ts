#!/usr/bin/env node
/**
 * quanda: the package's command line (`npx quanda …`), and in a checkout of Quanda
 * `npm run quanda -- …`, the same program.
 *
 *   conformance <endpoint> [--read-only] [--question id] [--admin-token t]
 *               [--moderator-token t] [--json]
 *       Checks that the backend at <endpoint> keeps the Quanda contract (docs/conformance.md).
 *       Tokens may also come from QUANDA_ADMIN_TOKEN and QUANDA_MODERATOR_TOKEN.
 *
 * The reference server's own commands (question create, migrate, seed, mail-sink) run from a
 * checkout of Quanda, where the server is: see `npm run quanda -- --help` there.
 */
import {parseArgs} from 'node:util';
import * as z from 'zod/mini';
import {runConformance} from '../conformance/suite.js';
import type {CheckResult} from '../conformance/suite.js';

const USAGE = `Usage: quanda conformance <endpoint> [--read-only] [--question id]
                          [--admin-token token] [--moderator-token token] [--json]`;

async function conformance(args: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'read-only': {type: 'boolean'},
      question: {type: 'string'},
      'admin-token': {type: 'string'},
      'moderator-token': {type: 'string'},
      json: {type: 'boolean'},
    },
  });
  const endpoint = positionals[0];
  if (!endpoint || !/^https?:\/\//.test(endpoint)) {
    console.error(`${USAGE}\n\n<endpoint> is the API root, such as http://127.0.0.1:8787/api`);
    return 2;
  }
  // Readable messages for the contract's checks (the widget ships without them).
  z.config(z.locales.en());
  const print = (result: CheckResult) => {
    if (values.json) return;
    const mark = {pass: 'ok  ', fail: 'FAIL', skip: 'skip'}[result.outcome];
    console.log(`${mark} ${result.operation}: ${result.check}`);
    if (result.detail) console.log(`       ${result.detail}`);
  };
  if (!values.json)
    console.log(`Quanda conformance: ${endpoint}${values['read-only'] ? ' (read-only)' : ''}\n`);
  const results = await runConformance({
    endpoint,
    readOnly: values['read-only'],
    question: values.question,
    adminToken: values['admin-token'] ?? process.env['QUANDA_ADMIN_TOKEN'],
    moderatorToken: values['moderator-token'] ?? process.env['QUANDA_MODERATOR_TOKEN'],
    onResult: print,
  });
  const count = (outcome: CheckResult['outcome']) =>
    results.filter((result) => result.outcome === outcome).length;
  if (values.json) console.log(JSON.stringify(results, null, 2));
  else console.log(`\n${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
  return count('fail') ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'conformance') return conformance(rest);
  if (!command || command === '--help' || command === '-h') console.log(`${USAGE}\n`);
  // Everything else is the reference server's, present only in a checkout of Quanda. (A
  // computed name, so the published command line is built without the server.)
  const server = '../server/cli.js';
  try {
    await import(server);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if ((error as {code?: string}).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.error(
      `${USAGE}\n\n"${argv.join(' ')}" needs the reference server: run it from a checkout of Quanda.`,
    );
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
