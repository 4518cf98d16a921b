import {resolve} from 'node:path';
import * as z from 'zod/mini';
import {Email} from '../api/email.js';
import {isPostgresUrl} from './db/target.js';

/** Writes with an hourly limit per viewer and per IP address. */
export type LimitedAction =
  'questions' | 'answers' | 'comments' | 'votes' | 'flags' | 'edits' | 'viewers';

/** Hourly limits of one kind of write: per viewer, and per IP address (all viewers behind it). */
export interface HourlyLimit {
  viewer: number;
  ip: number;
}

export type RateLimits = Record<LimitedAction, HourlyLimit>;

/**
 * Question2Answer's defaults. New viewers are limited per IP address only: minting one
 * is how an anonymous reader starts, and a flood of them is how a script would start.
 */
export const defaultRateLimits: RateLimits = {
  questions: {viewer: 10, ip: 20},
  answers: {viewer: 25, ip: 50},
  comments: {viewer: 20, ip: 40},
  votes: {viewer: 300, ip: 600},
  flags: {viewer: 5, ip: 10},
  edits: {viewer: 50, ip: 100},
  viewers: {viewer: 1, ip: 100},
};

/** Everything the reference server reads from its environment, with defaults for `npm start`. */
export interface ServerConfig {
  /** Port to listen on (`PORT`, default 8787; 0 picks a free one). */
  port: number;
  /** Address to listen on (`HOST`, default 127.0.0.1; `0.0.0.0` to serve a network). */
  host: string;
  /**
   * The database (`QUANDA_DB`): a `postgres://` or `postgresql://` URL for PostgreSQL, or
   * a SQLite file (default ./data/quanda.db).
   */
  database: string;
  /**
   * PostgreSQL's connections (`QUANDA_DB_POOL`, default 10), the requests that may wait
   * for one when all are busy (`QUANDA_DB_QUEUE`, default 1000) and how long they wait
   * (`QUANDA_DB_QUEUE_TIMEOUT`, seconds, default 10) before a 503.
   */
  pool: {size: number; queue: number; queueTimeoutMs: number};
  /** Tries to reach the database at start, a few seconds apart (`QUANDA_DB_CONNECT_ATTEMPTS`, default 10). */
  connectAttempts: number;
  /** Bearer token for the site owner's API (`QUANDA_ADMIN_TOKEN`); unset turns that API off. */
  adminToken: string | null;
  /** Bearer token for the moderation API (`QUANDA_MODERATOR_TOKEN`); unset turns it off. */
  moderatorToken: string | null;
  /**
   * Origins whose pages may embed the widget (`QUANDA_ALLOWED_ORIGINS`, comma separated,
   * `*` for any). Pages on localhost and on the server's own origin are always allowed.
   */
  allowedOrigins: string[] | '*';
  /** Seed the demo thread into an empty database (`QUANDA_SEED=0` to skip). */
  seed: boolean;
  /** Flags that hide a post until a moderator looks (`QUANDA_FLAG_THRESHOLD`, default 3). */
  flagThreshold: number;
  /** New answers and comments wait for a moderator (`QUANDA_PREMODERATE=1`; default off). */
  premoderate: boolean;
  /** Who may ask on a board (`QUANDA_ASK`): `anyone` (the default) or `nobody` (answers only). */
  ask: 'anyone' | 'nobody';
  /** Readers' new questions wait for a moderator (`QUANDA_PREMODERATE_QUESTIONS=1`; default off). */
  premoderateQuestions: boolean;
  /** Hourly write limits (`QUANDA_LIMIT_ANSWERS=25/50`: per viewer / per IP; and so on). */
  rateLimits: RateLimits;
  /**
   * Key for hashing IP addresses (`QUANDA_IP_KEY`); unset, one is generated once and kept
   * in the database, so every process sharing it hashes alike.
   */
  ipKey: string | null;
  /**
   * How many reverse proxies stand in front of the server (`QUANDA_TRUST_PROXY`, default 0).
   * With N, the client's address is the Nth entry from the end of `X-Forwarded-For` (the
   * one the outermost proxy saw), and only if it is a valid IP address. Anyone who can
   * reach the server directly can write that header: set it only when they cannot.
   */
  trustProxy: number;
  /** Notification mail; null when `QUANDA_SMTP_URL` is unset, and then nothing about mail is offered. */
  mail: MailConfig | null;
}

/** How the server sends notification mail (docs/server.md, Configuration). */
export interface MailConfig {
  /** Where mail goes (`QUANDA_SMTP_URL`: `smtp://user:pass@host:587`, `smtps://…` for TLS from the start). */
  smtpUrl: string;
  /** The From address (`QUANDA_MAIL_FROM`), such as `Quanda <qa@example.org>`. */
  from: string;
  /** This server's public base URL (`QUANDA_PUBLIC_URL`), for the confirm and unsubscribe links. */
  publicUrl: string;
  /** Addresses told about posts that wait for approval or were hidden by flags (`QUANDA_MODERATOR_EMAILS`). */
  moderators: string[];
  /** Later mails about the same post within this many seconds go out as one (`QUANDA_MAIL_BATCH_SECONDS`, 300). */
  batchSeconds: number;
  /** Days an unconfirmed address and its mails are kept (`QUANDA_MAIL_UNCONFIRMED_DAYS`, 7). */
  unconfirmedDays: number;
  /** Seconds a sender holds mails it claimed before another may take them over (`QUANDA_MAIL_LEASE_SECONDS`, 120). */
  leaseSeconds: number;
  /** First wait after a temporary failure, doubling up to 15 minutes (`QUANDA_MAIL_RETRY_SECONDS`, 30). */
  retrySeconds: number;
}

/** Flags from different readers that hide a post until a moderator looks. */
export const DEFAULT_FLAG_THRESHOLD = 3;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env['PORT'] ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env['PORT']}"`);
  }
  const origins = (env['QUANDA_ALLOWED_ORIGINS'] ?? '').trim();
  const flagThreshold = Number(env['QUANDA_FLAG_THRESHOLD'] || DEFAULT_FLAG_THRESHOLD);
  if (!Number.isInteger(flagThreshold) || flagThreshold < 1) {
    throw new Error(
      `QUANDA_FLAG_THRESHOLD must be a whole number of at least 1, not "${env['QUANDA_FLAG_THRESHOLD']}"`,
    );
  }
  return {
    port,
    host: env['HOST'] || '127.0.0.1',
    database: databaseFromEnv(env['QUANDA_DB']),
    pool: {
      size: wholeNumber(env, 'QUANDA_DB_POOL', 10, 1),
      queue: wholeNumber(env, 'QUANDA_DB_QUEUE', 1000, 0),
      queueTimeoutMs: wholeNumber(env, 'QUANDA_DB_QUEUE_TIMEOUT', 10, 1) * 1000,
    },
    connectAttempts: wholeNumber(env, 'QUANDA_DB_CONNECT_ATTEMPTS', 10, 1),
    adminToken: env['QUANDA_ADMIN_TOKEN'] || null,
    moderatorToken: env['QUANDA_MODERATOR_TOKEN'] || null,
    allowedOrigins:
      origins === '*'
        ? '*'
        : origins
            .split(',')
            .map((origin) => origin.trim().replace(/\/+$/, ''))
            .filter(Boolean),
    seed: env['QUANDA_SEED'] !== '0',
    flagThreshold,
    premoderate: env['QUANDA_PREMODERATE'] === '1',
    ask: askFromEnv(env['QUANDA_ASK']),
    premoderateQuestions: env['QUANDA_PREMODERATE_QUESTIONS'] === '1',
    rateLimits: rateLimitsFromEnv(env),
    ipKey: env['QUANDA_IP_KEY'] || null,
    trustProxy: proxiesFromEnv(env['QUANDA_TRUST_PROXY']),
    mail: mailFromEnv(env, port),
  };
}

function mailFromEnv(env: NodeJS.ProcessEnv, port: number): MailConfig | null {
  const smtpUrl = env['QUANDA_SMTP_URL']?.trim();
  if (!smtpUrl) return null;
  let smtp: URL;
  try {
    smtp = new URL(smtpUrl);
  } catch {
    throw new Error(
      'QUANDA_SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587',
    );
  }
  // Never echo the URL: it may hold the SMTP password.
  if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:')
    throw new Error('QUANDA_SMTP_URL must start with smtp:// or smtps://');
  const publicUrl = (
    env['QUANDA_PUBLIC_URL']?.trim() || `http://localhost:${port || 8787}`
  ).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(publicUrl))
    throw new Error(`QUANDA_PUBLIC_URL must be this server's http(s) address, not "${publicUrl}"`);
  const from = env['QUANDA_MAIL_FROM']?.trim() || `Quanda <quanda@${new URL(publicUrl).hostname}>`;
  if (/[\r\n]/.test(from)) throw new Error('QUANDA_MAIL_FROM must be one line');
  const moderators = (env['QUANDA_MODERATOR_EMAILS'] ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  for (const address of moderators) {
    if (!z.safeParse(Email, address).success)
      throw new Error('QUANDA_MODERATOR_EMAILS must be email addresses separated by commas');
  }
  return {
    smtpUrl,
    from,
    publicUrl,
    moderators,
    batchSeconds: wholeNumber(env, 'QUANDA_MAIL_BATCH_SECONDS', 300, 0, 86_400),
    unconfirmedDays: wholeNumber(env, 'QUANDA_MAIL_UNCONFIRMED_DAYS', 7, 1, 365),
    leaseSeconds: wholeNumber(env, 'QUANDA_MAIL_LEASE_SECONDS', 120, 1, 3600),
    retrySeconds: wholeNumber(env, 'QUANDA_MAIL_RETRY_SECONDS', 30, 1, 3600),
  };
}

function databaseFromEnv(value = ''): string {
  const target = value.trim();
  return isPostgresUrl(target) ? target : resolve(target || 'data/quanda.db');
}

/**
 * A whole number of at least `min` (and at most `max`) from the environment, or the default
 * when unset; anything else stops the server.
 */
function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max = Infinity,
): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(
      max === Infinity
        ? `${name} must be a whole number of at least ${min}, not "${value}"`
        : `${name} must be a whole number from ${min} to ${max}, not "${value}"`,
    );
  }
  return number;
}

function askFromEnv(value = ''): 'anyone' | 'nobody' {
  const ask = value.trim() || 'anyone';
  if (ask !== 'anyone' && ask !== 'nobody') {
    throw new Error(`QUANDA_ASK must be "anyone" or "nobody", not "${value}"`);
  }
  return ask;
}

function proxiesFromEnv(value = '0'): number {
  const proxies = Number(value.trim() || 0);
  if (!Number.isInteger(proxies) || proxies < 0 || proxies > 10) {
    throw new Error(
      `QUANDA_TRUST_PROXY must be the number of reverse proxies in front of the server (0 to 10), not "${value}"`,
    );
  }
  return proxies;
}

function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const limits = structuredClone(defaultRateLimits);
  for (const action of Object.keys(limits) as LimitedAction[]) {
    const name = `QUANDA_LIMIT_${action.toUpperCase()}`;
    const value = env[name];
    if (!value) continue;
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
    if (!match)
      throw new Error(`${name} must read "per viewer/per IP", such as "25/50", not "${value}"`);
    limits[action] = {viewer: Number(match[1]), ip: Number(match[2])};
  }
  return limits;
}
