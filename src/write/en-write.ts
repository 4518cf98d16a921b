/**
 * English strings that only writing an answer needs — the form, its drafts, the outbox —
 * and that the other writing forms share. They load with those, not in the first load.
 * What votes, comments, edits and the rarer actions say is in en-actions.ts.
 */
export const enWrite = {
  'form.answer.heading': 'Your answer',
  'form.answer.label': 'Write your answer',
  'form.answer.hint':
    'At least {min} characters. Please leave out anything that could identify you or someone else.',
  'form.answer.submit': 'Post your answer',
  'form.answer.posted': 'Your answer was posted.',
  'form.answer.pending': 'Your answer was sent. It will appear once a moderator has looked at it.',
  'form.name.label': 'Name to show (optional)',
  'form.name.hint': 'Leave it empty to post as anonymous.',
  'form.sending': 'Sending…',
  'form.failed': 'Not sent: {reason} Your text is still here.',
  'form.error.tooShort': 'Please write at least {min} characters.',
  'form.error.tooLong': 'Please keep it to {max} characters; it is {count} now.',
  'form.error.nameTooLong': 'A name can be at most {max} characters.',
  'form.error.duplicate': 'This says the same as something already here.',
  'form.error.waitMinutes': {
    one: 'You have posted a lot in the last hour. Please try again in {count} minute.',
    other: 'You have posted a lot in the last hour. Please try again in {count} minutes.',
  },
  'draft.restored': 'Draft restored',
  'draft.discard': 'Discard',
  'draft.elsewhere': 'This text was changed in another tab.',
  'draft.posted': 'This was posted from another tab.',
  'draft.unavailable':
    'Drafts can’t be kept on this device. Your text stays here while this page is open.',
  'outbox.offline': 'Waiting to post — will send when you’re back online.',
  'outbox.retrying': 'Waiting to post — the server can’t be reached. Trying again shortly.',
  'outbox.refused': 'Not posted: {reason} Your text is back in its form.',
  'outbox.noEmail':
    'Posted. Email notifications were not set up: the address is not kept on this device.',
  'form.error.too-complex': 'Too complex to show.',
} as const;
