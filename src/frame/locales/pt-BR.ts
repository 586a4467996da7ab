import type { CardStrings } from '../strings.js';

/** Portuguese (Brazil): the words of Brazilian checkouts (Número do cartão, Validade, CVV, Nome impresso no cartão, Bandeira). */
const ptBR: CardStrings = {
  cardNumber: 'Número do cartão',
  expiry: 'Validade',
  expiryPlaceholder: 'MM / AA',
  cvc: 'CVV',
  cvcHint: { one: '{n} dígito impresso no cartão', many: '{n} dígitos impressos no cartão', other: '{n} dígitos impressos no cartão' },
  name: 'Nome impresso no cartão',
  brand: 'Bandeira do cartão:',
  errorIcon: 'Erro:',
  refused: 'Este formulário de pagamento não pode ser usado nesta página.',
  'number.incomplete': 'O número do cartão está incompleto.',
  'number.invalid': 'O número do cartão é inválido.',
  'number.required': 'Informe o número do cartão.',
  'expiry.incomplete': 'A validade está incompleta.',
  'expiry.invalid_month': 'O mês da validade é inválido.',
  'expiry.expired': 'A validade do cartão já passou.',
  'expiry.too_far': 'O ano da validade está distante demais.',
  'expiry.required': 'Informe a validade.',
  'cvc.incomplete': 'O CVV está incompleto.',
  'cvc.invalid': 'O CVV é inválido.',
  'cvc.required': 'Informe o CVV.',
  'name.required': 'Informe o nome impresso no cartão.',
};

export default ptBR;
