import type {MailCatalog} from './en.js';

/** German, informal "du", as the widget's catalogue. */
export const de: MailCatalog = {
  'subject.confirm': 'Bitte bestätige deine E-Mail-Adresse für {site}',
  'subject.answer': 'Eine neue Antwort auf deine Frage auf {site}',
  'subject.comment.question': 'Ein neuer Kommentar zu deiner Frage auf {site}',
  'subject.comment.answer': 'Ein neuer Kommentar zu deiner Antwort auf {site}',
  'subject.comment.comment': 'Ein neuer Kommentar nach deinem auf {site}',
  'subject.best': 'Deine Antwort wurde auf {site} als beste ausgewählt',
  'subject.several': 'Neue Reaktionen auf deinen Beitrag auf {site}',
  'subject.pending': 'Ein Beitrag wartet auf {site} auf Freigabe',
  'subject.hidden': 'Meldungen haben einen Beitrag auf {site} ausgeblendet',

  'confirm.intro':
    'Du möchtest per E-Mail erfahren, wenn jemand auf deinen Beitrag auf {site} reagiert. Bitte bestätige zuerst, dass das deine Adresse ist:',
  'confirm.action': 'Meine Adresse bestätigen',
  'confirm.ignore':
    'Wenn du das nicht warst, kannst du diese E-Mail ignorieren: Es kommt nichts mehr, und die Adresse wird nach {days} Tagen gelöscht.',

  'event.answer': 'Eine neue Antwort auf „{title}“:',
  'event.comment.question': 'Ein neuer Kommentar zu deiner Frage „{title}“:',
  'event.comment.answer': 'Ein neuer Kommentar zu deiner Antwort auf „{title}“:',
  'event.comment.comment': 'Ein neuer Kommentar nach deinem zu „{title}“:',
  'event.best': 'Deine Antwort auf „{title}“ wurde als beste Antwort ausgewählt.',
  'event.pending': 'Ein neuer Beitrag zu „{title}“ wartet auf Freigabe:',
  'event.hidden': 'Ein Beitrag zu „{title}“ wurde nach Meldungen ausgeblendet:',
  'event.open': 'Frage öffnen',

  'footer.reader':
    'Du bekommst diese E-Mail, weil du über Reaktionen auf deinen Beitrag informiert werden wolltest.',
  'footer.moderator':
    'Du bekommst diese E-Mail, weil diese Adresse als Moderation von {site} eingetragen ist.',
  'footer.unsubscribe': 'Diese E-Mails abbestellen',

  'page.invalid.title': 'Dieser Link funktioniert nicht',
  'page.invalid.text':
    'Vielleicht ist er alt oder unvollständig. Wenn du ihn aus einer E-Mail kopiert hast, kopiere bitte den ganzen Link. Es wurde nichts geändert.',
  'page.confirm.title': 'E-Mail-Adresse bestätigen',
  'page.confirm.text':
    'Drück auf den Knopf, um E-Mails über Reaktionen auf deinen Beitrag auf {site} zu bekommen.',
  'page.confirm.button': 'Bestätigen',
  'page.confirmed.text': 'Danke. Deine Adresse ist bestätigt: Du erfährst, wenn jemand reagiert.',
  'page.unsubscribe.title': 'Diese E-Mails abbestellen',
  'page.unsubscribe.text':
    'Drück auf den Knopf, um keine E-Mails mehr zu diesem Beitrag zu bekommen.',
  'page.unsubscribe.button': 'E-Mails zu diesem Beitrag abbestellen',
  'page.unsubscribed.text': 'Erledigt. Zu diesem Beitrag kommen keine E-Mails mehr.',
  'page.stop.text':
    'Du kannst auch alle E-Mails von {site} an diese Adresse stoppen. Die Adresse wird dann gelöscht.',
  'page.stop.button': 'Alle E-Mails an diese Adresse stoppen',
  'page.stopped.text':
    'Erledigt. An diese Adresse wird nichts mehr gesendet, und sie wurde gelöscht.',
};
