import type { Strings } from '../strings.js';

/**
 * Spanish. Shoppers are addressed as «tú», as the big payment and shop checkouts in Spanish do;
 * the wording is Spain's («caducada», «Introduce»), which Latin American shoppers read without
 * trouble (where «Ingresa» would read as «deposit» in Spain). Opening ¡ and ¿.
 */
const es: Strings = {
  loading: 'Cargando el pago…',
  cardFrameTitle: 'Datos de la tarjeta',
  email: 'Correo electrónico',
  'email.required': 'Introduce tu correo electrónico.',
  'email.invalid': 'Introduce un correo electrónico válido.',
  pay: 'Pagar {amount}',
  paying: 'Procesando…',
  paid: 'Pago completado. ¡Gracias!',
  tryAgain: 'Reintentar',
  hostedButton: 'Continuar al pago seguro',
  hostedNote: 'Completarás el pago en una página segura.',
  summary: 'Resumen del pedido',
  items: { one: '{n} artículo', many: '{n} artículos', other: '{n} artículos' },
  quantity: 'Cant.: {n}',
  total: 'Total',
  errorIcon: 'Error:',
  challengeTitle: 'Confirma tu pago',
  challengeFrame: 'Verificación de la tarjeta por tu banco',
  challengeClose: 'Cancelar verificación',
  'saved.legend': 'Método de pago',
  'saved.endingIn': 'terminada en',
  'saved.expires': 'Caduca en {date}',
  'saved.expired': 'Caducó en {date}',
  'saved.newCard': 'Usar una tarjeta nueva',
  'saved.save': 'Guardar esta tarjeta para futuros pagos',
  'saved.saveHint': 'Nuestro proveedor de pagos la guarda de forma segura. La próxima vez podrás pagar aquí con ella sin volver a escribir los datos de tu tarjeta.',
  'saved.willSave': 'Esta tarjeta se guardará para tus próximos pagos aquí.',
  'saved.willSaveOffSession': 'Esta tarjeta se guardará. Al pagar, autorizas a esta tienda a cobrarte en ella futuros pagos, de acuerdo con sus condiciones.',
  'saved.mayCharge': 'Al pagar, autorizas a esta tienda a cobrarte en esta tarjeta futuros pagos, de acuerdo con sus condiciones.',
  'saved.card': 'Tarjeta',
  card_declined: 'Tu tarjeta ha sido rechazada. Prueba con otra tarjeta.',
  insufficient_funds: 'Tu tarjeta no tiene fondos suficientes. Prueba con otra tarjeta.',
  incorrect_cvc: 'El código de seguridad de tu tarjeta es incorrecto.',
  expired_card: 'Tu tarjeta ha caducado. Prueba con otra tarjeta.',
  processing_error: 'No hemos podido procesar tu tarjeta. Vuelve a intentarlo en unos momentos.',
  authentication_required: 'Tu banco necesita verificar este pago. Vuelve a intentarlo.',
  payment_intent_authentication_failure: 'Tu banco no ha podido verificar este pago. Vuelve a intentarlo o usa otra tarjeta.',
  authentication_canceled: 'Se ha cancelado la verificación. Puedes volver a intentarlo.',
  redirect_canceled: 'Tu banco necesita verificar este pago en su propia página. Vuelve a intentarlo para ir a ella.',
  server_error: 'El servicio de pago ha tenido un problema. Vuelve a intentarlo en unos momentos.',
  network_error: 'No hemos podido conectar con el servicio de pago. Comprueba tu conexión y vuelve a intentarlo.',
  frame_unavailable: 'No se ha podido cargar el formulario seguro de la tarjeta. Comprueba tu conexión y vuelve a intentarlo.',
  session_expired: 'Esta sesión de pago ha caducado. Vuelve a empezar desde la tienda.',
  session_completed: 'Este pedido ya está pagado.',
  resource_missing: 'No se ha encontrado esta sesión de pago.',
  validation_failed: 'Revisa los campos marcados.',
  integration_error: 'Este pago no está configurado correctamente.',
  unexpected: 'Algo ha salido mal. Vuelve a intentarlo.',
};

export default es;
