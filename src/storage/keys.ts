/**
 * The keys of what Quanda keeps on the device, built and read back here only. Their parts
 * are joined by a line break, which no endpoint URL, question id, form name or sort holds:
 *
 * - a thread's scope: `storageKey(endpoint, questionId)`; its drafts and queued posts
 *   belong to it;
 * - a draft: `storageKey(scope, form)`, the form being `answer`, `comment:<post>` or
 *   `edit:<post>` (each form's `draftName`);
 * - the device's copy of a thread: `storageKey(viewer, endpoint, questionId, sort)`.
 */
export function storageKey(
  ...parts:
    | [endpoint: string, questionId: string]
    | [scope: string, form: string]
    | [viewer: string, endpoint: string, questionId: string, sort: string]
): string {
  return parts.join('\n');
}

/** A key's parts, in the order `storageKey` was given them. */
export const keyParts = (key: string) => key.split('\n');
