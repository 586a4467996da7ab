import type { Strings } from '../strings.js';

/**
 * Chinese (Simplified). The words of mainland checkouts and bank apps: 支付, 银行卡, 发卡行, 安全码,
 * 有效期; full-width ，。：！ punctuation and the six-dot ellipsis ……
 */
const zhHans: Strings = {
  loading: '正在加载结账信息……',
  cardFrameTitle: '银行卡信息',
  email: '电子邮箱',
  'email.required': '请输入电子邮箱地址。',
  'email.invalid': '请输入有效的电子邮箱地址。',
  pay: '支付 {amount}',
  paying: '正在处理……',
  paid: '支付成功，感谢您的购买！',
  tryAgain: '重试',
  hostedButton: '前往安全支付页面',
  hostedNote: '您将在安全页面上完成支付。',
  summary: '订单摘要',
  items: { other: '{n}件商品' },
  quantity: '数量：{n}',
  total: '合计',
  errorIcon: '错误：',
  challengeTitle: '支付验证',
  challengeFrame: '发卡行身份验证',
  challengeClose: '取消验证',
  card_declined: '您的银行卡被拒绝，请换一张卡重试。',
  insufficient_funds: '银行卡余额或额度不足，请换一张卡重试。',
  incorrect_cvc: '银行卡安全码不正确。',
  expired_card: '您的银行卡已过期，请换一张卡重试。',
  processing_error: '暂时无法处理您的银行卡，请稍后重试。',
  authentication_required: '发卡行需要验证此笔支付，请重试。',
  payment_intent_authentication_failure: '发卡行未能验证此笔支付，请重试或换一张卡。',
  authentication_canceled: '验证已取消，您可以重试。',
  redirect_canceled: '发卡行需要在其页面上验证此笔支付，请重试以前往该页面。',
  network_error: '无法连接支付服务，请检查网络连接后重试。',
  frame_unavailable: '无法加载安全的银行卡表单，请检查网络连接后重试。',
  session_expired: '此结账已过期，请返回商店重新下单。',
  session_completed: '此订单已支付。',
  resource_missing: '找不到此结账信息。',
  validation_failed: '请检查标出的信息。',
  integration_error: '此结账页面设置有误。',
  unexpected: '出了点问题，请重试。',
};

export default zhHans;
