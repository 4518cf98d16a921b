import type {Catalog} from '../localizer.js';

/**
 * Arabic (Modern Standard). Intl's plural rules give six forms: zero, one, two, few
 * (3–10), many (11–99) and other (100, 1000…); each is the grammatical form Arabic
 * uses after such a number. Where the form itself says the number (one, two, zero), the
 * digits are left out, as Arabic writes it — except for scores, whose sign matters.
 */
export const ar: Catalog = {
  'thread.loading': 'جارٍ تحميل الإجابات…',
  'thread.loadingMore': 'جارٍ تحميل المزيد من الإجابات…',
  'thread.retry': 'أعد المحاولة',
  'thread.empty': 'لا توجد إجابات بعد.',
  'thread.answersHeading': {
    zero: 'لا توجد إجابات',
    one: 'إجابة واحدة',
    two: 'إجابتان',
    few: '{count} إجابات',
    many: '{count} إجابة',
    other: '{count} إجابة',
  },
  'thread.sortLabel': 'ترتيب الإجابات حسب',
  'thread.sort.votes': 'الأكثر تصويتًا',
  'thread.sort.oldest': 'الأقدم أولًا',
  'thread.sort.newest': 'الأحدث أولًا',
  'thread.showMore': 'عرض المزيد من الإجابات',
  'thread.moreLoaded': {
    zero: 'لم تُعرض إجابات أخرى',
    one: 'عُرضت إجابة أخرى',
    two: 'عُرضت إجابتان أخريان',
    few: 'عُرضت {count} إجابات أخرى',
    many: 'عُرضت {count} إجابة أخرى',
    other: 'عُرضت {count} إجابة أخرى',
  },
  'thread.noQuestion': 'لم يُحدَّد سؤال لهذه المناقشة بعد.',

  'error.load': 'تعذّر تحميل الإجابات.',
  'error.loadMore': 'تعذّر تحميل المزيد من الإجابات.',
  'error.network': 'تعذّر على Quanda الوصول إلى الخادم. تحقّق من اتصالك.',
  'error.timeout': 'استغرق الخادم وقتًا طويلًا في الرد.',
  'error.notFound': 'لم يُعثر على هذا السؤال.',
  'error.server': 'واجه الخادم مشكلة.',
  'error.invalidResponse': 'أرسل الخادم بيانات تعذّر على Quanda قراءتها.',
  'error.rateLimited': 'طلبات كثيرة جدًا. يُرجى الانتظار قليلًا.',
  'error.generic': 'حدث خطأ ما.',

  'post.anonymous': 'مجهول',
  'post.points': {
    zero: '{points} نقطة',
    one: 'نقطة واحدة',
    two: 'نقطتان',
    few: '{points} نقاط',
    many: '{points} نقطة',
    other: '{points} نقطة',
  },
  'question.asked': 'طرحه {author} {time}',
  'question.askedIn': 'طرحه {author} {time} في {category}',
  'question.tags': 'الوسوم',
  'answer.answered': 'أجاب {author} {time}',
  'answer.byLabel': 'إجابة {author}',
  'answer.best': 'أفضل إجابة',
  'post.edited': 'عدّله {author} {time}',
  'post.editedAnon': 'عُدِّل {time}',
  'post.authorWithPoints': '{name} ({points})',

  'vote.score': {
    zero: '{score} صوت',
    one: '{score} صوت',
    two: '{score} صوتان',
    few: '{score} أصوات',
    many: '{score} صوتًا',
    other: '{score} صوت',
  },
};
