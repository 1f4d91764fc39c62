import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import type { OccasionRow } from "../../../modules/loyalty-club/services/occasions"
import { OccasionKind } from "../../../utils/occasions"
import { occasionPlan } from "../plan"

export const grantDueOccasionsStepId = "loyalty-grant-due-occasions"

export type GrantDueOccasionsOutput = {
  occasion: OccasionRow
  /** Grants written by this run: to give, and given nothing (a birthday changed too recently). */
  pending: number
  skipped: number
}

/**
 * Writes the grants an occasion owes on the shop day of `at`, when it is
 * on: who is due and has none for the period, in one statement whose
 * unique key decides between two runs. Nothing to undo: a grant is the
 * occasion's once-only key, given by this run or, if it dies, the next.
 */
export const grantDueOccasionsStep = createStep(
  grantDueOccasionsStepId,
  async (input: { kind: OccasionKind; at?: Date | string; grant?: boolean }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const at = input.at ? new Date(input.at) : new Date()
    const occasion = (await service.listOccasionSettings()).find((o) => o.kind === input.kind)!
    if (!occasion.enabled || input.grant === false) {
      return new StepResponse<GrantDueOccasionsOutput>({ occasion, pending: 0, skipped: 0 })
    }
    const plan = occasionPlan(occasion, await service.retrieveSettings(), at)
    const written = plan ? await service.grantDueOccasions(plan) : { pending: 0, skipped: 0 }
    return new StepResponse<GrantDueOccasionsOutput>({ occasion, ...written })
  }
)
