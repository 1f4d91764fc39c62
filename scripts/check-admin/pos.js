// The "pos" step of `npm run check:admin`: the Till keys page
// (pos-keys.js), the Register purchase page (register-purchase.js) and
// Sara's club card (customer-club-card.js), in that order.
const { checkClubCard } = require("./customer-club-card")
const { checkPosKeys } = require("./pos-keys")
const { checkRegisterPurchase } = require("./register-purchase")

/**
 * Till keys: one created (its secret shown once, and usable by a till),
 * then revoked. Register purchase: a refused phone, a new member (by
 * double click: registered once), Sara; then Sara's club card.
 */
async function checkPos(page) {
  await checkPosKeys(page)
  await checkRegisterPurchase(page)
  await checkClubCard(page)
}

module.exports = { checkPos }
