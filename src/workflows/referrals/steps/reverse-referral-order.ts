import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReferralRow } from "../../../modules/loyalty-club/services/referrals"
import { REFERRAL_ORDER_REFERENCE, service } from "../shared"

export type ReverseReferralOrderInput = { order_id: string; reason: "canceled" | "returned"; at?: Date | string }

export type ReferralTakeBack = {
  credit_id: string
  transaction_id: string
  /** What the take-back took from the wallet (negative). */
  amount: string
  shortfall: string
  skipped: string
  debt: string
}

export type ReverseReferralOrderStepOutput = {
  /** The referral this order qualified, as it is now (null: none). */
  referral: ReferralRow | null
  /** True when this run moved it to `reversed`. */
  reversed: boolean
  take_backs: ReferralTakeBack[]
}

export const reverseReferralOrderStepId = "loyalty-reverse-referral-order"

/**
 * A friend's order canceled or returned (whole or in part) while its
 * referral credit is on hold: the referral it qualified moves to
 * `reversed` (from `pending` while `available_at` is still ahead, or from
 * `held` at the order, whose rewards were never paid) and the referrer's
 * and the friend's credits are taken back in full by the shop's clawback
 * strategy; a percentage this order earned the referrer is taken back the
 * same way while it is held. After the hold nothing changes. Take-backs
 * are keyed by their target, so a repeat takes nothing more; a run that
 * died after the move is completed by the next. Final: no undo.
 */
export const reverseReferralOrderStep = createStep(
  reverseReferralOrderStepId,
  async (input: ReverseReferralOrderInput, { container }) => {
    const at = input.at ? new Date(input.at) : new Date()
    const loyalty = service(container)
    const takeBacks: ReferralTakeBack[] = []
    const { clawback_strategy } = await loyalty.retrieveSettings()
    const note = input.reason === "canceled" ? "Referral order canceled" : "Referral order returned"
    const takeBack = async (transactionIds: string[], metadata: Record<string, unknown>) => {
      if (!transactionIds.length) {
        return
      }
      const credits = await loyalty.listWalletTransactions({ id: transactionIds })
      for (const credit of credits) {
        const result = await loyalty.clawbackCredit({
          transaction_id: credit.id,
          target: MathBN.convert(credit.amount),
          strategy: clawback_strategy,
          note,
          actor_type: "system",
          metadata: { ...metadata, order_id: input.order_id, reason: input.reason },
        })
        if (result.created && result.transaction) {
          takeBacks.push({
            credit_id: credit.id,
            transaction_id: result.transaction.id,
            amount: result.transaction.amount,
            shortfall: result.shortfall,
            skipped: result.skipped,
            debt: result.debt,
          })
        }
      }
    }

    let referral: ReferralRow | null = await loyalty.referralOfOrder(input.order_id)
    let reversed = false
    if (referral) {
      const changes = { status: "reversed" as const, reversed_at: at }
      let moved: ReferralRow | null = null
      if (referral.status === "held" && referral.held_stage === "order") {
        moved = await loyalty.moveReferral(referral.id, ["held"], changes, { held_stage: "order", order_id: input.order_id })
      } else if (referral.status === "pending") {
        moved = await loyalty.moveReferral(referral.id, ["pending"], changes, {
          order_id: input.order_id,
          available_after: at,
        })
      }
      reversed = !!moved
      referral = moved ?? referral
      if (referral.status === "reversed") {
        await takeBack(
          [referral.referrer_transaction_id, referral.friend_transaction_id].filter((id): id is string => !!id),
          { referral_id: referral.id }
        )
      }
    }

    // The percentage this order earned the referrer of a friend, while held.
    const bonuses = await loyalty.listWalletTransactions({
      type: "credit",
      reference: REFERRAL_ORDER_REFERENCE,
      reference_id: input.order_id,
    })
    if (bonuses.length) {
      const dates = await loyalty.listCreditDates(bonuses.map((b) => b.id))
      const held = bonuses.filter((b) => {
        const availableAt = dates[b.id]?.available_at
        return !!availableAt && new Date(availableAt).getTime() > at.getTime()
      })
      await takeBack(
        held.map((b) => b.id),
        {}
      )
    }
    return new StepResponse<ReverseReferralOrderStepOutput>({ referral, reversed, take_backs: takeBacks })
  }
)
