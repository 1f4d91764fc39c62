// The "pos" step of `npm run check:admin`, in the admin's language
// (ctx.lang): the Till keys page (pos-keys.js), the Register a purchase page
// (register-purchase.js) and Sara's club card (customer-club-card.js), in
// that order. Also the few helpers those checks and till-settings.js share:
// numbers and digits as the admin writes them in a language.

/** The Intl locale the admin formats with (src/admin/lib/i18n.ts). */
const LOCALE = { en: "en-GB", fa: "fa-IR-u-ca-persian-nu-arabext", ar: "ar-EG-u-nu-arab" }

/** A number as the admin shows it in `lang`: 1000000 -> "۱٬۰۰۰٬۰۰۰" in Persian. */
const number = (lang, value) =>
  new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 20 }).format(value)

/** Text as a shop owner types it in `lang`: "1,000,000" -> "۱٬۰۰۰٬۰۰۰" in Persian. */
const typed = (lang, text) =>
  lang === "fa" ? text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]).replace(/,/g, "٬") : text

/** "1000000" -> "1,000,000", on the text. */
const grouped = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/** An IRR amount (rial, as the API keeps it) as the admin shows it. */
function irr(ctx, rial, display) {
  const shown = display === "toman" ? BigInt(rial) / 10n : BigInt(rial)
  return `${number(ctx.lang, shown)} ${ctx.tr(`common.units.${display}`)}`
}

/**
 * Till keys: one created (the form's errors at their fields first; its
 * secret shown once and usable by a till), then revoked. Register a
 * purchase: errors at their fields, a new member (by double click:
 * registered once), Sara by her number in the admin's digits. Then Sara's
 * club card.
 */
async function checkPos(page, ctx) {
  const { checkPosKeys } = require("./pos-keys")
  const { checkRegisterPurchase } = require("./register-purchase")
  const { checkClubCard } = require("./customer-club-card")
  await checkPosKeys(page, ctx)
  await checkRegisterPurchase(page, ctx)
  await checkClubCard(page, ctx)
}

module.exports = { checkPos, grouped, irr, number, typed }
