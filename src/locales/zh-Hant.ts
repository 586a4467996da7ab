import type { Strings } from '../strings.js';

/**
 * Chinese (Traditional), as Taiwan's checkouts and card issuers write (Hong Kong shoppers get it
 * too): 付款, 卡片, 發卡銀行, 安全碼, 有效期限, 身分驗證; full-width ，。：！ punctuation and the
 * six-dot ellipsis ……
 */
const zhHant: Strings = {
  loading: '正在載入結帳資訊……',
  cardFrameTitle: '卡片資料',
  email: '電子郵件',
  'email.required': '請輸入電子郵件地址。',
  'email.invalid': '請輸入有效的電子郵件地址。',
  pay: '付款 {amount}',
  paying: '處理中……',
  paid: '付款完成，謝謝您的購買！',
  tryAgain: '再試一次',
  hostedButton: '前往安全付款頁面',
  hostedNote: '您將在安全的頁面上完成付款。',
  summary: '訂單摘要',
  items: { other: '{n}件商品' },
  quantity: '數量：{n}',
  total: '總計',
  errorIcon: '錯誤：',
  challengeTitle: '付款驗證',
  challengeFrame: '發卡銀行身分驗證',
  challengeClose: '取消驗證',
  'saved.legend': '付款方式',
  'saved.endingIn': '末四碼',
  'saved.expires': '有效期限至{date}',
  'saved.expired': '已於{date}到期',
  'saved.newCard': '使用新卡片',
  'saved.save': '儲存此卡片，供日後付款使用',
  'saved.saveHint': '由我們的金流服務商安全保存。下次在此付款時，不必再輸入卡片資料。',
  'saved.willSave': '此卡片將會儲存，供您日後在此付款使用。',
  'saved.willSaveOffSession': '此卡片將會儲存。付款即表示您同意本商店依其條款，日後以此卡片扣款。',
  'saved.mayCharge': '付款即表示您同意本商店依其條款，日後以此卡片扣款。',
  'saved.card': '卡片',
  card_declined: '您的卡片遭到拒絕，請改用其他卡片。',
  insufficient_funds: '卡片餘額或額度不足，請改用其他卡片。',
  incorrect_cvc: '卡片安全碼不正確。',
  expired_card: '您的卡片已過期，請改用其他卡片。',
  processing_error: '目前無法處理您的卡片，請稍後再試。',
  authentication_required: '發卡銀行需要驗證這筆付款，請再試一次。',
  payment_intent_authentication_failure: '發卡銀行無法驗證這筆付款，請再試一次或改用其他卡片。',
  authentication_canceled: '驗證已取消，您可以再試一次。',
  redirect_canceled: '發卡銀行需要在其頁面上驗證這筆付款，請再試一次以前往該頁面。',
  server_error: '付款服務發生問題，請稍後再試。',
  network_error: '無法連線至付款服務，請檢查網路連線後再試一次。',
  frame_unavailable: '無法載入安全的卡片表單，請檢查網路連線後再試一次。',
  session_expired: '此結帳已逾時，請返回商店重新開始。',
  session_completed: '此訂單已完成付款。',
  resource_missing: '找不到此結帳資訊。',
  validation_failed: '請檢查標示的欄位。',
  integration_error: '此結帳頁面設定有誤。',
  unexpected: '發生錯誤，請再試一次。',
};

export default zhHant;
