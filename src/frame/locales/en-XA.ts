// Made from src/frame/locales/en.ts by scripts/pseudo-locale.ts (npm run pseudo-locale): do not edit.
import type { CardStrings } from '../strings.js';

/** The pseudo-locale: every letter accented, every message a third longer, in brackets. */
const enXA: CardStrings = {
  "cardNumber": "⟦Çáŕð ñúɱƀéŕ ōñé ţ⟧",
  "expiry": "⟦Éẋþíŕáţíóñ ðáţé ōñé ţŵ⟧",
  "expiryPlaceholder": "⟦ṀṀ / ÝÝ ōñé⟧",
  "cvc": "⟦Šéçúŕíţý çóðé ōñé ţŵ⟧",
  "cvcHint": {
    "one": "⟦{n} ðíĝíţ óñ ýóúŕ çáŕð ōñé ţŵó ţ⟧",
    "other": "⟦{n} ðíĝíţš óñ ýóúŕ çáŕð ōñé ţŵó ţĥ⟧"
  },
  "name": "⟦Ñáɱé óñ çáŕð ōñé ţ⟧",
  "brand": "⟦Çáŕð ƀŕáñð: ōñé ţ⟧",
  "errorIcon": "⟦Éŕŕóŕ: ōñé⟧",
  "refused": "⟦Ţĥíš þáýɱéñţ ƒóŕɱ çáññóţ ƀé úšéð óñ ţĥíš þáĝé. ōñé ţŵó ţĥŕéé ƒóúŕ⟧",
  "number.incomplete": "⟦Ýóúŕ çáŕð ñúɱƀéŕ íš íñçóɱþļéţé. ōñé ţŵó ţĥŕéé⟧",
  "number.invalid": "⟦Ýóúŕ çáŕð ñúɱƀéŕ íš íñṽáļíð. ōñé ţŵó ţĥŕé⟧",
  "number.required": "⟦Éñţéŕ ýóúŕ çáŕð ñúɱƀéŕ. ōñé ţŵó ţĥ⟧",
  "expiry.incomplete": "⟦Ýóúŕ éẋþíŕáţíóñ ðáţé íš íñçóɱþļéţé. ōñé ţŵó ţĥŕéé⟧",
  "expiry.invalid_month": "⟦Ţĥé éẋþíŕáţíóñ ɱóñţĥ íš íñṽáļíð. ōñé ţŵó ţĥŕéé⟧",
  "expiry.expired": "⟦Ýóúŕ çáŕð’š éẋþíŕáţíóñ ðáţé íš íñ ţĥé þášţ. ōñé ţŵó ţĥŕéé ƒóúŕ⟧",
  "expiry.too_far": "⟦Ţĥé éẋþíŕáţíóñ ýéáŕ íš ţóó ƒáŕ íñ ţĥé ƒúţúŕé. ōñé ţŵó ţĥŕéé ƒóúŕ⟧",
  "expiry.required": "⟦Éñţéŕ ţĥé éẋþíŕáţíóñ ðáţé. ōñé ţŵó ţĥŕ⟧",
  "cvc.incomplete": "⟦Ýóúŕ šéçúŕíţý çóðé íš íñçóɱþļéţé. ōñé ţŵó ţĥŕéé⟧",
  "cvc.invalid": "⟦Ýóúŕ šéçúŕíţý çóðé íš íñṽáļíð. ōñé ţŵó ţĥŕé⟧",
  "cvc.required": "⟦Éñţéŕ ţĥé šéçúŕíţý çóðé. ōñé ţŵó ţĥ⟧",
  "name.required": "⟦Éñţéŕ ţĥé ñáɱé óñ ýóúŕ çáŕð. ōñé ţŵó ţĥŕé⟧"
};

export default enXA;
