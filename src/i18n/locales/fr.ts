import type {Catalog} from '../localizer.js';

/**
 * French (vouvoiement). French counts 0 and 1 as singular, which Intl's `one` covers.
 * Typography: a no-break space (U+00A0) before a colon, a narrow one (U+202F) before
 * ; ! ?, so the sign never starts a line. Wording shared by questions, answers and
 * comments stays neutral (« dernière modification », not « modifiée »).
 */
export const fr: Catalog = {
  'thread.loading': 'Chargement des réponses…',
  'thread.loadingMore': 'Chargement d’autres réponses…',
  'thread.retry': 'Réessayer',
  'thread.empty': 'Aucune réponse pour l’instant.',
  // `many` is CLDR's form for whole millions: « 1 000 000 de réponses ».
  'thread.answersHeading': {
    one: '{count} réponse',
    many: '{count} de réponses',
    other: '{count} réponses',
  },
  'thread.sortLabel': 'Trier les réponses par',
  'thread.sort.votes': 'Les plus votées',
  'thread.sort.oldest': 'Les plus anciennes',
  'thread.sort.newest': 'Les plus récentes',
  'thread.showMore': 'Afficher plus de réponses',
  'thread.moreLoaded': {
    one: '{count} réponse de plus affichée',
    many: '{count} de réponses de plus affichées',
    other: '{count} réponses de plus affichées',
  },
  'thread.noQuestion': 'Aucune question n’est encore associée à ce fil.',
  'thread.offline': 'Hors ligne — copie du {time} affichée.',

  'error.load': 'Les réponses n’ont pas pu être chargées.',
  'error.loadMore': 'Les réponses suivantes n’ont pas pu être chargées.',
  'error.network': 'Quanda n’a pas pu joindre son serveur. Vérifiez votre connexion.',
  'error.timeout': 'Le serveur a mis trop de temps à répondre.',
  'error.notFound': 'Cette question est introuvable.',
  'error.server': 'Le serveur a rencontré un problème.',
  'error.invalidResponse': 'Le serveur a envoyé une réponse que Quanda n’a pas pu lire.',
  'error.rateLimited':
    'Beaucoup de demandes en peu de temps. Patientez un instant, puis réessayez.',
  'error.generic': 'Une erreur s’est produite.',

  'post.anonymous': 'Anonyme',
  'post.points': {one: '{points} point', many: '{points} de points', other: '{points} points'},
  // Question and réponse are feminine: « posée il y a 3 jours par Maya ».
  'question.asked': 'posée {time} par {author}',
  'question.askedIn': 'posée {time} dans {category} par {author}',
  'question.tags': 'Mots-clés',
  'answer.answered': 'publiée {time} par {author}',
  'answer.byLabel': 'Réponse de {author}',
  'answer.best': 'Meilleure réponse',
  'post.edited': 'dernière modification {time} par {author}',
  'post.editedAnon': 'dernière modification {time}',
  'post.authorWithPoints': '{name} ({points})',

  'vote.score': {one: '{score} vote', many: '{score} de votes', other: '{score} votes'},

  'vote.up': 'Voter pour {what}',
  'vote.down': 'Voter contre {what}',

  // Filled into the labels above and below: « Modifier la réponse de Jonas ».
  'what.question': 'la question',
  'what.answer': 'la réponse de {author}',
  'what.comment': 'le commentaire de {author}',

  'reason.own-post': 'Il s’agit de votre propre publication.',
  'reason.hidden': 'Cette publication est masquée.',
  'reason.pending': 'Cette publication est en attente de modération.',
  'reason.rate-limited':
    'Vous l’avez déjà fait souvent au cours de la dernière heure. Vous pourrez réessayer un peu plus tard.',
  'reason.not-asker': 'Seule la personne qui a posé la question peut choisir la meilleure réponse.',
  'reason.other': 'Ce n’est pas possible pour le moment.',

  'accept.select': 'Choisir comme meilleure réponse',
  'accept.remove': 'Annuler la sélection',

  'post.pending':
    'En attente de modération. Pour l’instant, personne d’autre que vous ne peut le voir.',
  'post.hiddenForOthers':
    'Contenu masqué à la suite de signalements. Personne d’autre que vous ne peut le voir.',
  'post.edit': 'Modifier',
  'post.editLabel': 'Modifier {what}',
  'post.remove': 'Supprimer',
  'post.removeLabel': 'Supprimer {what}',
  'post.removeConfirm': 'Supprimer définitivement ?',
  'post.removeYes': 'Oui, supprimer',
  'post.removeNo': 'Conserver',
  'post.removeFailed': 'La suppression n’a pas abouti. {reason}',

  'flag.open': 'Signaler',
  'flag.label': 'Signaler {what}',
  'flag.done': 'Signalement envoyé',

  'comments.label': 'Commentaires sur {what}',
  'comments.showEarlier': {
    one: 'Afficher {count} commentaire précédent',
    many: 'Afficher {count} de commentaires précédents',
    other: 'Afficher {count} commentaires précédents',
  },
  'comments.loading': 'Chargement des commentaires…',
  'comments.failed': 'Les commentaires n’ont pas pu être chargés. {reason}',
  'comments.add': 'Ajouter un commentaire',
  'comment.byline': '{author}, {time}',

  'vote.saved': 'Vote enregistré. Le score est maintenant de {score}.',
  'vote.removed': 'Vote retiré. Le score est maintenant de {score}.',
  'vote.failed': 'Votre vote n’a pas pu être enregistré. {reason}',
  'accept.selected': 'Marquée comme meilleure réponse.',
  'accept.cleared': 'La sélection de la meilleure réponse a été annulée.',
  'accept.failed': 'La meilleure réponse n’a pas pu être modifiée. {reason}',
  'post.removed': 'Suppression effectuée.',
  'post.saved': 'Vos modifications ont été enregistrées.',
  'flag.heading': 'Pourquoi l’équipe de modération devrait-elle examiner ce contenu ?',
  'flag.reason.spam': 'Spam ou publicité',
  'flag.reason.abusive': 'Impoli, insultant ou blessant',
  'flag.reason.other': 'Autre chose',
  'flag.note': 'Quel est le problème ?',
  'flag.submit': 'Envoyer à l’équipe de modération',
  'flag.thanks': 'Merci. L’équipe de modération va l’examiner.',
  'flag.failed': 'Le signalement n’a pas pu être envoyé. {reason}',
  'flag.noteRequired': 'Veuillez indiquer quel est le problème.',
  'form.answer.heading': 'Votre réponse',
  'form.answer.label': 'Rédigez votre réponse',
  'form.answer.hint':
    'Au moins {min} caractères. Veuillez ne rien indiquer qui permettrait de vous identifier, vous ou une autre personne.',
  'form.answer.notify':
    'M’envoyer un e-mail quand ma réponse est choisie comme meilleure réponse ou reçoit un commentaire',
  'form.answer.submit': 'Publier votre réponse',
  'form.answer.posted': 'Votre réponse a été publiée.',
  'form.answer.pending':
    'Votre réponse a été envoyée. Elle apparaîtra dès que l’équipe de modération l’aura relue.',
  'form.comment.label': 'Votre commentaire',
  'form.comment.notify': 'M’envoyer un e-mail quand quelqu’un commente après moi',
  'form.question.notify': 'M’envoyer un e-mail quand quelqu’un répond à ma question',
  'form.comment.submit': 'Publier le commentaire',
  'form.comment.posted': 'Votre commentaire a été publié.',
  'form.edit.label': 'Modifiez votre texte',
  'form.edit.submit': 'Enregistrer les modifications',
  'form.name.label': 'Nom affiché (facultatif)',
  'form.name.hint': 'Laissez ce champ vide pour publier anonymement.',
  'form.email.label': 'Adresse e-mail',
  'form.email.privacy': 'Elle sert uniquement à ces e-mails. Elle n’est jamais montrée à personne.',
  'form.cancel': 'Annuler',
  'form.sending': 'Envoi en cours…',
  'form.failed': 'Non envoyé : {reason} Votre texte est toujours là.',
  'form.error.tooShort': 'Veuillez écrire au moins {min} caractères.',
  'form.error.tooLong':
    'Veuillez vous limiter à {max} caractères ; il y en a {count} actuellement.',
  'form.error.nameTooLong': 'Un nom peut comporter au maximum {max} caractères.',
  'form.error.email': 'Saisissez une adresse e-mail valide ou décochez la case ci-dessus.',
  'form.email.confirm':
    'Si cette adresse est nouvelle ici, nous lui avons envoyé un e-mail : ouvrez-le et confirmez, sinon aucune notification n’arrivera. Regardez aussi dans les courriers indésirables.',
  'form.error.duplicate': 'Ce texte dit la même chose qu’un message déjà publié ici.',
  'form.error.waitMinutes': {
    one: 'Vous avez beaucoup publié au cours de la dernière heure. Vous pourrez publier de nouveau dans {count} minute.',
    many: 'Vous avez beaucoup publié au cours de la dernière heure. Vous pourrez publier de nouveau dans {count} de minutes.',
    other:
      'Vous avez beaucoup publié au cours de la dernière heure. Vous pourrez publier de nouveau dans {count} minutes.',
  },
  'editor.toolbar': 'Mise en forme',
  'editor.bold': 'Gras',
  'editor.italic': 'Italique',
  'editor.link': 'Lien',
  'editor.bulleted': 'Liste à puces',
  'editor.numbered': 'Liste numérotée',
  'editor.quote': 'Citation',
  'editor.write': 'Écrire',
  'editor.preview': 'Aperçu',
  'editor.previewEmpty': 'Rien à prévisualiser pour l’instant.',
  'editor.previewLoading': 'Chargement de l’aperçu…',
  'editor.previewFailed': 'L’aperçu n’a pas pu être affiché. {reason}',
  'draft.restored': 'Brouillon restauré',
  'draft.discard': 'Supprimer',
  'draft.elsewhere': 'Ce texte a été modifié dans un autre onglet.',
  'draft.posted': 'Ceci a été publié depuis un autre onglet.',
  'draft.unavailable':
    'Les brouillons ne peuvent pas être conservés sur cet appareil. Votre texte reste ici tant que la page est ouverte.',
  'outbox.offline': 'En attente de publication — envoi dès votre retour en ligne.',
  'outbox.retrying':
    'En attente de publication — le serveur est injoignable. Nouvel essai dans un instant.',
  'outbox.refused': 'Non publié : {reason} Votre texte est de retour dans son formulaire.',
  'outbox.noEmail':
    'Publié. Les notifications par e-mail n’ont pas été activées : l’adresse n’est pas conservée sur cet appareil.',
  'form.error.too-complex': 'Trop complexe à afficher.',
  'thread.notFound': 'Cette question n’existe pas encore.',
  'board.heading': 'Questions sur cet article',
  'board.loading': 'Chargement des questions…',
  'board.error': 'Les questions n’ont pas pu être chargées.',
  'board.unsupported':
    'Les questions des lecteurs ne sont pas disponibles ici, car ce serveur ne les propose pas.',
  'board.noTopic':
    'Impossible de poser des questions sur cette page, car son adresse est trop longue.',
  'board.empty': 'Aucune question sur cet article pour l’instant. Posez la première.',
  'board.emptyNoAsk': 'Aucune question sur cet article pour l’instant.',
  'board.ask': 'Poser une question',
  'board.searchLabel': 'Rechercher dans les questions',
  'board.searchHint': 'La recherche commence à partir de {min} caractères.',
  'board.searching': 'Recherche en cours…',
  'board.noResults': 'Aucune question ne correspond à votre recherche.',
  'board.found': {
    one: '{count} question trouvée',
    many: '{count} de questions trouvées',
    other: '{count} questions trouvées',
  },
  'board.sortLabel': 'Trier les questions par',
  'board.sort.activity': 'Activité récente',
  'board.sort.newest': 'Les plus récentes',
  'board.sort.votes': 'Les plus votées',
  'board.sort.unanswered': 'Sans réponse',
  'board.answers': {one: '{count} réponse', many: '{count} de réponses', other: '{count} réponses'},
  'board.votes': {one: '{count} vote', many: '{count} de votes', other: '{count} votes'},
  'board.best': 'A une meilleure réponse',
  'board.yours': 'Votre question',
  'board.showMore': 'Afficher plus de questions',
  'board.loadingMore': 'Chargement d’autres questions…',
  'board.moreLoaded': {
    one: '{count} question de plus affichée',
    many: '{count} de questions de plus affichées',
    other: '{count} questions de plus affichées',
  },
  'board.back': 'Retour à toutes les questions',
  'board.opened': 'Affichage d’une question et de ses réponses.',
  'board.closed': 'Affichage de toutes les questions sur cet article.',
  'board.waiting': 'En attente d’envoi',
  'board.cannotAsk.closed': 'Cet article n’accepte plus de nouvelles questions.',
  'board.cannotAsk.origin': 'Impossible de poser des questions depuis ce site.',
  'board.cannotAsk.rate-limited':
    'Vous avez posé beaucoup de questions au cours de la dernière heure. Veuillez réessayer plus tard.',
  'ask.heading': 'Poser une question',
  'ask.titleLabel': 'Votre question, en une ligne',
  'ask.titleHint': 'De {min} à {max} caractères.',
  'ask.bodyLabel': 'Plus de détails (facultatif)',
  'ask.bodyHint':
    'Veuillez ne rien indiquer qui permettrait de vous identifier, vous ou une autre personne.',
  'ask.submit': 'Publier votre question',
  'ask.posted': 'Votre question a été publiée.',
  'ask.pending':
    'Votre question a été envoyée. Elle apparaîtra dès que l’équipe de modération l’aura relue.',
  'ask.similar': 'Questions semblables déjà posées',
  'ask.duplicate': 'Vous avez déjà posé cette question ici.',
};
