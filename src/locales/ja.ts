import type { Strings } from '../strings.js';

/**
 * Japanese. Polite (です・ます, お〜ください) as Japanese shops and card issuers write; the words on
 * Japanese cards and issuers' pages: セキュリティコード, 有効期限, カード名義人, 本人認証 (3-D Secure),
 * and 利用可能枠 for a credit limit; counts of goods in 点. Full-width 。、： punctuation.
 */
const ja: Strings = {
  loading: '決済画面を読み込んでいます…',
  cardFrameTitle: 'カード情報',
  email: 'メールアドレス',
  'email.required': 'メールアドレスを入力してください。',
  'email.invalid': '有効なメールアドレスを入力してください。',
  pay: '{amount}を支払う',
  paying: '処理中…',
  paid: 'お支払いが完了しました。ありがとうございました。',
  tryAgain: '再試行',
  hostedButton: '安全な決済ページへ進む',
  hostedNote: 'お支払いは安全な決済ページで完了します。',
  summary: 'ご注文内容',
  items: { other: '{n}点' },
  quantity: '数量：{n}',
  total: '合計',
  errorIcon: 'エラー：',
  challengeTitle: 'お支払いの本人認証',
  challengeFrame: 'カード発行会社による本人認証',
  challengeClose: '本人認証をキャンセル',
  card_declined: 'カードが承認されませんでした。別のカードをお試しください。',
  insufficient_funds: 'カードの残高または利用可能枠が不足しています。別のカードをお試しください。',
  incorrect_cvc: 'セキュリティコードが正しくありません。',
  expired_card: 'カードの有効期限が切れています。別のカードをお試しください。',
  processing_error: 'カードを処理できませんでした。しばらくしてからもう一度お試しください。',
  authentication_required: 'カード発行会社による本人認証が必要です。もう一度お試しください。',
  payment_intent_authentication_failure: '本人認証を完了できませんでした。もう一度お試しいただくか、別のカードをご利用ください。',
  authentication_canceled: '本人認証がキャンセルされました。もう一度お試しいただけます。',
  redirect_canceled: 'カード発行会社のページで本人認証を行う必要があります。もう一度お試しいただくと、そのページに移動します。',
  network_error: '決済サービスに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。',
  frame_unavailable: 'カード情報の入力フォームを読み込めませんでした。通信環境をご確認のうえ、もう一度お試しください。',
  session_expired: 'この決済画面の有効期限が切れました。ショップからもう一度やり直してください。',
  session_completed: 'このご注文はお支払い済みです。',
  resource_missing: 'この決済画面が見つかりませんでした。',
  validation_failed: '入力内容に誤りがあります。表示された項目をご確認ください。',
  integration_error: 'この決済画面は正しく設定されていません。',
  unexpected: 'エラーが発生しました。もう一度お試しください。',
};

export default ja;
