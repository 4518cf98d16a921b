import type {MailCatalog} from './en.js';

/** Japanese, polite です・ます, as the widget's catalogue. */
export const ja: MailCatalog = {
  'subject.confirm': '{site} のメールアドレスの確認をお願いします',
  'subject.answer': '{site} であなたの質問に新しい回答があります',
  'subject.comment.question': '{site} であなたの質問に新しいコメントがあります',
  'subject.comment.answer': '{site} であなたの回答に新しいコメントがあります',
  'subject.comment.comment': '{site} であなたのコメントの後に新しいコメントがあります',
  'subject.best': '{site} であなたの回答がベストアンサーに選ばれました',
  'subject.several': '{site} であなたの投稿に新しい反応があります',
  'subject.pending': '{site} で承認待ちの投稿があります',
  'subject.hidden': '{site} で報告により投稿が非表示になりました',

  'confirm.intro':
    '{site} のあなたの投稿への反応をメールで受け取る設定が行われました。まず、これがあなたのアドレスであることを確認してください。',
  'confirm.action': 'アドレスを確認する',
  'confirm.ignore':
    'お心当たりがない場合は、このメールを無視してください。これ以上メールは送られず、アドレスは {days} 日後に削除されます。',

  'event.answer': '「{title}」に新しい回答があります:',
  'event.comment.question': 'あなたの質問「{title}」に新しいコメントがあります:',
  'event.comment.answer': '「{title}」へのあなたの回答に新しいコメントがあります:',
  'event.comment.comment': '「{title}」で、あなたのコメントの後に新しいコメントがあります:',
  'event.best': '「{title}」へのあなたの回答がベストアンサーに選ばれました。',
  'event.pending': '「{title}」への新しい投稿が承認を待っています:',
  'event.hidden': '「{title}」への投稿が、読者の報告により非表示になりました:',
  'event.open': '質問を開く',

  'footer.reader':
    'あなたの投稿への反応を知らせるよう設定されたため、このメールをお送りしています。',
  'footer.moderator':
    'このアドレスが {site} のモデレーターとして登録されているため、このメールをお送りしています。',
  'footer.unsubscribe': 'このメールの配信を停止する',

  'page.invalid.title': 'このリンクは使えません',
  'page.invalid.text':
    '古いリンクか、途中で切れている可能性があります。メールからコピーした場合は、リンク全体をコピーしてください。何も変更されていません。',
  'page.confirm.title': 'メールアドレスの確認',
  'page.confirm.text':
    'ボタンを押すと、{site} のあなたの投稿への反応がメールで届くようになります。',
  'page.confirm.button': '確認する',
  'page.confirmed.text':
    'ありがとうございます。アドレスが確認されました。反応があればお知らせします。',
  'page.unsubscribe.title': 'このメールの配信を停止',
  'page.unsubscribe.text': 'ボタンを押すと、この投稿についてのメールが届かなくなります。',
  'page.unsubscribe.button': 'この投稿についてのメールを停止する',
  'page.unsubscribed.text': '完了しました。この投稿についてのメールはもう送られません。',
  'page.stop.text':
    '{site} からこのアドレスへのすべてのメールを停止することもできます。その場合、アドレスは削除されます。',
  'page.stop.button': 'このアドレスへのすべてのメールを停止する',
  'page.stopped.text': '完了しました。このアドレスには今後何も送られず、アドレスは削除されました。',
};
