import type { Strings } from '../strings.js';

/**
 * Arabic (Modern Standard), right to left. Requests in the polite, gender-neutral «يُرجى» form;
 * the words of Arab banks' cards and apps: رمز الأمان, تاريخ الانتهاء, البنك المُصدر. Counts take all
 * six plural forms; the one and two forms keep the numeral (the type requires `{n}`) where prose
 * would drop it.
 */
const ar: Strings = {
  loading: 'جارٍ تحميل صفحة الدفع…',
  cardFrameTitle: 'بيانات البطاقة',
  email: 'البريد الإلكتروني',
  'email.required': 'يُرجى إدخال بريدك الإلكتروني.',
  'email.invalid': 'يُرجى إدخال بريد إلكتروني صالح.',
  pay: 'ادفع {amount}',
  paying: 'جارٍ المعالجة…',
  paid: 'تم الدفع بنجاح. شكرًا لك!',
  tryAgain: 'إعادة المحاولة',
  hostedButton: 'المتابعة إلى الدفع الآمن',
  hostedNote: 'ستُكمل عملية الدفع على صفحة آمنة.',
  summary: 'ملخص الطلب',
  items: { zero: '{n} منتج', one: '{n} منتج', two: '{n} منتجان', few: '{n} منتجات', many: '{n} منتجًا', other: '{n} منتج' },
  quantity: 'الكمية: {n}',
  total: 'الإجمالي',
  errorIcon: 'خطأ:',
  challengeTitle: 'تأكيد الدفع',
  challengeFrame: 'التحقق من البطاقة لدى البنك المُصدر',
  challengeClose: 'إلغاء التحقق',
  'saved.legend': 'طريقة الدفع',
  'saved.endingIn': 'المنتهية بالأرقام',
  'saved.expires': 'صالحة حتى {date}',
  'saved.expired': 'انتهت صلاحيتها في {date}',
  'saved.newCard': 'استخدام بطاقة جديدة',
  'saved.save': 'حفظ هذه البطاقة للمدفوعات المستقبلية',
  'saved.saveHint': 'يحفظها مزوّد خدمة الدفع لدينا بأمان. في المرة القادمة، يمكنك الدفع بها هنا دون إدخال بيانات بطاقتك.',
  'saved.willSave': 'سيتم حفظ هذه البطاقة لمدفوعاتك المستقبلية هنا.',
  'saved.willSaveOffSession': 'سيتم حفظ هذه البطاقة. بإتمام الدفع، تسمح لهذا المتجر بخصم المدفوعات المستقبلية منها وفقًا لشروطه.',
  'saved.mayCharge': 'بإتمام الدفع، تسمح لهذا المتجر بخصم المدفوعات المستقبلية من هذه البطاقة وفقًا لشروطه.',
  'saved.card': 'بطاقة',
  card_declined: 'تم رفض بطاقتك. يُرجى تجربة بطاقة أخرى.',
  insufficient_funds: 'الرصيد في بطاقتك غير كافٍ. يُرجى تجربة بطاقة أخرى.',
  incorrect_cvc: 'رمز الأمان لبطاقتك غير صحيح.',
  expired_card: 'انتهت صلاحية بطاقتك. يُرجى تجربة بطاقة أخرى.',
  processing_error: 'تعذّرت معالجة بطاقتك. يُرجى المحاولة مرة أخرى بعد قليل.',
  authentication_required: 'يحتاج البنك المُصدر لبطاقتك إلى التحقق من هذه الدفعة. يُرجى المحاولة مرة أخرى.',
  payment_intent_authentication_failure: 'تعذّر على البنك المُصدر لبطاقتك التحقق من هذه الدفعة. يُرجى المحاولة مرة أخرى أو استخدام بطاقة أخرى.',
  authentication_canceled: 'تم إلغاء التحقق. يمكنك المحاولة مرة أخرى.',
  redirect_canceled: 'يحتاج البنك المُصدر لبطاقتك إلى التحقق من هذه الدفعة على صفحته الخاصة. يُرجى المحاولة مرة أخرى للانتقال إليها.',
  server_error: 'حدثت مشكلة في خدمة الدفع. يُرجى المحاولة مرة أخرى بعد قليل.',
  network_error: 'تعذّر الوصول إلى خدمة الدفع. يُرجى التحقق من اتصالك بالإنترنت والمحاولة مرة أخرى.',
  frame_unavailable: 'تعذّر تحميل نموذج البطاقة الآمن. يُرجى التحقق من اتصالك بالإنترنت والمحاولة مرة أخرى.',
  session_expired: 'انتهت صلاحية جلسة الدفع هذه. يُرجى البدء من جديد من المتجر.',
  session_completed: 'تم دفع قيمة هذا الطلب بالفعل.',
  resource_missing: 'تعذّر العثور على جلسة الدفع هذه.',
  validation_failed: 'يُرجى مراجعة الحقول المحددة.',
  integration_error: 'لم يتم إعداد صفحة الدفع هذه بشكل صحيح.',
  unexpected: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
};

export default ar;
