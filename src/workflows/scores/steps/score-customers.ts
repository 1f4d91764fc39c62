import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

export const scoreCustomersStepId = "loyalty-score-customers"

export type ScoreCustomersInput = {
  /** When the customers are scored (recency and membership count to it; tests); default: now. */
  now?: Date | string
}

/**
 * Scores every customer set-based in one transaction: RFM/LRFM, named
 * segment, channel mix and interests, monetary in the store's default
 * currency. Nothing to undo: the scores are a cache that the next run
 * replaces, and a failed run rolls back whole.
 */
export const scoreCustomersStep = createStep(
  scoreCustomersStepId,
  async (input: ScoreCustomersInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "store",
      fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
    })
    const currencies = ((data[0] as any)?.supported_currencies ?? []) as { currency_code: string; is_default: boolean }[]
    const currency = currencies.find((c) => c.is_default) ?? currencies[0]
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const result = await service.scoreCustomers({
      now: input.now ? new Date(input.now) : undefined,
      currency_code: currency?.currency_code?.toLowerCase(),
    })
    return new StepResponse(result)
  }
)
