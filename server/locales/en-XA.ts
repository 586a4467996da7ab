// Made from server/locales/en.ts by scripts/pseudo-locale.ts (npm run pseudo-locale): do not edit.
import type { PageStrings } from './strings.js';

/** The pseudo-locale: every letter accented, every message a third longer, in brackets. */
const enXA: PageStrings = {
  "testBanner": "⟦Ţéšţ ɱóðé: ñó ɱóñéý ɱóṽéš. ōñé ţŵó ţĥŕ⟧",
  "hostedTitle": "⟦Þáý {business} ōñé ţŵ⟧",
  "hostedTotal": "⟦Þáý {amount} ōñé ţ⟧",
  "hostedQuantity": "⟦× {n} ōñ⟧",
  "hostedCancel": "⟦Çáñçéļ áñð ŕéţúŕñ ţó {business} ōñé ţŵó ţĥŕéé⟧",
  "hostedNoScript": "⟦Ţĥíš þáýɱéñţ þáĝé ñééðš ĴáṽáŠçŕíþţ. ōñé ţŵó ţĥŕéé⟧",
  "notFoundTitle": "⟦Çĥéçķóúţ ñóţ ƒóúñð ōñé ţŵó⟧",
  "notFoundMessage": "⟦Ţĥíš çĥéçķóúţ ļíñķ íš ñóţ ṽáļíð. ōñé ţŵó ţĥŕéé⟧",
  "expiredTitle": "⟦Ţĥíš çĥéçķóúţ ĥáš éẋþíŕéð ōñé ţŵó ţĥ⟧",
  "expiredMessage": "⟦Ţĥíš çĥéçķóúţ ĥáš éẋþíŕéð. Ŕéţúŕñ ţó ţĥé šĥóþ ţó šţáŕţ áĝáíñ. ōñé ţŵó ţĥŕéé ƒóúŕ ƒíṽé š⟧",
  "returnToShop": "⟦Ŕéţúŕñ ţó ţĥé šĥóþ ōñé ţŵó⟧",
  "unavailableTitle": "⟦Þáýɱéñţ þáĝé úñáṽáíļáƀļé ōñé ţŵó ţĥ⟧",
  "unavailableMessage": "⟦Ţĥé çĥéçķóúţ-éļéɱéñţš ƀúñðļé ĥáš ñóţ ƀééñ ƀúíļţ: ŕúñ ñþɱ ŕúñ ƀúíļð, ţĥéñ ŕéļóáð ţĥíš þáĝé. ōñé ţŵó ţĥŕéé ƒóúŕ ƒíṽé šíẋ šéṽéñ éí⟧",
  "challengeTitle": "⟦Çóñƒíŕɱ ýóúŕ þáýɱéñţ ōñé ţŵó⟧",
  "challengeText": "⟦Ýóúŕ ƀáñķ ášķš ýóú ţó çóñƒíŕɱ á þáýɱéñţ óƒ {amount}. ōñé ţŵó ţĥŕéé ƒóúŕ ƒí⟧",
  "challengeHint": "⟦Ţĥíš íš á ţéšţ áúţĥéñţíçáţíóñ þáĝé. Çĥóóšé áñ óúţçóɱé. ōñé ţŵó ţĥŕéé ƒóúŕ ƒíṽ⟧",
  "challengeComplete": "⟦Çóɱþļéţé áúţĥéñţíçáţíóñ ōñé ţŵó ţĥ⟧",
  "challengeFail": "⟦Ƒáíļ áúţĥéñţíçáţíóñ ōñé ţŵó⟧",
  "challengeSucceeded": "⟦Áúţĥéñţíçáţíóñ çóɱþļéţé ōñé ţŵó ţĥ⟧",
  "challengeFailed": "⟦Áúţĥéñţíçáţíóñ ƒáíļéð ōñé ţŵó ţ⟧",
  "returning": "⟦Ŕéţúŕñíñĝ ýóú ţó ţĥé ɱéŕçĥáñţ… ōñé ţŵó ţĥŕé⟧",
  "continue": "⟦Çóñţíñúé ōñé⟧",
  "challengeNotFound": "⟦Áúţĥéñţíçáţíóñ ñóţ ƒóúñð ōñé ţŵó ţĥ⟧",
  "challengeUnavailable": "⟦Áúţĥéñţíçáţíóñ úñáṽáíļáƀļé ōñé ţŵó ţĥŕ⟧",
  "resource_missing": "⟦Ţĥíš áúţĥéñţíçáţíóñ ŕéǫúéšţ ðóéš ñóţ éẋíšţ. ōñé ţŵó ţĥŕéé ƒóúŕ⟧",
  "challenge_already_used": "⟦Ţĥíš áúţĥéñţíçáţíóñ ĥáš áļŕéáðý ƀééñ çóɱþļéţéð. Ŕéţúŕñ ţó ţĥé ɱéŕçĥáñţ ţó šéé ţĥé ŕéšúļţ. ōñé ţŵó ţĥŕéé ƒóúŕ ƒíṽé šíẋ šéṽéñ éí⟧",
  "challenge_superseded": "⟦Ţĥíš áúţĥéñţíçáţíóñ ŵáš ŕéþļáçéð ƀý á ñéŵéŕ þáýɱéñţ áţţéɱþţ. ōñé ţŵó ţĥŕéé ƒóúŕ ƒíṽé⟧",
  "session_expired": "⟦Ţĥíš çĥéçķóúţ ĥáš éẋþíŕéð, šó ţĥé áúţĥéñţíçáţíóñ çáñ ñó ļóñĝéŕ ƀé çóɱþļéţéð. ōñé ţŵó ţĥŕéé ƒóúŕ ƒíṽé šíẋ šéṽ⟧",
  "parameter_invalid": "⟦Çĥóóšé 'Çóɱþļéţé áúţĥéñţíçáţíóñ' óŕ 'Ƒáíļ áúţĥéñţíçáţíóñ'. ōñé ţŵó ţĥŕéé ƒóúŕ ƒíṽé⟧",
  "unexpected": "⟦Šóɱéţĥíñĝ ŵéñţ ŵŕóñĝ. Þļéášé ţŕý áĝáíñ. ōñé ţŵó ţĥŕéé ƒó⟧"
};

export default enXA;
