/**
 * English strings for what a reader does besides answering — voting, commenting, editing,
 * choosing the best answer, removing, flagging. They load with the modules that do those
 * things, not with everything a reader needs to write an answer.
 */
export const enActions = {
  'vote.saved': 'Vote saved. The score is now {score}.',
  'vote.removed': 'Vote removed. The score is now {score}.',
  'vote.failed': 'Your vote could not be saved. {reason}',
  'accept.selected': 'Marked as the best answer.',
  'accept.cleared': 'Best answer selection removed.',
  'accept.failed': 'The best answer could not be changed. {reason}',
  'post.removed': 'Removed.',
  'post.saved': 'Your changes were saved.',
  'flag.thanks': 'Thank you. A moderator will look at it.',
  'form.comment.label': 'Your comment',
  'form.comment.submit': 'Post comment',
  'form.comment.posted': 'Your comment was posted.',
  'form.edit.label': 'Edit your text',
  'form.edit.submit': 'Save changes',
  'form.cancel': 'Cancel',
} as const;
