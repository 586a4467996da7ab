import type { CardStrings } from '../strings.js';

/** Chinese (Simplified): the words of mainland bank apps and checkouts (卡号, 有效期, 安全码, 持卡人姓名, 卡组织); full-width ：。 */
const zhHans: CardStrings = {
  cardNumber: '卡号',
  expiry: '有效期',
  expiryPlaceholder: 'MM / YY',
  cvc: '安全码',
  cvcHint: { other: '卡片上的{n}位数字' },
  name: '持卡人姓名',
  brand: '卡组织：',
  errorIcon: '错误：',
  refused: '此支付表单无法在本页面上使用。',
  'number.incomplete': '卡号不完整。',
  'number.invalid': '卡号无效。',
  'number.required': '请输入卡号。',
  'expiry.incomplete': '有效期不完整。',
  'expiry.invalid_month': '有效期月份无效。',
  'expiry.expired': '您的银行卡已过有效期。',
  'expiry.too_far': '有效期年份过远。',
  'expiry.required': '请输入有效期。',
  'cvc.incomplete': '安全码不完整。',
  'cvc.invalid': '安全码无效。',
  'cvc.required': '请输入安全码。',
  'name.required': '请输入持卡人姓名。',
};

export default zhHans;
