/**
 * A write the rules refuse: not there for this viewer, not allowed, a duplicate, an id
 * already taken (conflict), or invalid. The API answers it with its envelope (status by
 * code); the rules know no HTTP.
 */
export type RuleCode = 'not_found' | 'forbidden' | 'duplicate' | 'conflict' | 'validation';

export class RuleError extends Error {
  override readonly name = 'RuleError';
  readonly code: RuleCode;
  readonly fields?: Record<string, string>;
  /** Why, as a `viewerCan` reason code or a refusal's own (`too-short`…). */
  readonly reason?: string;

  constructor(
    code: RuleCode,
    message: string,
    details: {fields?: Record<string, string>; reason?: string} = {},
  ) {
    super(message);
    this.code = code;
    this.fields = details.fields;
    this.reason = details.reason;
  }
}
