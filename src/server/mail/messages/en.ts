/**
 * What notification mails and the mail pages say, in English: the source the other
 * catalogues are typed against (docs/translations.md). Subjects never quote a reader:
 * mails reach lock screens and shared inboxes. `{site}` is the site's host name, `{title}`
 * the question's title, `{days}` a number of days.
 */
export const en = {
  'subject.confirm': 'Please confirm your email address for {site}',
  'subject.answer': 'A new answer to your question on {site}',
  'subject.comment.question': 'A new comment on your question on {site}',
  'subject.comment.answer': 'A new comment on your answer on {site}',
  'subject.comment.comment': 'A new comment after yours on {site}',
  'subject.best': 'Your answer was chosen as the best on {site}',
  'subject.several': 'New replies to your post on {site}',
  'subject.pending': 'A post is waiting for approval on {site}',
  'subject.hidden': 'Readers’ flags hid a post on {site}',

  'confirm.intro':
    'You asked to be told by email about replies to your post on {site}. To start, please confirm that this is your address:',
  'confirm.action': 'Confirm my address',
  'confirm.ignore':
    'If it was not you, you can ignore this mail: nothing more will be sent, and the address is deleted after {days} days.',

  'event.answer': 'A new answer to “{title}”:',
  'event.comment.question': 'A new comment on your question “{title}”:',
  'event.comment.answer': 'A new comment on your answer to “{title}”:',
  'event.comment.comment': 'A new comment after yours on “{title}”:',
  'event.best': 'Your answer to “{title}” was chosen as the best answer.',
  'event.pending': 'A new post on “{title}” is waiting for approval:',
  'event.hidden': 'A post on “{title}” was hidden after readers flagged it:',
  'event.open': 'Open the question',

  'footer.reader': 'You get this mail because you asked to be told about replies to your post.',
  'footer.moderator': 'You get this mail because this address is listed as a moderator of {site}.',
  'footer.unsubscribe': 'Stop these mails',

  'page.invalid.title': 'This link does not work',
  'page.invalid.text':
    'It may be old or incomplete. If you copied it from a mail, please copy the whole link. Nothing has been changed.',
  'page.confirm.title': 'Confirm your email address',
  'page.confirm.text': 'Press the button to get mails about replies to your post on {site}.',
  'page.confirm.button': 'Confirm',
  'page.confirmed.text': 'Thank you. Your address is confirmed: you will be told about replies.',
  'page.unsubscribe.title': 'Stop these mails',
  'page.unsubscribe.text': 'Press the button to stop mails about this post.',
  'page.unsubscribe.button': 'Stop mails about this post',
  'page.unsubscribed.text': 'Done. No more mails about this post will be sent.',
  'page.stop.text':
    'You can also stop all mail from {site} to this address. The address is then deleted.',
  'page.stop.button': 'Stop all mail to this address',
  'page.stopped.text': 'Done. Nothing more will be sent to this address, and it has been deleted.',
} as const;

export type MailKey = keyof typeof en;
export type MailCatalog = Record<MailKey, string>;
