import type { Strings } from '../strings.js';

/**
 * Portuguese (Brazil). Shoppers are addressed as “você”; the card's words are the ones Brazilian
 * checkouts use: “CVV”, “Validade”, “Nome impresso no cartão”, and a refusal for lack of
 * “saldo ou limite” (debit or credit).
 */
const ptBR: Strings = {
  loading: 'Carregando o pagamento…',
  cardFrameTitle: 'Dados do cartão',
  email: 'E-mail',
  'email.required': 'Informe seu e-mail.',
  'email.invalid': 'Informe um e-mail válido.',
  pay: 'Pagar {amount}',
  paying: 'Processando…',
  paid: 'Pagamento concluído. Obrigado!',
  tryAgain: 'Tentar novamente',
  hostedButton: 'Continuar para o pagamento seguro',
  hostedNote: 'Você concluirá o pagamento em uma página segura.',
  summary: 'Resumo do pedido',
  items: { one: '{n} item', many: '{n} itens', other: '{n} itens' },
  quantity: 'Qtd.: {n}',
  total: 'Total',
  errorIcon: 'Erro:',
  challengeTitle: 'Confirme seu pagamento',
  challengeFrame: 'Verificação do cartão pelo seu banco',
  challengeClose: 'Cancelar verificação',
  'saved.legend': 'Forma de pagamento',
  'saved.endingIn': 'final',
  'saved.expires': 'Vence em {date}',
  'saved.expired': 'Venceu em {date}',
  'saved.newCard': 'Usar um novo cartão',
  'saved.save': 'Salvar este cartão para pagamentos futuros',
  'saved.saveHint': 'Salvo com segurança pelo nosso provedor de pagamentos. Na próxima vez, você poderá pagar com ele aqui sem digitar os dados do cartão.',
  'saved.willSave': 'Este cartão será salvo para seus próximos pagamentos aqui.',
  'saved.willSaveOffSession': 'Este cartão será salvo. Ao pagar, você autoriza esta loja a cobrar pagamentos futuros nele, de acordo com os termos dela.',
  'saved.mayCharge': 'Ao pagar, você autoriza esta loja a cobrar pagamentos futuros neste cartão, de acordo com os termos dela.',
  'saved.card': 'Cartão',
  card_declined: 'Seu cartão foi recusado. Tente outro cartão.',
  insufficient_funds: 'Saldo ou limite insuficiente no cartão. Tente outro cartão.',
  incorrect_cvc: 'O CVV do cartão está incorreto.',
  expired_card: 'Seu cartão está vencido. Tente outro cartão.',
  processing_error: 'Não foi possível processar seu cartão. Tente novamente em instantes.',
  authentication_required: 'Seu banco precisa verificar este pagamento. Tente novamente.',
  payment_intent_authentication_failure: 'Seu banco não conseguiu verificar este pagamento. Tente novamente ou use outro cartão.',
  authentication_canceled: 'A verificação foi cancelada. Você pode tentar novamente.',
  redirect_canceled: 'Seu banco precisa verificar este pagamento na página dele. Tente novamente para acessá-la.',
  server_error: 'O serviço de pagamento teve um problema. Tente novamente em instantes.',
  network_error: 'Não foi possível acessar o serviço de pagamento. Verifique sua conexão e tente novamente.',
  frame_unavailable: 'Não foi possível carregar o formulário seguro do cartão. Verifique sua conexão e tente novamente.',
  session_expired: 'Esta sessão de pagamento expirou. Recomece pela loja.',
  session_completed: 'Este pedido já foi pago.',
  resource_missing: 'Esta sessão de pagamento não foi encontrada.',
  validation_failed: 'Verifique os campos destacados.',
  integration_error: 'Este pagamento não está configurado corretamente.',
  unexpected: 'Algo deu errado. Tente novamente.',
};

export default ptBR;
