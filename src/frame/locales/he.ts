import type { CardStrings } from '../strings.js';

/**
 * Hebrew: the words of Israeli checkouts (מספר כרטיס, תוקף, קוד אבטחה (CVV));
 * gender-neutral «יש ל…» requests; the expiry keeps MM / YY as the cards print it.
 */
const he: CardStrings = {
  cardNumber: 'מספר כרטיס',
  expiry: 'תוקף',
  expiryPlaceholder: 'MM / YY',
  cvc: 'קוד אבטחה (CVV)',
  cvcHint: { one: '{n} ספרה בכרטיס', two: '{n} ספרות בכרטיס', other: '{n} ספרות בכרטיס' },
  name: 'שם בעל הכרטיס',
  brand: 'סוג כרטיס:',
  errorIcon: 'שגיאה:',
  refused: 'לא ניתן להשתמש בטופס התשלום הזה בדף זה.',
  'number.incomplete': 'מספר הכרטיס אינו מלא.',
  'number.invalid': 'מספר הכרטיס אינו תקין.',
  'number.required': 'יש להזין את מספר הכרטיס.',
  'expiry.incomplete': 'התוקף אינו מלא.',
  'expiry.invalid_month': 'חודש התוקף אינו תקין.',
  'expiry.expired': 'תוקף הכרטיס פג.',
  'expiry.too_far': 'שנת התוקף רחוקה מדי.',
  'expiry.required': 'יש להזין את תוקף הכרטיס.',
  'cvc.incomplete': 'קוד האבטחה אינו מלא.',
  'cvc.invalid': 'קוד האבטחה אינו תקין.',
  'cvc.required': 'יש להזין את קוד האבטחה.',
  'name.required': 'יש להזין את שם בעל הכרטיס.',
};

export default he;
