import type { CardStrings } from '../strings.js';

/** Spanish: the words on Spanish cards and banking apps (Número de tarjeta, Fecha de caducidad, Código de seguridad), «tú». */
const es: CardStrings = {
  cardNumber: 'Número de tarjeta',
  expiry: 'Fecha de caducidad',
  expiryPlaceholder: 'MM / AA',
  cvc: 'Código de seguridad',
  cvcHint: { one: '{n} dígito que figura en tu tarjeta', many: '{n} dígitos que figuran en tu tarjeta', other: '{n} dígitos que figuran en tu tarjeta' },
  name: 'Nombre del titular',
  brand: 'Marca de la tarjeta:',
  errorIcon: 'Error:',
  refused: 'Este formulario de pago no se puede usar en esta página.',
  'number.incomplete': 'El número de tarjeta está incompleto.',
  'number.invalid': 'El número de tarjeta no es válido.',
  'number.required': 'Introduce el número de tu tarjeta.',
  'expiry.incomplete': 'La fecha de caducidad está incompleta.',
  'expiry.invalid_month': 'El mes de caducidad no es válido.',
  'expiry.expired': 'La fecha de caducidad de tu tarjeta ya ha pasado.',
  'expiry.too_far': 'El año de caducidad es demasiado lejano.',
  'expiry.required': 'Introduce la fecha de caducidad.',
  'cvc.incomplete': 'El código de seguridad está incompleto.',
  'cvc.invalid': 'El código de seguridad no es válido.',
  'cvc.required': 'Introduce el código de seguridad.',
  'name.required': 'Introduce el nombre del titular que figura en la tarjeta.',
};

export default es;
