/** The reference of the cart credit line that wallet credit pays. */
export const LOYALTY_CREDIT_LINE_REFERENCE = "loyalty_wallet"
