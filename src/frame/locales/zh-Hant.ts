import type { CardStrings } from '../strings.js';

/** Chinese (Traditional), as Taiwan's checkouts write: 卡號, 有效期限, 安全碼, 持卡人姓名, 卡別; full-width ：。 */
const zhHant: CardStrings = {
  cardNumber: '卡號',
  expiry: '有效期限',
  expiryPlaceholder: 'MM / YY',
  cvc: '安全碼',
  cvcHint: { other: '卡片上的{n}位數字' },
  name: '持卡人姓名',
  brand: '卡別：',
  errorIcon: '錯誤：',
  refused: '此付款表單無法在本頁面上使用。',
  'number.incomplete': '卡號不完整。',
  'number.invalid': '卡號無效。',
  'number.required': '請輸入卡號。',
  'expiry.incomplete': '有效期限不完整。',
  'expiry.invalid_month': '有效期限的月份無效。',
  'expiry.expired': '您的卡片已超過有效期限。',
  'expiry.too_far': '有效期限的年份過遠。',
  'expiry.required': '請輸入有效期限。',
  'cvc.incomplete': '安全碼不完整。',
  'cvc.invalid': '安全碼無效。',
  'cvc.required': '請輸入安全碼。',
  'name.required': '請輸入持卡人姓名。',
};

export default zhHant;
