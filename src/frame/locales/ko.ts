import type { CardStrings } from '../strings.js';

/** Korean: the words on Korean cards and card-company pages (카드 번호, 유효기간, 보안 코드(CVC)); polite ~해 주세요. */
const ko: CardStrings = {
  cardNumber: '카드 번호',
  expiry: '유효기간',
  expiryPlaceholder: 'MM / YY',
  cvc: '보안 코드(CVC)',
  cvcHint: { other: '카드에 적힌 숫자 {n}자리' },
  name: '카드 소유자 이름',
  brand: '카드 브랜드:',
  errorIcon: '오류:',
  refused: '이 페이지에서는 이 결제 양식을 사용할 수 없습니다.',
  'number.incomplete': '카드 번호를 끝까지 입력해 주세요.',
  'number.invalid': '카드 번호가 올바르지 않습니다.',
  'number.required': '카드 번호를 입력해 주세요.',
  'expiry.incomplete': '유효기간을 끝까지 입력해 주세요.',
  'expiry.invalid_month': '유효기간의 월이 올바르지 않습니다.',
  'expiry.expired': '카드 유효기간이 지났습니다.',
  'expiry.too_far': '유효기간의 연도가 너무 먼 미래입니다.',
  'expiry.required': '유효기간을 입력해 주세요.',
  'cvc.incomplete': '보안 코드를 끝까지 입력해 주세요.',
  'cvc.invalid': '보안 코드가 올바르지 않습니다.',
  'cvc.required': '보안 코드를 입력해 주세요.',
  'name.required': '카드 소유자 이름을 입력해 주세요.',
};

export default ko;
