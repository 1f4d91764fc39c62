/** Events of the point of sale. */
export const LoyaltyPosEvents = {
  /**
   * A till or staff registered a new in-store purchase (not a repeat of its
   * receipt): `{ order_id, purchase_id, customer_id }`, after its order,
   * cashback and handover are written.
   */
  PURCHASE_REGISTERED: "loyalty.pos.purchase_registered",
} as const
