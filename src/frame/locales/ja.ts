import type { CardStrings } from '../strings.js';

/** Japanese: the words on Japanese cards and issuers' pages (カード番号, 有効期限, セキュリティコード, カード名義人); full-width ：。 */
const ja: CardStrings = {
  cardNumber: 'カード番号',
  expiry: '有効期限',
  expiryPlaceholder: 'MM / YY',
  cvc: 'セキュリティコード',
  cvcHint: { other: 'カードに記載の{n}桁の数字' },
  name: 'カード名義人',
  brand: 'カードブランド：',
  errorIcon: 'エラー：',
  refused: 'この決済フォームはこのページではご利用いただけません。',
  'number.incomplete': 'カード番号の桁数が足りません。',
  'number.invalid': 'カード番号が正しくありません。',
  'number.required': 'カード番号を入力してください。',
  'expiry.incomplete': '有効期限を月・年ともに入力してください。',
  'expiry.invalid_month': '有効期限の月が正しくありません。',
  'expiry.expired': 'カードの有効期限が過ぎています。',
  'expiry.too_far': '有効期限の年が先すぎます。',
  'expiry.required': '有効期限を入力してください。',
  'cvc.incomplete': 'セキュリティコードの桁数が足りません。',
  'cvc.invalid': 'セキュリティコードが正しくありません。',
  'cvc.required': 'セキュリティコードを入力してください。',
  'name.required': 'カード名義人を入力してください。',
};

export default ja;
