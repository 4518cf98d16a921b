import {resolve} from 'node:path';
import {isPostgresUrl} from './db/target.js';

/** Writes with an hourly limit per viewer and per IP address. */
export type LimitedAction = 'answers' | 'comments' | 'votes' | 'flags' | 'edits' | 'viewers';

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
    rateLimits: rateLimitsFromEnv(env),
    ipKey: env['QUANDA_IP_KEY'] || null,
    trustProxy: proxiesFromEnv(env['QUANDA_TRUST_PROXY']),
  };
}

function databaseFromEnv(value = ''): string {
  const target = value.trim();
  return isPostgresUrl(target) ? target : resolve(target || 'data/quanda.db');
}

/** A whole number of at least `min` from the environment, or the default when unset. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, not "${value}"`);
  }
  return number;
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
