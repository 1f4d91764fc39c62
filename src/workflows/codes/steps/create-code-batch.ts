import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { entityIds } from "../../../utils/ids"
import { CheckedCodeBatch } from "./validate-code-batch"

export const createCodeBatchStepId = "loyalty-create-code-batch"

/**
 * Writes a batch and its Medusa campaign: the campaign is named after the
 * batch, identified by the batch's id, runs over the batch's dates and
 * carries its budget, so every promotion the batch's codes become is
 * counted against that budget by core at completion. The undo removes both.
 */
export const createCodeBatchStep = createStep(
  createCodeBatchStepId,
  async (input: CheckedCodeBatch, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const promotions = container.resolve(Modules.PROMOTION)
    const [id] = entityIds("lcb", 1)
    const { batch } = input
    const [campaign] = await promotions.createCampaigns([
      {
        name: batch.name,
        campaign_identifier: id,
        description: `Loyalty club code batch ${id}`,
        starts_at: batch.starts_at ? new Date(batch.starts_at) : undefined,
        ends_at: batch.ends_at ? new Date(batch.ends_at) : undefined,
        budget: input.budget
          ? {
              type: input.budget.type as any,
              limit: input.budget.limit,
              currency_code: input.budget.currency_code ?? undefined,
            }
          : undefined,
      } as any,
    ])
    try {
      const row = await service.createCodeBatchRow({ ...batch, id, campaign_id: campaign.id })
      return new StepResponse(row, { batch_id: id, campaign_id: campaign.id })
    } catch (error) {
      await promotions.deleteCampaigns([campaign.id])
      throw error
    }
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    await service.removeCodeBatch(created.batch_id)
    await container.resolve(Modules.PROMOTION).deleteCampaigns([created.campaign_id])
  }
)
