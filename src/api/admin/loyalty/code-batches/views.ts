import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { CodeBatchRow, GiftRow } from "../../../../modules/loyalty-club/services/codes"
import { discountSummaryOf } from "../../../../utils/discount-codes"

const exact = (v: unknown) => (v === null || v === undefined ? null : MathBN.convert(v as any).toFixed())

/**
 * Batches as the admin reads them: the template (amounts as exact strings),
 * progress, `stats` (codes, used, redemption rate, revenue and discount per
 * currency) and the Medusa campaign with its budget.
 */
export async function codeBatchViews(container: MedusaContainer, batches: CodeBatchRow[]) {
  if (!batches.length) {
    return []
  }
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const campaignIds = batches.map((b) => b.campaign_id).filter(Boolean) as string[]
  const [stats, campaigns] = await Promise.all([
    service.codeBatchStats(batches),
    campaignIds.length
      ? container.resolve(Modules.PROMOTION).listCampaigns({ id: campaignIds }, { relations: ["budget"] })
      : Promise.resolve([]),
  ])
  const byId = new Map((campaigns as any[]).map((c) => [c.id, c]))
  return batches.map((b) => {
    const campaign = b.campaign_id ? byId.get(b.campaign_id) : null
    return {
      ...b,
      stats: stats[b.id],
      campaign: campaign
        ? {
            id: campaign.id,
            budget: campaign.budget
              ? {
                  type: campaign.budget.type,
                  limit: exact(campaign.budget.limit),
                  used: exact(campaign.budget.used) ?? "0",
                  currency_code: campaign.budget.currency_code ?? null,
                }
              : null,
          }
        : null,
    }
  })
}

/** A customer's gifts as the shopper and the admin's widget read them. */
export function giftViews(gifts: GiftRow[]) {
  return gifts.map((g) => ({
    id: g.id,
    type: g.type,
    occasion: g.occasion,
    code: g.code,
    discount: g.template ? discountSummaryOf(g.template) : null,
    amount: g.amount,
    currency_code: g.currency_code,
    state: g.state,
    expires_at: g.expires_at,
    created_at: g.created_at,
  }))
}
