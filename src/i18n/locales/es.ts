import type {Catalog} from '../localizer.js';

/**
 * Spanish: neutral Latin American, tuteo as most wellness sites use, held to throughout
 * ("Revisa", "Escribe", "Agregar", the simple past rather than "has hecho"). Wording
 * shared by questions, answers and comments stays neutral ("última edición").
 */
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
  'thread.offline': 'Sin conexión: se muestra la copia del {time}.',

  'error.load': 'No se pudieron cargar las respuestas.',
  'error.loadMore': 'No se pudieron cargar más respuestas.',
  'error.network': 'Quanda no pudo conectar con su servidor. Revisa tu conexión.',
  'error.timeout': 'El servidor tardó demasiado en responder.',
  'error.notFound': 'No se encontró esta pregunta.',
  'error.server': 'El servidor tuvo un problema.',
  'error.invalidResponse': 'El servidor envió algo que Quanda no pudo leer.',
  'error.rateLimited': 'Demasiadas solicitudes. Espera un momento, por favor.',
  'error.generic': 'Algo salió mal.',

  'post.anonymous': 'Anónimo',
  'post.points': {one: '{points} punto', many: '{points} de puntos', other: '{points} puntos'},
  // Pregunta and respuesta are feminine: «formulada hace 3 días por Maya», «publicada ayer
  // por Jonas» (an answer is not «respondida»: the question is).
  'question.asked': 'formulada {time} por {author}',
  'question.askedIn': 'formulada {time} en {category} por {author}',
  'question.tags': 'Etiquetas',
  'answer.answered': 'publicada {time} por {author}',
  'answer.byLabel': 'Respuesta de {author}',
  'answer.best': 'Mejor respuesta',
  'post.edited': 'última edición {time} por {author}',
  'post.editedAnon': 'última edición {time}',
  'post.authorWithPoints': '{name} ({points})',

  'vote.score': {one: '{score} voto', many: '{score} de votos', other: '{score} votos'},

  'vote.up': 'Votar a favor de {what}',
  'vote.down': 'Votar en contra de {what}',

  // Filled into the labels above and below: «Editar la respuesta de Jonas».
  'what.question': 'la pregunta',
  'what.answer': 'la respuesta de {author}',
  'what.comment': 'el comentario de {author}',

  'reason.own-post': 'Es tu propia publicación.',
  'reason.hidden': 'Esta publicación está oculta.',
  'reason.pending': 'Esta publicación está pendiente de moderación.',
  'reason.rate-limited':
    'Ya lo hiciste muchas veces en la última hora. Podrás volver a intentarlo más tarde.',
  'reason.not-asker': 'Solo quien hizo la pregunta puede elegir la mejor respuesta.',
  'reason.other': 'Esto no es posible en este momento.',

  'accept.select': 'Marcar como mejor respuesta',
  'accept.remove': 'Quitar la selección',

  'post.pending': 'Pendiente de moderación. Por ahora, solo tú puedes ver esto.',
  'post.hiddenForOthers': 'Se ocultó tras recibir reportes. Solo tú puedes ver esto.',
  'post.edit': 'Editar',
  'post.editLabel': 'Editar {what}',
  'post.remove': 'Eliminar',
  'post.removeLabel': 'Eliminar {what}',
  'post.removeConfirm': '¿Eliminar esto definitivamente?',
  'post.removeYes': 'Sí, eliminar',
  'post.removeNo': 'Conservar',
  'post.removeFailed': 'No se pudo eliminar. {reason}',

  'flag.open': 'Reportar',
  'flag.label': 'Reportar {what}',
  'flag.done': 'Reporte enviado',

  'comments.label': 'Comentarios sobre {what}',
  'comments.showEarlier': {
    one: 'Mostrar {count} comentario anterior',
    many: 'Mostrar {count} de comentarios anteriores',
    other: 'Mostrar {count} comentarios anteriores',
  },
  'comments.loading': 'Cargando comentarios…',
  'comments.failed': 'No se pudieron cargar los comentarios. {reason}',
  'comments.add': 'Agregar un comentario',
  'comment.byline': '{author}, {time}',

  'vote.saved': 'Voto guardado. La puntuación ahora es {score}.',
  'vote.removed': 'Voto retirado. La puntuación ahora es {score}.',
  'vote.failed': 'No se pudo guardar tu voto. {reason}',
  'accept.selected': 'Marcada como la mejor respuesta.',
  'accept.cleared': 'Se quitó la selección de mejor respuesta.',
  'accept.failed': 'No se pudo cambiar la mejor respuesta. {reason}',
  'post.removed': 'Se eliminó.',
  'post.saved': 'Se guardaron tus cambios.',
  'flag.heading': '¿Por qué debería revisarlo el equipo de moderación?',
  'flag.reason.spam': 'Spam o publicidad',
  'flag.reason.abusive': 'Grosero, ofensivo o poco amable',
  'flag.reason.other': 'Otro motivo',
  'flag.note': '¿Cuál es el problema?',
  'flag.submit': 'Enviar al equipo de moderación',
  'flag.thanks': 'Gracias. El equipo de moderación lo revisará.',
  'flag.failed': 'No se pudo enviar el reporte. {reason}',
  'flag.noteRequired': 'Por favor, indica cuál es el problema.',
  'form.answer.heading': 'Tu respuesta',
  'form.answer.label': 'Escribe tu respuesta',
  'form.answer.hint':
    'Al menos {min} caracteres. Por favor, no incluyas nada que pueda identificarte a ti o a otra persona.',
  'form.answer.notify':
    'Avisarme por correo cuando mi respuesta sea elegida como la mejor o reciba un comentario',
  'form.answer.submit': 'Publicar respuesta',
  'form.answer.posted': 'Se publicó tu respuesta.',
  'form.answer.pending':
    'Se envió tu respuesta. Aparecerá cuando el equipo de moderación la haya revisado.',
  'form.comment.label': 'Tu comentario',
  'form.comment.notify': 'Avisarme por correo cuando alguien comente después de mí',
  'form.comment.submit': 'Publicar comentario',
  'form.comment.posted': 'Se publicó tu comentario.',
  'form.edit.label': 'Edita tu texto',
  'form.edit.submit': 'Guardar cambios',
  'form.name.label': 'Nombre para mostrar (opcional)',
  'form.name.hint': 'Déjalo en blanco para publicar de forma anónima.',
  'form.email.label': 'Correo electrónico',
  'form.email.privacy': 'Solo se usa para estos avisos. Nunca se muestra a nadie.',
  'form.cancel': 'Cancelar',
  'form.sending': 'Enviando…',
  'form.failed': 'No se envió: {reason} Tu texto sigue aquí.',
  'form.error.tooShort': 'Escribe al menos {min} caracteres.',
  'form.error.tooLong': 'Usa como máximo {max} caracteres; ahora hay {count}.',
  'form.error.nameTooLong': 'El nombre puede tener como máximo {max} caracteres.',
  'form.error.email': 'Escribe una dirección de correo válida o desmarca la casilla de arriba.',
  'form.email.confirm':
    'Si esta dirección es nueva aquí, le enviamos un correo: ábrelo y confirma, o no llegarán avisos. Revisa también la carpeta de spam.',
  'form.error.duplicate': 'Esto dice lo mismo que algo que ya está publicado aquí.',
  'form.error.waitMinutes': {
    one: 'Publicaste mucho en la última hora. Podrás volver a publicar en {count} minuto.',
    many: 'Publicaste mucho en la última hora. Podrás volver a publicar en {count} de minutos.',
    other: 'Publicaste mucho en la última hora. Podrás volver a publicar en {count} minutos.',
  },
  'editor.toolbar': 'Formato',
  'editor.bold': 'Negrita',
  'editor.italic': 'Cursiva',
  'editor.link': 'Enlace',
  'editor.bulleted': 'Lista con viñetas',
  'editor.numbered': 'Lista numerada',
  'editor.quote': 'Cita',
  'editor.write': 'Escribir',
  'editor.preview': 'Vista previa',
  'editor.previewEmpty': 'Todavía no hay nada que previsualizar.',
  'editor.previewLoading': 'Cargando la vista previa…',
  'editor.previewFailed': 'No se pudo mostrar la vista previa. {reason}',
  'draft.restored': 'Borrador recuperado',
  'draft.discard': 'Descartar',
  'draft.elsewhere': 'Este texto se cambió en otra pestaña.',
  'draft.posted': 'Esto se publicó desde otra pestaña.',
  'draft.unavailable':
    'No se pueden guardar borradores en este dispositivo. Tu texto se queda aquí mientras la página esté abierta.',
  'outbox.offline': 'Pendiente de publicar: se enviará cuando vuelvas a tener conexión.',
  'outbox.retrying':
    'Pendiente de publicar: no se puede conectar con el servidor. Se volverá a intentar en breve.',
  'outbox.refused': 'No se publicó: {reason} Tu texto volvió a su formulario.',
  'outbox.noEmail':
    'Publicado. No se activaron los avisos por correo: la dirección no se guarda en este dispositivo.',
  'form.error.too-complex': 'Demasiado complejo para mostrarlo.',
};
