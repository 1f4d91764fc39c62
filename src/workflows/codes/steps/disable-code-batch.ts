import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"

// Promotions switched per call to the Promotion module.
const PAGE = 500

/** Marks a batch disabled; the undo gives it back its status. Returns the promotions its codes became. */
export const disableCodeBatchRowStep = createStep(
  "loyalty-disable-code-batch",
  async (input: { id: string }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const before = await service.getCodeBatch(input.id)
    const result = await service.disableCodeBatchRow(input.id)
    return new StepResponse(result, result.disabled ? { id: input.id, status: before.status } : undefined)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.restoreCodeBatchStatus(undo)
  }
)

/** Switches promotions off (`inactive`), a page at a time; the undo switches them back on. */
export const deactivatePromotionsStep = createStep(
  "loyalty-deactivate-code-promotions",
  async (input: { promotion_ids: string[] }, { container }) => {
    const promotions = container.resolve(Modules.PROMOTION)
    for (let i = 0; i < input.promotion_ids.length; i += PAGE) {
      await promotions.updatePromotions(
        input.promotion_ids.slice(i, i + PAGE).map((id) => ({ id, status: "inactive" as any }))
      )
    }
    return new StepResponse(undefined, input.promotion_ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const promotions = container.resolve(Modules.PROMOTION)
    for (let i = 0; i < ids.length; i += PAGE) {
      await promotions.updatePromotions(ids.slice(i, i + PAGE).map((id) => ({ id, status: "active" as any })))
    }
  }
)
