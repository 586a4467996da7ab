import type { Strings } from '../strings.js';

/**
 * Korean. Polite 해요체 requests (~해 주세요) as Korean shops and card companies write; the words
 * Korean cards and card-company pages use: 유효기간, 보안 코드(CVC), 카드사 본인 인증, 잔액 또는
 * 한도 for debit or credit.
 */
const ko: Strings = {
  loading: '결제 화면을 불러오는 중…',
  cardFrameTitle: '카드 정보',
  email: '이메일',
  'email.required': '이메일 주소를 입력해 주세요.',
  'email.invalid': '올바른 이메일 주소를 입력해 주세요.',
  pay: '{amount} 결제하기',
  paying: '결제 처리 중…',
  paid: '결제가 완료되었습니다. 감사합니다!',
  tryAgain: '다시 시도',
  hostedButton: '안전한 결제 페이지로 이동',
  hostedNote: '안전한 페이지에서 결제를 완료하게 됩니다.',
  summary: '주문 요약',
  items: { other: '상품 {n}개' },
  quantity: '수량: {n}',
  total: '합계',
  errorIcon: '오류:',
  challengeTitle: '결제 인증',
  challengeFrame: '카드사 본인 인증',
  challengeClose: '인증 취소',
  'saved.legend': '결제 수단',
  'saved.endingIn': '끝자리',
  'saved.expires': '유효기간 {date}',
  'saved.expired': '유효기간 만료({date})',
  'saved.newCard': '새 카드 사용',
  'saved.save': '다음 결제를 위해 이 카드 저장',
  'saved.saveHint': '결제 대행사가 안전하게 보관합니다. 다음부터는 카드 정보를 입력하지 않고 여기에서 결제할 수 있습니다.',
  'saved.willSave': '이 카드는 이곳에서의 다음 결제를 위해 저장됩니다.',
  'saved.willSaveOffSession': '이 카드는 저장됩니다. 결제하면 이 상점이 약관에 따라 향후 결제 금액을 이 카드로 청구하는 데 동의하게 됩니다.',
  'saved.mayCharge': '결제하면 이 상점이 약관에 따라 향후 결제 금액을 이 카드로 청구하는 데 동의하게 됩니다.',
  'saved.card': '카드',
  card_declined: '카드 승인이 거절되었습니다. 다른 카드를 사용해 주세요.',
  insufficient_funds: '카드 잔액 또는 한도가 부족합니다. 다른 카드를 사용해 주세요.',
  incorrect_cvc: '카드 보안 코드(CVC)가 올바르지 않습니다.',
  expired_card: '카드 유효기간이 만료되었습니다. 다른 카드를 사용해 주세요.',
  processing_error: '카드를 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.',
  authentication_required: '카드사 본인 인증이 필요합니다. 다시 시도해 주세요.',
  payment_intent_authentication_failure: '카드사 본인 인증에 실패했습니다. 다시 시도하거나 다른 카드를 사용해 주세요.',
  authentication_canceled: '인증이 취소되었습니다. 다시 시도할 수 있습니다.',
  redirect_canceled: '카드사 페이지에서 본인 인증을 해야 합니다. 다시 시도하면 해당 페이지로 이동합니다.',
  server_error: '결제 서비스에 문제가 발생했습니다. 잠시 후 다시 시도해 주세요.',
  network_error: '결제 서비스에 연결할 수 없습니다. 인터넷 연결을 확인한 후 다시 시도해 주세요.',
  frame_unavailable: '보안 카드 입력 양식을 불러오지 못했습니다. 인터넷 연결을 확인한 후 다시 시도해 주세요.',
  session_expired: '결제 가능 시간이 만료되었습니다. 상점에서 다시 시작해 주세요.',
  session_completed: '이미 결제가 완료된 주문입니다.',
  resource_missing: '결제 정보를 찾을 수 없습니다.',
  validation_failed: '표시된 항목을 확인해 주세요.',
  integration_error: '결제 설정이 올바르지 않습니다.',
  unexpected: '문제가 발생했습니다. 다시 시도해 주세요.',
};

export default ko;
