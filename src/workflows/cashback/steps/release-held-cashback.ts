import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { REFERRAL_REFERENCE } from "../../referrals/shared"

export const releaseHeldCashbackStepId = "loyalty-release-held-cashback"

export type HeldCashbackRelease = {
  order_id: string
  wallet_id: string
  lots: { lot_id: string; transaction_id: string; amount: string }[]
}

/** What a release run found: order cashback by order, and referral credit by referral. */
export type HeldCreditReleases = {
  orders: HeldCashbackRelease[]
  /** Referrals whose referrer's credit lot ("referral", referral id) was released with something in it. */
  referral_ids: string[]
}

/**
 * Finds held credit whose hold ended (its `available_at` has come) and
 * marks it released: order cashback grouped by order, and referral credit
 * by referral. The credit was already spendable from that instant; this
 * records and announces it once. The undo clears the marks.
 */
export const releaseHeldCashbackStep = createStep(
  releaseHeldCashbackStepId,
  async (input: { at?: Date | string; limit?: number }, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    const marked = await service.markReleasedLots({
      at: input.at ? new Date(input.at) : undefined,
      limit: input.limit,
    })
    const byOrder = new Map<string, HeldCashbackRelease>()
    const referrals = new Set<string>()
    for (const lot of marked) {
      // A referrer's credit: its referral is rewarded (credit taken back
      // while it was held has nothing to announce).
      if (lot.reference === REFERRAL_REFERENCE && MathBN.gt(lot.amount, 0)) {
        referrals.add(lot.reference_id)
        continue
      }
      // Cashback taken back while it was held has nothing to announce.
      if (lot.reference !== "order" || !MathBN.gt(lot.amount, 0)) {
        continue
      }
      const orderId = lot.reference_id.split(":")[0]
      const entry = byOrder.get(orderId) ?? {
        order_id: orderId,
        wallet_id: lot.wallet_id,
        lots: [],
      }
      entry.lots.push({
        lot_id: lot.lot_id,
        transaction_id: lot.transaction_id,
        amount: lot.amount,
      })
      byOrder.set(orderId, entry)
    }
    return new StepResponse<HeldCreditReleases, string[]>(
      { orders: [...byOrder.values()], referral_ids: [...referrals] },
      marked.map((l) => l.lot_id)
    )
  },
  async (lotIds, { container }) => {
    const service: LoyaltyClubModuleService =
      container.resolve(LOYALTY_CLUB_MODULE)
    await service.unmarkReleasedLots(lotIds ?? [])
  }
)
