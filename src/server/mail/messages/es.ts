import type {MailCatalog} from './en.js';

/** Spanish (Latin American), "tú", as the widget's catalogue. */
export const es: MailCatalog = {
  'subject.confirm': 'Confirma tu dirección de correo para {site}',
  'subject.answer': 'Una nueva respuesta a tu pregunta en {site}',
  'subject.comment.question': 'Un nuevo comentario en tu pregunta en {site}',
  'subject.comment.answer': 'Un nuevo comentario en tu respuesta en {site}',
  'subject.comment.comment': 'Un nuevo comentario después del tuyo en {site}',
  'subject.best': 'Tu respuesta fue elegida como la mejor en {site}',
  'subject.several': 'Nuevas reacciones a tu publicación en {site}',
  'subject.pending': 'Una publicación espera aprobación en {site}',
  'subject.hidden': 'Los reportes ocultaron una publicación en {site}',

  'confirm.intro':
    'Pediste recibir un correo cuando alguien responda a tu publicación en {site}. Para empezar, confirma que esta es tu dirección:',
  'confirm.action': 'Confirmar mi dirección',
  'confirm.ignore':
    'Si no fuiste tú, puedes ignorar este correo: no se enviará nada más y la dirección se borrará en {days} días.',

  'event.answer': 'Una nueva respuesta a «{title}»:',
  'event.comment.question': 'Un nuevo comentario en tu pregunta «{title}»:',
  'event.comment.answer': 'Un nuevo comentario en tu respuesta a «{title}»:',
  'event.comment.comment': 'Un nuevo comentario después del tuyo en «{title}»:',
  'event.best': 'Tu respuesta a «{title}» fue elegida como la mejor respuesta.',
  'event.pending': 'Una nueva publicación en «{title}» espera aprobación:',
  'event.hidden': 'Una publicación en «{title}» se ocultó tras varios reportes:',
  'event.open': 'Abrir la pregunta',

  'footer.reader':
    'Recibes este correo porque pediste que te avisaran de las respuestas a tu publicación.',
  'footer.moderator':
    'Recibes este correo porque esta dirección figura en la moderación de {site}.',
  'footer.unsubscribe': 'Dejar de recibir estos correos',

  'page.invalid.title': 'Este enlace no funciona',
  'page.invalid.text':
    'Puede que sea antiguo o que esté incompleto. Si lo copiaste de un correo, copia el enlace completo. No se cambió nada.',
  'page.confirm.title': 'Confirma tu dirección de correo',
  'page.confirm.text':
    'Presiona el botón para recibir correos sobre las respuestas a tu publicación en {site}.',
  'page.confirm.button': 'Confirmar',
  'page.confirmed.text': 'Gracias. Tu dirección está confirmada: te avisaremos de las respuestas.',
  'page.unsubscribe.title': 'Dejar de recibir estos correos',
  'page.unsubscribe.text':
    'Presiona el botón para dejar de recibir correos sobre esta publicación.',
  'page.unsubscribe.button': 'No más correos sobre esta publicación',
  'page.unsubscribed.text': 'Listo. No se enviarán más correos sobre esta publicación.',
  'page.stop.text':
    'También puedes detener todos los correos de {site} a esta dirección. La dirección se borra entonces.',
  'page.stop.button': 'Detener todos los correos a esta dirección',
  'page.stopped.text': 'Listo. No se enviará nada más a esta dirección, y se borró.',
};
