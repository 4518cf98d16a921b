import type {Catalog} from '../localizer.js';

/**
 * Japanese. No plural forms (Intl gives only `other`); the time comes first and takes
 * に ("3 日前に Maya が質問").
 */
export const ja: Catalog = {
  'thread.loading': '回答を読み込んでいます…',
  'thread.loadingMore': 'さらに回答を読み込んでいます…',
  'thread.retry': '再試行',
  'thread.empty': 'まだ回答はありません。',
  'thread.answersHeading': {other: '回答 {count} 件'},
  'thread.sortLabel': '回答の並べ替え',
  'thread.sort.votes': '票の多い順',
  'thread.sort.oldest': '古い順',
  'thread.sort.newest': '新しい順',
  'thread.showMore': '回答をさらに表示',
  'thread.moreLoaded': {other: 'さらに {count} 件の回答を表示しました'},
  'thread.noQuestion': 'このスレッドにはまだ質問が設定されていません。',

  'error.load': '回答を読み込めませんでした。',
  'error.loadMore': '続きの回答を読み込めませんでした。',
  'error.network': 'Quanda がサーバーに接続できませんでした。接続を確認してください。',
  'error.timeout': 'サーバーの応答に時間がかかりすぎました。',
  'error.notFound': 'この質問は見つかりませんでした。',
  'error.server': 'サーバーで問題が発生しました。',
  'error.invalidResponse': 'サーバーから Quanda が読み取れないデータが届きました。',
  'error.rateLimited': 'リクエストが多すぎます。しばらくお待ちください。',
  'error.generic': '問題が発生しました。',

  'post.anonymous': '匿名',
  'post.points': {other: '{points} ポイント'},
  'question.asked': '{time}に {author} が質問',
  'question.askedIn': '{time}に {author} が「{category}」で質問',
  'question.tags': 'タグ',
  'answer.answered': '{time}に {author} が回答',
  'answer.byLabel': '{author} の回答',
  'answer.best': 'ベストアンサー',
  'post.edited': '{time}に {author} が編集',
  'post.editedAnon': '{time}に編集',
  'post.authorWithPoints': '{name}（{points}）',

  'vote.score': {other: '{score} 票'},
};
