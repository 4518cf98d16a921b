/** Browser-side handles on the real servers the wtr plugin starts (see wtr-plugins.mjs). */
import {executeServerCommand} from '@web/test-runner-commands';

export interface QuandaServer {
  url: string;
  /** The API root, for `endpoint`. */
  api: string;
  adminToken: string;
  fixture: Record<string, {askerToken: string; answers: {id: string; token: string}[]}> | null;
}

export interface QuestionFixture {
  id: string;
  title?: string;
  body?: string;
  category?: string;
  tags?: string[];
  answers?: number | string[];
  scores?: number[];
  accept?: number;
}

/** A fresh reference server on a fresh database, optionally seeded or given fixtures. */
export function startQuandaServer(
  options: {seed?: boolean; fixture?: {demo?: boolean; questions?: QuestionFixture[]}} = {},
) {
  return executeServerCommand<QuandaServer, typeof options>('quanda-server-start', options);
}

export function stopQuandaServers() {
  return executeServerCommand<boolean, undefined>('quanda-server-stop');
}

export interface MisbehavingServer {
  url: string;
  /** A port with nothing listening. */
  closedUrl: string;
  modes: string[];
}

export function misbehavingServer() {
  return executeServerCommand<MisbehavingServer, undefined>('misbehaving-server');
}
