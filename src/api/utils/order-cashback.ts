import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { walletCreditPaid } from "../../workflows"
import { ruleOnAnswer, rulesById } from "./cashback-rules"

/**
 * The cashback an order earned, one entry per rule that paid: amount, state
 * (pending, available, spent, expired, partly_reversed, reversed), what is
 * left of it, what was taken back, and the rule; and what wallet credit
 * paid for the order (`credit_paid`). With `language` (a shopper's view)
 * each rule is named as the shopper reads it; without (the admin) by the
 * shop's name with the shopper names beside.
 */
export async function fetchOrderCashback(container: MedusaContainer, orderId: string, language?: string) {
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const credits = await service.listOrderCashback(orderId)
  const rules = await rulesById(container, credits.map((c) => c.rule_id))
  const now = new Date()
  const cashback = credits.map((c) => {
    const state = MathBN.gte(c.taken_back, c.amount)
      ? "reversed"
      : MathBN.gt(c.taken_back, 0)
        ? "partly_reversed"
        : c.expired_at
          ? "expired"
          : c.available_at && c.available_at > now
            ? "pending"
            : MathBN.eq(c.remaining, 0)
              ? "spent"
              : "available"
    return {
      ...c,
      state,
      rule: ruleOnAnswer(c, rules, language),
      // Fulfilment rules wait with a far-future date: show "at fulfilment".
      available_at: c.available_at && c.available_at.getUTCFullYear() >= 9999 ? null : c.available_at,
      waits_for_fulfilment: !!c.available_at && c.available_at.getUTCFullYear() >= 9999,
    }
  })
  // What wallet credit paid for the order (its loyalty credit lines).
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "credit_lines.reference", "credit_lines.raw_amount", "credit_lines.amount"],
    filters: { id: orderId },
  })
  const creditPaid = walletCreditPaid((order as any) ?? {})
  return {
    order_id: orderId,
    currency_code: (cashback[0]?.currency_code ?? (order as any)?.currency_code ?? null) as string | null,
    credit_paid: creditPaid.toFixed(),
    total: MathBN.sum(0, ...cashback.map((c) => c.amount)).toFixed(),
    taken_back: MathBN.sum(0, ...cashback.map((c) => c.taken_back)).toFixed(),
    cashback,
  }
}
