/**
 * English, the source catalogue: every string a reader can see, by key. Other locales
 * are typed against it, so a missing key fails the type check. Placeholders are `{name}`;
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

  'error.load': 'The answers could not be loaded.',
  'error.loadMore': 'More answers could not be loaded.',
  'error.network': 'Quanda could not reach its server. Check your connection.',
  'error.timeout': 'The server took too long to answer.',
  'error.notFound': 'This question was not found.',
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
} as const;
