export const LoyaltyFeedbackEvents = {
  /** An order's answer was saved (first or edited): `{ id, order_id, customer_id, rating }`. */
  ANSWERED: "loyalty.feedback.answered",
} as const
