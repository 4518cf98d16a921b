import type {Catalog} from '../localizer.js';

/** Spanish (neutral, tuteo as most wellness sites use). */
export const es: Catalog = {
  'thread.loading': 'Cargando respuestas…',
  'thread.loadingMore': 'Cargando más respuestas…',
  'thread.retry': 'Reintentar',
  'thread.empty': 'Todavía no hay respuestas.',
  // `many` is CLDR's form for whole millions: «1.000.000 de respuestas».
  'thread.answersHeading': {
    one: '{count} respuesta',
    many: '{count} de respuestas',
    other: '{count} respuestas',
  },
  'thread.sortLabel': 'Ordenar respuestas por',
  'thread.sort.votes': 'Más votadas',
  'thread.sort.oldest': 'Más antiguas primero',
  'thread.sort.newest': 'Más recientes primero',
  'thread.showMore': 'Mostrar más respuestas',
  'thread.moreLoaded': {
    one: 'Se muestra {count} respuesta más',
    many: 'Se muestran {count} de respuestas más',
    other: 'Se muestran {count} respuestas más',
  },
  'thread.noQuestion': 'Este hilo todavía no tiene una pregunta asignada.',

  'error.load': 'No se pudieron cargar las respuestas.',
  'error.loadMore': 'No se pudieron cargar más respuestas.',
  'error.network': 'Quanda no pudo conectar con su servidor. Comprueba tu conexión.',
  'error.timeout': 'El servidor tardó demasiado en responder.',
  'error.notFound': 'No se encontró esta pregunta.',
  'error.server': 'El servidor tuvo un problema.',
  'error.invalidResponse': 'El servidor envió algo que Quanda no pudo leer.',
  'error.rateLimited': 'Demasiadas solicitudes. Espera un momento, por favor.',
  'error.generic': 'Algo salió mal.',

  'post.anonymous': 'anónimo',
  'post.points': {one: '{points} punto', many: '{points} de puntos', other: '{points} puntos'},
  // Pregunta and respuesta are feminine: «formulada hace 3 días por Maya».
  'question.asked': 'formulada {time} por {author}',
  'question.askedIn': 'formulada {time} en {category} por {author}',
  'question.tags': 'Etiquetas',
  'answer.answered': 'respondida {time} por {author}',
  'answer.byLabel': 'Respuesta de {author}',
  'answer.best': 'Mejor respuesta',
  'post.edited': 'editada {time} por {author}',
  'post.editedAnon': 'editada {time}',
  'post.authorWithPoints': '{name} ({points})',

  'vote.score': {one: '{score} voto', many: '{score} de votos', other: '{score} votos'},
};
