import type * as z from 'zod/mini';
import type {JsonRequest} from './http.js';
import type {ViewerTokenStore} from './viewer-tokens.js';

/** @internal What a write needs of its RestClient (see rest-writes.ts). */
export interface WriteContext {
  endpoint: string;
  fixedToken?: string;
  /** Where the viewer's token is kept: none until the first write, which keeps it in memory. */
  tokens?: ViewerTokenStore;
  attempts: number;
  retryDelay: number;
  call<T>(request: Call<T>): Promise<T>;
  /** The viewer's token, minting an anonymous viewer the first time one is needed. */
  token(signal?: AbortSignal): Promise<string>;
}

/** @internal One request. */
export interface Call<T> extends JsonRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  schema: z.ZodMiniType<T>;
  signal?: AbortSignal;
}
