import {randomUUID} from 'node:crypto';
import {request} from 'node:http';

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

/**
 * One HTTP request on a connection of its own (no keep-alive pool), so a test decides
 * exactly which connection, and so which server behind a proxy, each request takes.
 * Rejects when the connection dies before a whole response arrives.
 */
export function httpRequest(
  url: string,
  options: {method?: string; headers?: Record<string, string>; body?: string} = {},
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      agent: false,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          body: text ? (JSON.parse(text) as unknown) : null,
        }),
      );
    });
    req.end(options.body);
  });
}

/** A write as the widget sends it. */
export function write(
  api: string,
  method: string,
  path: string,
  body: unknown,
  options: {token: string; key?: string},
): Promise<HttpReply> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.token}`,
    'idempotency-key': options.key ?? randomUUID(),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return httpRequest(`${api}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function mintViewer(api: string): Promise<string> {
  const reply = await httpRequest(`${api}/viewer`, {method: 'POST'});
  if (reply.status !== 201) throw new Error(`POST /viewer answered ${reply.status}: ${reply.text}`);
  return reply.body.token as string;
}

export const portOf = (url: string) => Number(new URL(url).port);
