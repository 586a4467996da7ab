import type { CardStrings } from '../strings.js';

/**
 * French: the words on French cards and banking apps (Numéro de carte, Date d’expiration,
 * Cryptogramme), « vous »; a non-breaking space before « : ».
 */
const fr: CardStrings = {
  cardNumber: 'Numéro de carte',
  expiry: 'Date d’expiration',
  expiryPlaceholder: 'MM / AA',
  cvc: 'Cryptogramme',
  cvcHint: { one: '{n} chiffre figurant sur votre carte', many: '{n} chiffres figurant sur votre carte', other: '{n} chiffres figurant sur votre carte' },
  name: 'Nom du titulaire de la carte',
  brand: 'Type de carte\u00a0:',
  errorIcon: 'Erreur\u00a0:',
  refused: 'Ce formulaire de paiement ne peut pas être utilisé sur cette page.',
  'number.incomplete': 'Le numéro de carte est incomplet.',
  'number.invalid': 'Le numéro de carte n’est pas valide.',
  'number.required': 'Saisissez le numéro de votre carte.',
  'expiry.incomplete': 'La date d’expiration est incomplète.',
  'expiry.invalid_month': 'Le mois d’expiration n’est pas valide.',
  'expiry.expired': 'La date d’expiration de votre carte est dépassée.',
  'expiry.too_far': 'L’année d’expiration est trop éloignée.',
  'expiry.required': 'Saisissez la date d’expiration.',
  'cvc.incomplete': 'Le cryptogramme est incomplet.',
  'cvc.invalid': 'Le cryptogramme n’est pas valide.',
  'cvc.required': 'Saisissez le cryptogramme.',
  'name.required': 'Saisissez le nom du titulaire de la carte.',
};

export default fr;
