import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { shopperLanguage } from "../../../../../utils/locale"
import { fetchOrderCashback } from "../../../../../utils/order-cashback"

/**
 * The cashback the shopper's own order earned, per rule: amount, state,
 * when it becomes spendable (or that it waits for fulfilment) and when it
 * expires. Another shopper's order, or a guest order, answers 404. Each
 * rule is named in the request's language (`?locale=` or `x-medusa-locale`,
 * else the shop's default language): its name for shoppers in that
 * language, else the shop's name.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id"],
    filters: { id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const language = await shopperLanguage(req.scope, (req as { locale?: string }).locale)
  const result = await fetchOrderCashback(req.scope, req.params.id, language)
  res.json({
    order_id: result.order_id,
    order_display_id: (orders[0] as any).display_id,
    currency_code: result.currency_code,
    total: result.total,
    taken_back: result.taken_back,
    cashback: result.cashback.map((c) => ({
      rule: c.rule ? { name: c.rule.name } : null,
      amount: c.amount,
      taken_back: c.taken_back,
      remaining: c.remaining,
      state: c.state,
      available_at: c.available_at,
      waits_for_fulfilment: c.waits_for_fulfilment,
      expires_at: c.expires_at,
      created_at: c.created_at,
    })),
  })
}
