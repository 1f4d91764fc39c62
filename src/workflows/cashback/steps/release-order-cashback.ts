import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { UNTIL_RELEASED } from "./credit-order-cashback"

export const releaseOrderCashbackStepId = "loyalty-release-order-cashback"

/**
 * Makes an order's cashback that waited for fulfilment spendable now, with
 * each rule's expiry counted from now. The undo puts it back to waiting.
 */
export const releaseOrderCashbackStep = createStep(
  releaseOrderCashbackStepId,
  async (input: { order_id: string }, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const credits = await service.listWalletTransactions({
      type: "credit",
      reference: "order",
      reference_id: { $like: `${input.order_id}:%` },
    })
    const ruleIds = credits
      .map((c) => (c.metadata as any)?.rule_id)
      .filter(Boolean) as string[]
    const rules = ruleIds.length
      ? await service.listCashbackRules({ id: ruleIds }, { withDeleted: true })
      : []
    const days = new Map(rules.map((r) => [r.id, r.expires_after_days]))
    const released = await service.releaseLots(
      credits.map((c) => ({
        transaction_id: c.id,
        expires_after_days: days.get((c.metadata as any)?.rule_id) ?? null,
      })),
      { at: new Date(), until: UNTIL_RELEASED }
    )
    return new StepResponse(
      released,
      released.map((r) => r.lot_id)
    )
  },
  async (lotIds, { container }) => {
    if (!lotIds?.length) {
      return
    }
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.unreleaseLots(lotIds, UNTIL_RELEASED)
  }
)
