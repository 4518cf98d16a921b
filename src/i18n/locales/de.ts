import type {Catalog} from '../localizer.js';

/** German, informal "du" as is usual for community sites. */
export const de: Catalog = {
  'thread.loading': 'Antworten werden geladen…',
  'thread.loadingMore': 'Weitere Antworten werden geladen…',
  'thread.retry': 'Erneut versuchen',
  'thread.empty': 'Noch keine Antworten.',
  'thread.answersHeading': {one: '{count} Antwort', other: '{count} Antworten'},
  'thread.sortLabel': 'Antworten sortieren nach',
  'thread.sort.votes': 'Meiste Stimmen',
  'thread.sort.oldest': 'Älteste zuerst',
  'thread.sort.newest': 'Neueste zuerst',
  'thread.showMore': 'Weitere Antworten anzeigen',
  'thread.moreLoaded': {
    one: '{count} weitere Antwort angezeigt',
    other: '{count} weitere Antworten angezeigt',
  },
  'thread.noQuestion': 'Für diesen Thread ist noch keine Frage festgelegt.',

  'error.load': 'Die Antworten konnten nicht geladen werden.',
  'error.loadMore': 'Weitere Antworten konnten nicht geladen werden.',
  'error.network': 'Quanda konnte seinen Server nicht erreichen. Bitte prüfe deine Verbindung.',
  'error.timeout': 'Der Server hat zu lange für die Antwort gebraucht.',
  'error.notFound': 'Diese Frage wurde nicht gefunden.',
  'error.server': 'Auf dem Server ist ein Problem aufgetreten.',
  'error.invalidResponse': 'Der Server hat etwas gesendet, das Quanda nicht lesen konnte.',
  'error.rateLimited': 'Zu viele Anfragen. Bitte warte einen Moment.',
  'error.generic': 'Etwas ist schiefgelaufen.',

  'post.anonymous': 'anonym',
  'post.points': {one: '{points} Punkt', other: '{points} Punkte'},
  'question.asked': 'gefragt {time} von {author}',
  'question.askedIn': 'gefragt {time} in {category} von {author}',
  'question.tags': 'Schlagwörter',
  'answer.answered': 'beantwortet {time} von {author}',
  'answer.byLabel': 'Antwort von {author}',
  'answer.best': 'Beste Antwort',
  'post.edited': 'bearbeitet {time} von {author}',
  'post.editedAnon': 'bearbeitet {time}',
  'post.authorWithPoints': '{name} ({points})',

  'vote.score': {one: '{score} Stimme', other: '{score} Stimmen'},
};
