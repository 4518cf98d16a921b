import {resolve} from 'node:path';

/** Everything the reference server reads from its environment, with defaults for `npm start`. */
export interface ServerConfig {
  /** Port to listen on (`PORT`, default 8787; 0 picks a free one). */
  port: number;
  /** Address to listen on (`HOST`, default 127.0.0.1; `0.0.0.0` to serve a network). */
  host: string;
  /** SQLite file (`QUANDA_DB`, default ./data/quanda.db). */
  database: string;
  /** Bearer token for the site owner's API (`QUANDA_ADMIN_TOKEN`); unset turns that API off. */
  adminToken: string | null;
  /**
   * Origins whose pages may embed the widget (`QUANDA_ALLOWED_ORIGINS`, comma separated,
   * `*` for any). Pages on localhost and on the server's own origin are always allowed.
   */
  allowedOrigins: string[] | '*';
  /** Seed the demo thread into an empty database (`QUANDA_SEED=0` to skip). */
  seed: boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env['PORT'] ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env['PORT']}"`);
  }
  const origins = (env['QUANDA_ALLOWED_ORIGINS'] ?? '').trim();
  return {
    port,
    host: env['HOST'] || '127.0.0.1',
    database: resolve(env['QUANDA_DB'] || 'data/quanda.db'),
    adminToken: env['QUANDA_ADMIN_TOKEN'] || null,
    allowedOrigins:
      origins === '*'
        ? '*'
        : origins
            .split(',')
            .map((origin) => origin.trim().replace(/\/+$/, ''))
            .filter(Boolean),
    seed: env['QUANDA_SEED'] !== '0',
  };
}
