import type {ErrorEnvelope} from './schemas.js';

/** Why a request failed. */
export type QuandaErrorKind =
  /** The server could not be reached at all (offline, DNS, refused, CORS). */
  | 'network'
  /** No complete answer arrived within the client's time limit. */
  | 'timeout'
  /** The server answered with a non-2xx status; `status` and `envelope` say more. */
  | 'http'
  /** The server answered 2xx, but not with what the contract promises. */
  | 'invalid-response';

/** One issue found when a response did not match the contract. */
export interface ResponseIssue {
  path: PropertyKey[];
  message: string;
}

export interface QuandaErrorInit {
  status?: number;
  envelope?: ErrorEnvelope['error'];
  issues?: readonly ResponseIssue[];
  retryAfter?: number;
  cause?: unknown;
}

/**
 * The one error every Quanda request can fail with. The widget turns it into a plain
 * message for the reader; `quanda-error` listeners get all the details.
 */
export class QuandaError extends Error {
  override readonly name = 'QuandaError';
  readonly kind: QuandaErrorKind;
  /** HTTP status, for `http` errors. */
  readonly status?: number;
  /** The server's error envelope, when it sent one. */
  readonly envelope?: ErrorEnvelope['error'];
  /** What did not match the contract, for `invalid-response` errors. */
  readonly issues: readonly ResponseIssue[];
  /** Seconds the server asked the client to wait (`Retry-After`), when it said. */
  readonly retryAfter?: number;

  constructor(kind: QuandaErrorKind, message: string, init: QuandaErrorInit = {}) {
    super(message, {cause: init.cause});
    this.kind = kind;
    this.status = init.status;
    this.envelope = init.envelope;
    this.issues = init.issues ?? [];
    this.retryAfter = init.retryAfter;
  }

  /** The server's error code (`not_found`, `validation`, …), when it sent an envelope. */
  get code(): string | undefined {
    return this.envelope?.code;
  }

  /** Worth trying again as is: the network, a timeout, a busy or failing server. */
  get isTransient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.kind === 'http' && (this.status === 429 || (this.status ?? 0) >= 500);
  }
}

export function isQuandaError(value: unknown): value is QuandaError {
  return value instanceof QuandaError;
}

/** Whatever a client threw, as a QuandaError (a site's own client may throw anything). */
export function toQuandaError(error: unknown): QuandaError {
  if (error instanceof QuandaError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new QuandaError('network', `The client failed: ${message}`, {cause: error});
}
