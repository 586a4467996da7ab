import type { Strings } from '../strings.js';

/**
 * Hebrew, right to left. Requests in the gender-neutral infinitive («יש להזין», «יש לנסות»), as
 * Israeli sites and banks write; the card's words as on Israeli checkouts: מספר כרטיס, תוקף,
 * קוד אבטחה (CVV), מסגרת אשראי; abbreviations with gershayim (דוא״ל, סה״כ).
 */
const he: Strings = {
  loading: 'דף התשלום נטען…',
  cardFrameTitle: 'פרטי הכרטיס',
  email: 'דוא״ל',
  'email.required': 'יש להזין כתובת דוא״ל.',
  'email.invalid': 'יש להזין כתובת דוא״ל תקינה.',
  pay: 'לתשלום {amount}',
  paying: 'התשלום בעיבוד…',
  paid: 'התשלום בוצע בהצלחה. תודה!',
  tryAgain: 'לנסות שוב',
  hostedButton: 'המשך לתשלום מאובטח',
  hostedNote: 'התשלום יושלם בדף מאובטח.',
  summary: 'סיכום הזמנה',
  items: { one: '{n} פריט', two: '{n} פריטים', other: '{n} פריטים' },
  quantity: 'כמות: {n}',
  total: 'סה״כ',
  errorIcon: 'שגיאה:',
  challengeTitle: 'אישור התשלום',
  challengeFrame: 'אימות הכרטיס מול מנפיק הכרטיס',
  challengeClose: 'ביטול האימות',
  card_declined: 'הכרטיס נדחה. יש לנסות כרטיס אחר.',
  insufficient_funds: 'אין בכרטיס מספיק יתרה או מסגרת אשראי. יש לנסות כרטיס אחר.',
  incorrect_cvc: 'קוד האבטחה של הכרטיס שגוי.',
  expired_card: 'תוקף הכרטיס פג. יש לנסות כרטיס אחר.',
  processing_error: 'לא הצלחנו לעבד את הכרטיס. יש לנסות שוב בעוד רגע.',
  authentication_required: 'מנפיק הכרטיס צריך לאמת את התשלום. יש לנסות שוב.',
  payment_intent_authentication_failure: 'מנפיק הכרטיס לא הצליח לאמת את התשלום. יש לנסות שוב או להשתמש בכרטיס אחר.',
  authentication_canceled: 'האימות בוטל. אפשר לנסות שוב.',
  redirect_canceled: 'מנפיק הכרטיס צריך לאמת את התשלום בדף משלו. יש לנסות שוב כדי לעבור אליו.',
  network_error: 'אין חיבור לשירות התשלומים. יש לבדוק את החיבור לאינטרנט ולנסות שוב.',
  frame_unavailable: 'לא ניתן לטעון את הטופס המאובטח לפרטי הכרטיס. יש לבדוק את החיבור לאינטרנט ולנסות שוב.',
  session_expired: 'תוקף דף התשלום פג. יש להתחיל מחדש מהחנות.',
  session_completed: 'ההזמנה הזו כבר שולמה.',
  resource_missing: 'דף התשלום לא נמצא.',
  validation_failed: 'יש לבדוק את השדות המסומנים.',
  integration_error: 'דף התשלום לא הוגדר כראוי.',
  unexpected: 'משהו השתבש. יש לנסות שוב.',
};

export default he;
