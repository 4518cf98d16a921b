import type {MailCatalog} from './en.js';

/**
 * Arabic, addressing no one as a man: verbal nouns and passives rather than imperatives,
 * as the widget's catalogue; no "لقد".
 */
export const ar: MailCatalog = {
  'subject.confirm': 'يُرجى تأكيد عنوان البريد الإلكتروني لموقع {site}',
  'subject.answer': 'إجابة جديدة على سؤالك في {site}',
  'subject.comment.question': 'تعليق جديد على سؤالك في {site}',
  'subject.comment.answer': 'تعليق جديد على إجابتك في {site}',
  'subject.comment.comment': 'تعليق جديد بعد تعليقك في {site}',
  'subject.best': 'اختيرت إجابتك أفضل إجابة في {site}',
  'subject.several': 'ردود جديدة على مشاركتك في {site}',
  'subject.pending': 'مشاركة بانتظار الموافقة في {site}',
  'subject.hidden': 'أُخفيت مشاركة بعد بلاغات القرّاء في {site}',

  'confirm.intro':
    'طُلب إرسال بريد عند الرد على مشاركتك في {site}. للبدء، يُرجى تأكيد أن هذا العنوان عنوانك:',
  'confirm.action': 'تأكيد العنوان',
  'confirm.ignore':
    'إن لم يكن الطلب منك، فيمكن تجاهل هذه الرسالة: لن يُرسل شيء بعدها، وسيُحذف العنوان بعد {days} أيام.',

  'event.answer': 'إجابة جديدة على «{title}»:',
  'event.comment.question': 'تعليق جديد على سؤالك «{title}»:',
  'event.comment.answer': 'تعليق جديد على إجابتك عن «{title}»:',
  'event.comment.comment': 'تعليق جديد بعد تعليقك على «{title}»:',
  'event.best': 'اختيرت إجابتك عن «{title}» أفضل إجابة.',
  'event.pending': 'مشاركة جديدة في «{title}» بانتظار الموافقة:',
  'event.hidden': 'أُخفيت مشاركة في «{title}» بعد بلاغات القرّاء:',
  'event.open': 'فتح السؤال',

  'footer.reader': 'تصلك هذه الرسالة لأنك طلبت إعلامك بالردود على مشاركتك.',
  'footer.moderator': 'تصلك هذه الرسالة لأن هذا العنوان مُدرج ضمن الإشراف على {site}.',
  'footer.unsubscribe': 'إيقاف هذه الرسائل',

  'page.invalid.title': 'هذا الرابط لا يعمل',
  'page.invalid.text':
    'قد يكون قديمًا أو ناقصًا. عند نسخه من رسالة، يُرجى نسخ الرابط كاملًا. لم يتغيّر شيء.',
  'page.confirm.title': 'تأكيد عنوان البريد الإلكتروني',
  'page.confirm.text': 'بالضغط على الزر تصلك رسائل عن الردود على مشاركتك في {site}.',
  'page.confirm.button': 'تأكيد',
  'page.confirmed.text': 'شكرًا. تم تأكيد العنوان، وستصلك الردود.',
  'page.unsubscribe.title': 'إيقاف هذه الرسائل',
  'page.unsubscribe.text': 'بالضغط على الزر تتوقف الرسائل عن هذه المشاركة.',
  'page.unsubscribe.button': 'إيقاف الرسائل عن هذه المشاركة',
  'page.unsubscribed.text': 'تم. لن تُرسل رسائل أخرى عن هذه المشاركة.',
  'page.stop.text': 'يمكن أيضًا إيقاف كل رسائل {site} إلى هذا العنوان، وعندها يُحذف العنوان.',
  'page.stop.button': 'إيقاف كل الرسائل إلى هذا العنوان',
  'page.stopped.text': 'تم. لن يُرسل شيء بعد الآن إلى هذا العنوان، وقد حُذف.',
};
