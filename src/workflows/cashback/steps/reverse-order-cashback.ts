import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const reverseOrderCashbackStepId = "loyalty-reverse-order-cashback"

/**
 * Takes back every cashback credit of an order. What the shopper already
 * spent cannot come back: each reversal takes what is left of its lot and
 * records the rest as `shortfall` (the "partial" clawback). Reversals are
 * final and keyed, so there is no undo and a repeat changes nothing.
 */
export const reverseOrderCashbackStep = createStep(
  reverseOrderCashbackStepId,
  async (input: { order_id: string; note: string }, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const credits = await service.listWalletTransactions(
      {
        type: "credit",
        reference: "order",
        reference_id: { $like: `${input.order_id}:%` },
      },
      { order: { created_at: "ASC" } }
    )
    const reversals: { transaction_id: string; amount: string; shortfall: string }[] = []
    for (const credit of credits) {
      const result = await service.reverseTransaction({
        transaction_id: credit.id,
        note: input.note,
        actor_type: "system",
        metadata: { order_id: input.order_id },
      })
      reversals.push({
        transaction_id: result.transaction.id,
        amount: result.transaction.amount,
        shortfall: result.shortfall,
      })
    }
    return new StepResponse(reversals)
  }
)
