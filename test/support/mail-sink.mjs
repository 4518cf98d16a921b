// @ts-check
/**
 * A real SMTP server on loopback for the browser tests (through the web-test-runner
 * plugin, `mail-sink-start` / `mail-sink-mails`): a reference server started with
 * `QUANDA_SMTP_URL` at it sends its mail here, and the test reads what arrived. The same
 * packages as src/server/mail/sink.ts (which the Node tests use), in plain JavaScript,
 * since the plugin runs without TypeScript.
 */
import {simpleParser} from 'mailparser';
import {SMTPServer} from 'smtp-server';

/** @typedef {{to: string[], subject: string, text: string}} ReceivedMail */

export async function startMailSink() {
  /** @type {ReceivedMail[]} */
  const mails = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'], // plain loopback: no TLS in tests
    onData(stream, session, done) {
      simpleParser(stream).then((parsed) => {
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
        });
        done();
      }, done);
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.server.address());
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mails,
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
