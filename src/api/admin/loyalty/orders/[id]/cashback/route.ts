import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { fetchOrderCashback } from "../../../../../utils/order-cashback"

/**
 * The cashback an order earned, one entry per rule that paid: amount, state
 * (pending, available, spent, expired, partly_reversed, reversed), what is
 * left of it, what was taken back, and the rule; and what wallet credit
 * paid for the order (`credit_paid`).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  res.json(await fetchOrderCashback(req.scope, req.params.id))
}
