/**
 * A local SMTP server that keeps what it receives: `npm run quanda -- mail-sink` for a site
 * owner to see Quanda's mails (each printed, and listed on a local page), and the tests'
 * real SMTP server on loopback, which can also refuse or drop on purpose.
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {simpleParser} from 'mailparser';
import type {ParsedMail} from 'mailparser';
import {SMTPServer} from 'smtp-server';
import type {SMTPServerSession} from 'smtp-server';

/** A received mail: parsed, with its raw header lines. */
export interface SunkMail {
  parsed: ParsedMail;
  /** Each header as sent, such as `List-Unsubscribe: <https://…>`. */
  headerLines: string[];
  to: string[];
  receivedAt: number;
}

/**
 * What the sink does with the nth message it reads (from 1): accept it, refuse it with an
 * SMTP code (451 "try later", 550 "no"), or `drop`: keep it as accepted, then cut the
 * connection before the reply reaches the sender (the one case where SMTP cannot tell the
 * sender that its mail arrived).
 */
export type SinkAnswer = 'accept' | 'drop' | {code: number; message: string};

export interface SinkOptions {
  port?: number;
  host?: string;
  answer?: (n: number) => SinkAnswer;
  /** Before the recipient is accepted: a test can hold a session here (to stop a sender mid-send). */
  onRecipient?: (session: SMTPServerSession) => Promise<void> | void;
  onMail?: (mail: SunkMail) => void;
}

export interface MailSink {
  port: number;
  url: string;
  mails: SunkMail[];
  /** Messages read so far, accepted or not. */
  attempts: () => number;
  /** Resolves once `count` mails have been kept. */
  received(count: number): Promise<SunkMail[]>;
  close(): Promise<void>;
}

export async function startMailSink(options: SinkOptions = {}): Promise<MailSink> {
  const mails: SunkMail[] = [];
  const waiting: {count: number; resolve: (mails: SunkMail[]) => void}[] = [];
  let attempts = 0;
  const keep = (mail: SunkMail) => {
    mails.push(mail);
    options.onMail?.(mail);
    for (const wait of waiting.filter((wait) => mails.length >= wait.count)) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve(mails.slice());
    }
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'], // loopback only: no TLS
    logger: false,
    onAuth: (_auth, _session, done) => done(null, {user: 'local'}),
    onRcptTo(_address, session, done) {
      Promise.resolve(options.onRecipient?.(session)).then(
        () => done(),
        (error: Error) => done(error),
      );
    },
    onData(stream, session, done) {
      const n = ++attempts;
      simpleParser(stream, {keepCidLinks: true}).then(
        (parsed) => {
          const answer = options.answer?.(n) ?? 'accept';
          if (typeof answer === 'object') {
            done(Object.assign(new Error(answer.message), {responseCode: answer.code}));
            return;
          }
          keep({
            parsed,
            headerLines: parsed.headerLines.map((header) => header.line),
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            receivedAt: Date.now(),
          });
          if (answer === 'drop') {
            // Kept, but the sender never hears "250 OK".
            connectionOf(server, session)?.destroy();
            return;
          }
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined); // a dropped connection is what some tests want
  const {port} = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    attempts: () => attempts,
    received(count) {
      if (mails.length >= count) return Promise.resolve(mails.slice());
      return new Promise((resolve) => waiting.push({count, resolve}));
    },
    close: () => {
      // Without this, the server waits for the sender's pooled connections to time out.
      for (const connection of connectionsOf(server)) connection._socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The open connections (smtp-server keeps them, but does not type them). */
function connectionsOf(server: SMTPServer): {id: string; _socket: {destroy(): void}}[] {
  const {connections} = server as unknown as {
    connections?: Set<{id: string; _socket: {destroy(): void}}>;
  };
  return [...(connections ?? [])];
}

/** The socket of a session, to cut it. */
function connectionOf(server: SMTPServer, session: SMTPServerSession) {
  return connectionsOf(server).find((connection) => connection.id === session.id)?._socket;
}

/** A mail as the terminal shows it: its headers that matter, then its text part. */
export function describeMail(mail: SunkMail): string {
  const wanted = /^(from|to|subject|date|message-id|list-unsubscribe(-post)?|auto-submitted):/i;
  const headers = mail.headerLines.filter((line) => wanted.test(line));
  return [...headers, '', (mail.parsed.text ?? '').trimEnd()].join('\n');
}

/**
 * `npm run quanda -- mail-sink`: receives on `smtpPort`, prints each mail, and lists them
 * at http://127.0.0.1:<webPort>/ (newest first, text and HTML parts). Resolves when it is
 * listening, with what to point QUANDA_SMTP_URL at.
 */
export async function runMailSink({smtpPort = 2525, webPort = 2580} = {}) {
  const sink = await startMailSink({
    port: smtpPort,
    onMail: (mail) => console.log(`\n──── mail ${sink.mails.length} ────\n${describeMail(mail)}`),
  });
  const web = createServer((request, response) => {
    const index = /^\/(\d+)\.html$/.exec(request.url ?? '');
    response.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'",
    );
    response.setHeader('Cache-Control', 'no-store');
    if (index) {
      const mail = sink.mails[Number(index[1]) - 1];
      response.writeHead(mail ? 200 : 404, {'content-type': 'text/html; charset=utf-8'});
      response.end(
        mail ? (typeof mail.parsed.html === 'string' ? mail.parsed.html : '') : 'No such mail',
      );
      return;
    }
    const items = sink.mails
      .map((mail, i) => ({mail, n: i + 1}))
      .reverse()
      .map(
        ({mail, n}) =>
          `<article><h2>${n}. ${escapeHtml(mail.parsed.subject ?? '')}</h2><pre>${escapeHtml(describeMail(mail))}</pre><p><a href="/${n}.html">HTML part</a></p></article>`,
      )
      .join('');
    response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
    response.end(
      `<!doctype html><meta charset="utf-8"><title>Quanda mail sink</title><body style="font-family:system-ui;max-width:60em;margin:auto"><h1>Quanda mail sink</h1><p>${sink.mails.length} mails received. Reload to see new ones.</p>${items}</body>`,
    );
  });
  await new Promise<void>((resolve) => web.listen(webPort, '127.0.0.1', resolve));
  const webAddress = web.address() as AddressInfo;
  return {
    sink,
    smtpUrl: sink.url,
    page: `http://127.0.0.1:${webAddress.port}/`,
    close: async () => {
      web.close();
      await sink.close();
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[char]!,
  );
}
