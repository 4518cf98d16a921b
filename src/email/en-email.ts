/**
 * English strings of the email fields: they load with them, only from a backend that
 * sends mail, so a reader of one that does not downloads no word about email.
 */
export const enEmail = {
  'form.answer.notify': 'Email me when my answer is chosen as best or gets a comment',
  'form.comment.notify': 'Email me when someone comments after me',
  'form.question.notify': 'Email me when someone answers my question',
  'form.email.label': 'Email address',
  'form.email.privacy': 'Used only for these emails. Never shown to anyone.',
  'form.error.email': 'Enter a valid email address, or untick the box above.',
  'form.email.confirm':
    'If this address is new here, we sent it a mail: open it and confirm, or no notifications will come. Look in the spam folder too.',
} as const;
