/**
 * English strings only the flag dialog needs: they load with it, not with everything a
 * reader needs to write an answer.
 */
export const enFlag = {
  'flag.heading': 'Why should a moderator look at this?',
  'flag.reason.spam': 'Spam or advertising',
  'flag.reason.abusive': 'Rude, abusive or unkind',
  'flag.reason.other': 'Something else',
  'flag.note': 'What is wrong?',
  'flag.submit': 'Send to moderators',
  'flag.failed': 'The flag could not be sent. {reason}',
  'flag.noteRequired': 'Please say what is wrong.',
} as const;
