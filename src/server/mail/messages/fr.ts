import type {MailCatalog} from './en.js';

/** French, "vous", with a no-break space (U+00A0) before ":" and a narrow one (U+202F) before "; ! ?". */
export const fr: MailCatalog = {
  'subject.confirm': 'Merci de confirmer votre adresse e-mail pour {site}',
  'subject.answer': 'Une nouvelle réponse à votre question sur {site}',
  'subject.comment.question': 'Un nouveau commentaire sur votre question sur {site}',
  'subject.comment.answer': 'Un nouveau commentaire sur votre réponse sur {site}',
  'subject.comment.comment': 'Un nouveau commentaire après le vôtre sur {site}',
  'subject.best': 'Votre réponse a été choisie comme la meilleure sur {site}',
  'subject.several': 'De nouvelles réactions à votre message sur {site}',
  'subject.pending': 'Un message attend une validation sur {site}',
  'subject.hidden': 'Des signalements ont masqué un message sur {site}',

  'confirm.intro':
    'Vous avez demandé à être prévenu·e par e-mail des réactions à votre message sur {site}. Pour commencer, merci de confirmer qu’il s’agit bien de votre adresse\u00a0:',
  'confirm.action': 'Confirmer mon adresse',
  'confirm.ignore':
    'Si ce n’était pas vous, vous pouvez ignorer cet e-mail\u202f: rien d’autre ne sera envoyé, et l’adresse sera supprimée après {days}\u00a0jours.',

  'event.answer': 'Une nouvelle réponse à «\u00a0{title}\u00a0»\u00a0:',
  'event.comment.question':
    'Un nouveau commentaire sur votre question «\u00a0{title}\u00a0»\u00a0:',
  'event.comment.answer': 'Un nouveau commentaire sur votre réponse à «\u00a0{title}\u00a0»\u00a0:',
  'event.comment.comment': 'Un nouveau commentaire après le vôtre sur «\u00a0{title}\u00a0»\u00a0:',
  'event.best': 'Votre réponse à «\u00a0{title}\u00a0» a été choisie comme la meilleure réponse.',
  'event.pending': 'Un nouveau message sur «\u00a0{title}\u00a0» attend une validation\u00a0:',
  'event.hidden': 'Un message sur «\u00a0{title}\u00a0» a été masqué après des signalements\u00a0:',
  'event.open': 'Ouvrir la question',

  'footer.reader':
    'Vous recevez cet e-mail parce que vous avez demandé à être prévenu·e des réactions à votre message.',
  'footer.moderator':
    'Vous recevez cet e-mail parce que cette adresse figure parmi la modération de {site}.',
  'footer.unsubscribe': 'Ne plus recevoir ces e-mails',

  'page.invalid.title': 'Ce lien ne fonctionne pas',
  'page.invalid.text':
    'Il est peut-être ancien ou incomplet. Si vous l’avez copié depuis un e-mail, copiez bien le lien en entier. Rien n’a été modifié.',
  'page.confirm.title': 'Confirmer votre adresse e-mail',
  'page.confirm.text':
    'Appuyez sur le bouton pour recevoir des e-mails sur les réactions à votre message sur {site}.',
  'page.confirm.button': 'Confirmer',
  'page.confirmed.text':
    'Merci. Votre adresse est confirmée\u00a0: vous serez prévenu·e des réactions.',
  'page.unsubscribe.title': 'Ne plus recevoir ces e-mails',
  'page.unsubscribe.text': 'Appuyez sur le bouton pour ne plus recevoir d’e-mails sur ce message.',
  'page.unsubscribe.button': 'Ne plus recevoir d’e-mails sur ce message',
  'page.unsubscribed.text': 'C’est fait. Vous ne recevrez plus d’e-mails sur ce message.',
  'page.stop.text':
    'Vous pouvez aussi arrêter tous les e-mails de {site} vers cette adresse. L’adresse est alors supprimée.',
  'page.stop.button': 'Arrêter tous les e-mails vers cette adresse',
  'page.stopped.text':
    'C’est fait. Plus rien ne sera envoyé à cette adresse, et elle a été supprimée.',
};
