import type {Catalog} from '../localizer.js';

/**
 * German, informal "du" as is usual for community sites (never "Sie", which would read as
 * the formal you). Bylines in German order: time, author, then the participle.
 */
export const de: Catalog = {
  'thread.loading': 'Antworten werden geladen…',
  'thread.loadingMore': 'Weitere Antworten werden geladen…',
  'thread.retry': 'Noch einmal versuchen',
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
  'thread.offline': 'Offline – angezeigt wird die Kopie vom {time}.',

  'error.load': 'Die Antworten konnten nicht geladen werden.',
  'error.loadMore': 'Weitere Antworten konnten nicht geladen werden.',
  'error.network': 'Quanda konnte seinen Server nicht erreichen. Bitte prüfe deine Verbindung.',
  'error.timeout': 'Der Server hat zu lange für die Antwort gebraucht.',
  'error.notFound': 'Diese Frage wurde nicht gefunden.',
  'error.server': 'Auf dem Server ist ein Problem aufgetreten.',
  'error.invalidResponse': 'Der Server hat etwas gesendet, das Quanda nicht lesen konnte.',
  'error.rateLimited': 'Gerade kommen zu viele Anfragen an. Warte bitte einen Moment.',
  'error.generic': 'Etwas ist schiefgelaufen.',

  'post.anonymous': 'Anonym',
  'post.points': {one: '{points} Punkt', other: '{points} Punkte'},
  'question.asked': '{time} von {author} gestellt',
  'question.askedIn': '{time} von {author} in {category} gestellt',
  'question.tags': 'Schlagwörter',
  'answer.answered': '{time} von {author} geschrieben',
  'answer.byLabel': 'Antwort von {author}',
  'answer.best': 'Beste Antwort',
  'post.edited': '{time} von {author} bearbeitet',
  'post.editedAnon': '{time} bearbeitet',
  'post.authorWithPoints': '{name} ({points})',

  'vote.score': {one: '{score} Stimme', other: '{score} Stimmen'},

  'vote.up': '{what} positiv bewerten',
  'vote.down': '{what} negativ bewerten',

  // Without article, as German labels name things: "Antwort von Jonas bearbeiten".
  'what.question': 'Frage',
  'what.answer': 'Antwort von {author}',
  'what.comment': 'Kommentar von {author}',

  'reason.own-post': 'Das ist dein eigener Beitrag.',
  'reason.hidden': 'Dieser Beitrag ist ausgeblendet.',
  'reason.pending': 'Dieser Beitrag wartet auf die Moderation.',
  'reason.rate-limited':
    'Das war in der letzten Stunde schon sehr oft. Versuch es bitte später noch einmal.',
  'reason.not-asker': 'Nur die Person, die gefragt hat, kann die beste Antwort auswählen.',
  'reason.other': 'Das ist gerade nicht möglich.',

  'accept.select': 'Als beste Antwort auswählen',
  'accept.remove': 'Auswahl aufheben',

  'post.pending': 'Wartet auf die Moderation. Vorerst kannst nur du das sehen.',
  'post.hiddenForOthers': 'Nach Meldungen ausgeblendet. Nur du kannst das sehen.',
  'post.edit': 'Bearbeiten',
  'post.editLabel': '{what} bearbeiten',
  'post.remove': 'Entfernen',
  'post.removeLabel': '{what} entfernen',
  'post.removeConfirm': 'Endgültig entfernen?',
  'post.removeYes': 'Ja, entfernen',
  'post.removeNo': 'Behalten',
  'post.removeFailed': 'Das konnte nicht entfernt werden. {reason}',

  'flag.open': 'Melden',
  'flag.label': '{what} melden',
  'flag.done': 'Gemeldet',

  'comments.label': 'Kommentare: {what}',
  'comments.showEarlier': {
    one: '{count} früheren Kommentar anzeigen',
    other: '{count} frühere Kommentare anzeigen',
  },
  'comments.loading': 'Kommentare werden geladen…',
  'comments.failed': 'Die Kommentare konnten nicht geladen werden. {reason}',
  'comments.add': 'Kommentar hinzufügen',
  'comment.byline': '{author}, {time}',

  'vote.saved': 'Stimme gespeichert. Der Stand ist jetzt {score}.',
  'vote.removed': 'Stimme zurückgenommen. Der Stand ist jetzt {score}.',
  'vote.failed': 'Deine Stimme konnte nicht gespeichert werden. {reason}',
  'accept.selected': 'Als beste Antwort markiert.',
  'accept.cleared': 'Auswahl der besten Antwort aufgehoben.',
  'accept.failed': 'Die beste Antwort konnte nicht geändert werden. {reason}',
  'post.removed': 'Entfernt.',
  'post.saved': 'Deine Änderungen wurden gespeichert.',
  'flag.heading': 'Warum sollte sich die Moderation das ansehen?',
  'flag.reason.spam': 'Spam oder Werbung',
  'flag.reason.abusive': 'Unhöflich, beleidigend oder unfreundlich',
  'flag.reason.other': 'Etwas anderes',
  'flag.note': 'Was stimmt nicht?',
  'flag.submit': 'An die Moderation senden',
  'flag.thanks': 'Danke. Die Moderation sieht es sich an.',
  'flag.failed': 'Die Meldung konnte nicht gesendet werden. {reason}',
  'flag.noteRequired': 'Bitte schreib, was nicht stimmt.',
  'form.answer.heading': 'Deine Antwort',
  'form.answer.label': 'Schreib deine Antwort',
  'form.answer.hint':
    'Mindestens {min} Zeichen. Bitte lass alles weg, woran man dich oder andere erkennen könnte.',
  'form.answer.notify':
    'Mir eine E-Mail senden, wenn meine Antwort als beste ausgewählt oder kommentiert wird',
  'form.answer.submit': 'Antwort veröffentlichen',
  'form.answer.posted': 'Deine Antwort wurde veröffentlicht.',
  'form.answer.pending':
    'Deine Antwort wurde gesendet. Sobald die Moderation sie angesehen hat, erscheint sie hier.',
  'form.comment.label': 'Dein Kommentar',
  'form.comment.notify': 'Mir eine E-Mail senden, wenn nach mir jemand kommentiert',
  'form.comment.submit': 'Kommentar veröffentlichen',
  'form.comment.posted': 'Dein Kommentar wurde veröffentlicht.',
  'form.edit.label': 'Deinen Text bearbeiten',
  'form.edit.submit': 'Änderungen speichern',
  'form.name.label': 'Angezeigter Name (optional)',
  'form.name.hint': 'Lass das Feld leer, um anonym zu schreiben.',
  'form.email.label': 'E-Mail-Adresse',
  'form.email.privacy': 'Nur für diese E-Mails. Niemand sonst bekommt die Adresse zu sehen.',
  'form.cancel': 'Abbrechen',
  'form.sending': 'Wird gesendet…',
  'form.failed': 'Nicht gesendet: {reason} Dein Text ist noch da.',
  'form.error.tooShort': 'Schreib bitte noch etwas mehr – mindestens {min} Zeichen.',
  'form.error.tooLong':
    'Bitte kürze deinen Text auf höchstens {max} Zeichen – gerade sind es {count}.',
  'form.error.nameTooLong': 'Der Name kann höchstens {max} Zeichen lang sein.',
  'form.error.email': 'Gib eine gültige E-Mail-Adresse ein oder entferne das Häkchen oben.',
  'form.error.duplicate': 'Das sagt dasselbe wie etwas, das hier schon steht.',
  'form.error.waitMinutes': {
    one: 'Du hast in der letzten Stunde schon viel geschrieben. In {count} Minute kannst du wieder etwas veröffentlichen.',
    other:
      'Du hast in der letzten Stunde schon viel geschrieben. In {count} Minuten kannst du wieder etwas veröffentlichen.',
  },
  'editor.toolbar': 'Formatierung',
  'editor.bold': 'Fett',
  'editor.italic': 'Kursiv',
  'editor.link': 'Link',
  'editor.bulleted': 'Aufzählung',
  'editor.numbered': 'Nummerierte Liste',
  'editor.quote': 'Zitat',
  'editor.write': 'Schreiben',
  'editor.preview': 'Vorschau',
  'editor.previewEmpty': 'Noch nichts für die Vorschau da.',
  'editor.previewLoading': 'Vorschau wird geladen…',
  'editor.previewFailed': 'Die Vorschau konnte nicht angezeigt werden. {reason}',
  'draft.restored': 'Entwurf wiederhergestellt',
  'draft.discard': 'Verwerfen',
  'draft.elsewhere': 'Dieser Text wurde in einem anderen Tab geändert.',
  'draft.posted': 'Das wurde in einem anderen Tab veröffentlicht.',
  'draft.unavailable':
    'Entwürfe können auf diesem Gerät nicht gespeichert werden. Dein Text bleibt hier, solange die Seite offen ist.',
  'outbox.offline': 'Wartet auf das Senden – wird gesendet, sobald du wieder online bist.',
  'outbox.retrying':
    'Wartet auf das Senden – der Server ist nicht erreichbar. Gleich neuer Versuch.',
  'outbox.refused': 'Nicht veröffentlicht: {reason} Dein Text steht wieder im Formular.',
  'outbox.noEmail':
    'Veröffentlicht. E-Mail-Benachrichtigungen wurden nicht eingerichtet: Die Adresse wird auf diesem Gerät nicht gespeichert.',
  'form.error.complex':
    'Das ist zu verschachtelt zum Anzeigen: Nutze weniger Ebenen von Listen und Zitaten oder weniger * und _.',
  'form.error.nameUsed':
    'Diesen Namen verwendet hier schon jemand anderes. Bitte wähle einen anderen.',
};
