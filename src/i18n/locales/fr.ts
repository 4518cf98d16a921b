import type {Catalog} from '../localizer.js';

/** French (vouvoiement). French counts 0 and 1 as singular, which Intl's `one` covers. */
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

  'error.load': 'Les réponses n’ont pas pu être chargées.',
  'error.loadMore': 'Les réponses suivantes n’ont pas pu être chargées.',
  'error.network': 'Quanda n’a pas pu joindre son serveur. Vérifiez votre connexion.',
  'error.timeout': 'Le serveur a mis trop de temps à répondre.',
  'error.notFound': 'Cette question est introuvable.',
  'error.server': 'Le serveur a rencontré un problème.',
  'error.invalidResponse': 'Le serveur a envoyé une réponse que Quanda n’a pas pu lire.',
  'error.rateLimited': 'Trop de requêtes. Merci de patienter un instant.',
  'error.generic': 'Une erreur s’est produite.',

  'post.anonymous': 'anonyme',
  'post.points': {one: '{points} point', many: '{points} de points', other: '{points} points'},
  // Question and réponse are feminine: « posée il y a 3 jours par Maya ».
  'question.asked': 'posée {time} par {author}',
  'question.askedIn': 'posée {time} dans {category} par {author}',
  'question.tags': 'Mots-clés',
  'answer.answered': 'répondu {time} par {author}',
  'answer.byLabel': 'Réponse de {author}',
  'answer.best': 'Meilleure réponse',
  'post.edited': 'modifiée {time} par {author}',
  'post.editedAnon': 'modifiée {time}',
  'post.authorWithPoints': '{name} ({points})',

  'vote.score': {one: '{score} vote', many: '{score} de votes', other: '{score} votes'},
};
