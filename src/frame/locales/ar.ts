import type { CardStrings } from '../strings.js';

/**
 * Arabic: the words of Arab banks' cards and apps (رقم البطاقة, تاريخ الانتهاء, رمز الأمان); the
 * expiry keeps MM / YY as the cards print it (the field is left to right); all six plural forms.
 */
const ar: CardStrings = {
  cardNumber: 'رقم البطاقة',
  expiry: 'تاريخ الانتهاء',
  expiryPlaceholder: 'MM / YY',
  cvc: 'رمز الأمان',
  cvcHint: {
    zero: '{n} رقم على بطاقتك',
    one: '{n} رقم على بطاقتك',
    two: '{n} رقمان على بطاقتك',
    few: '{n} أرقام على بطاقتك',
    many: '{n} رقمًا على بطاقتك',
    other: '{n} رقم على بطاقتك',
  },
  name: 'الاسم على البطاقة',
  brand: 'نوع البطاقة:',
  errorIcon: 'خطأ:',
  refused: 'لا يمكن استخدام نموذج الدفع هذا على هذه الصفحة.',
  'number.incomplete': 'رقم البطاقة غير مكتمل.',
  'number.invalid': 'رقم البطاقة غير صالح.',
  'number.required': 'يُرجى إدخال رقم البطاقة.',
  'expiry.incomplete': 'تاريخ الانتهاء غير مكتمل.',
  'expiry.invalid_month': 'شهر الانتهاء غير صالح.',
  'expiry.expired': 'انقضى تاريخ انتهاء بطاقتك.',
  'expiry.too_far': 'سنة الانتهاء بعيدة جدًا في المستقبل.',
  'expiry.required': 'يُرجى إدخال تاريخ الانتهاء.',
  'cvc.incomplete': 'رمز الأمان غير مكتمل.',
  'cvc.invalid': 'رمز الأمان غير صالح.',
  'cvc.required': 'يُرجى إدخال رمز الأمان.',
  'name.required': 'يُرجى إدخال الاسم كما يظهر على البطاقة.',
};

export default ar;
