/**
 * English, the source catalogue: every string a reader can see before writing anything,
 * by key (what only the writing forms and the outcome of a write need is in
 * en-write.ts, en-actions.ts and en-flag.ts, which load with them). Other locales are typed
 * against all of them, so a missing
 * key fails the type check. Placeholders are `{name}`;
 * a message with plural forms picks one through `Intl.PluralRules` by its `count`.
 */
export const en = {
  'thread.loading': 'Loading answers…',
  'thread.loadingMore': 'Loading more answers…',
  'thread.retry': 'Try again',
  'thread.empty': 'No answers yet.',
  'thread.answersHeading': {one: '{count} answer', other: '{count} answers'},
  'thread.sortLabel': 'Sort answers by',
  'thread.sort.votes': 'Most votes',
  'thread.sort.oldest': 'Oldest first',
  'thread.sort.newest': 'Newest first',
  'thread.showMore': 'Show more answers',
  'thread.moreLoaded': {one: '{count} more answer shown', other: '{count} more answers shown'},
  'thread.noQuestion': 'This thread has no question set yet.',
  'thread.offline': 'Offline — showing the copy from {time}.',

  'error.load': 'The answers could not be loaded.',
  'error.loadMore': 'More answers could not be loaded.',
  'error.network': 'Quanda could not reach its server. Check your connection.',
  'error.timeout': 'The server took too long to answer.',
  'error.notFound': 'This question was not found.',
  'thread.notFound': 'There is no such question yet.',
  'error.server': 'The server ran into a problem.',
  'error.invalidResponse': 'The server sent something Quanda could not read.',
  'error.rateLimited': 'Too many requests. Please wait a moment.',
  'error.generic': 'Something went wrong.',

  'post.anonymous': 'anonymous',
  'post.points': {one: '{points} point', other: '{points} points'},
  'question.asked': 'asked {time} by {author}',
  'question.askedIn': 'asked {time} in {category} by {author}',
  'question.tags': 'Tags',
  'answer.answered': 'answered {time} by {author}',
  'answer.byLabel': 'Answer by {author}',
  'answer.best': 'Best answer',
  'post.edited': 'edited {time} by {author}',
  'post.editedAnon': 'edited {time}',
  'post.authorWithPoints': '{name} ({points})',

  'vote.score': {one: '{score} vote', other: '{score} votes'},
  'vote.up': 'Upvote {what}',
  'vote.down': 'Downvote {what}',

  'what.question': 'the question',
  'what.answer': 'answer by {author}',
  'what.comment': 'comment by {author}',

  'reason.own-post': 'This is your own post.',
  'reason.hidden': 'This post is hidden.',
  'reason.pending': 'This post is awaiting moderation.',
  'reason.rate-limited': 'You have done this a lot in the last hour. Please try again later.',
  'reason.not-asker': 'Only the person who asked can choose the best answer.',
  'reason.other': 'This is not possible right now.',

  'accept.select': 'Select as best answer',
  'accept.remove': 'Remove selection',

  'post.pending': 'Awaiting moderation. Only you can see this for now.',
  'post.hiddenForOthers': 'Hidden after reports. Only you can see this.',
  'post.edit': 'Edit',
  'post.editLabel': 'Edit {what}',
  'post.remove': 'Remove',
  'post.removeLabel': 'Remove {what}',
  'post.removeConfirm': 'Remove this for good?',
  'post.removeYes': 'Yes, remove',
  'post.removeNo': 'Keep it',
  'post.removeFailed': 'It could not be removed. {reason}',

  'flag.open': 'Flag',
  'flag.label': 'Flag {what}',
  'flag.done': 'Flagged',

  'comments.label': 'Comments on {what}',
  'comments.showEarlier': {
    one: 'Show {count} earlier comment',
    other: 'Show {count} earlier comments',
  },
  'comments.loading': 'Loading comments…',
  'comments.failed': 'The comments could not be loaded. {reason}',
  'comments.add': 'Add a comment',
  'comment.byline': '{author}, {time}',
} as const;
