import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const giveBackOrderCreditStepId = "loyalty-give-back-order-credit"

/**
 * Gives back the wallet credit that paid for an order (the debit written at
 * checkout under (`cart`, cart id)): the reversal restores the lots the
 * debit took, and credit whose lot expired meanwhile comes back with the
 * module's grace period. Keyed: a repeat gives nothing more. Final, no undo.
 */
export const giveBackOrderCreditStep = createStep(
  giveBackOrderCreditStepId,
  async (input: { order_id: string; note?: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["cart_id"],
      filters: { order_id: input.order_id },
    })
    const cartId = (links[0] as any)?.cart_id
    if (!cartId) {
      return new StepResponse([] as { transaction_id: string; amount: string }[])
    }
    const debits = await service.listWalletTransactions({
      type: "debit",
      reference: "cart",
      // The cart's debit, or its re-tries after an undone completion (`#2`...).
      reference_id: { $like: `${cartId}%` },
    })
    const given: { transaction_id: string; amount: string }[] = []
    for (const debit of debits) {
      const result = await service.reverseTransaction({
        transaction_id: debit.id,
        note: input.note ?? "Order canceled: credit given back",
        actor_type: "system",
        metadata: { order_id: input.order_id },
      })
      if (result.created) {
        given.push({ transaction_id: result.transaction.id, amount: result.transaction.amount })
      }
    }
    return new StepResponse(given)
  }
)
