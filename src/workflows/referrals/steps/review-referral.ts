import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReferralRow } from "../../../modules/loyalty-club/services/referrals"
import { loyaltyError, LoyaltyErrorCode } from "../../../utils/error-codes"
import { GiftType } from "../../../utils/sms-messages"
import { MessageItem } from "../../messages/compose-messages"
import { readReferralOrder, ReferralRewardPlan, referralHold, rewardPlan } from "../order-facts"
import { amountIn, firstNames, service, welcomeFriend } from "../shared"

export type ReviewReferralInput = {
  referral_id: string
  action: "approve" | "refuse"
  /** The admin user deciding. */
  actor_id: string
  /** Why (refuse): logged, not stored. */
  reason?: string | null
  at?: Date | string
}

export type ReviewReferralStepOutput = {
  referral: ReferralRow
  /** An order-stage approval: the rewards to pay. */
  plan: ReferralRewardPlan | null
  /** A claim-stage approval: the friend's welcome SMS and its wording. */
  welcome: MessageItem[]
  gift_variant: GiftType
}

type Undo = { before: ReferralRow; code_id: string | null }

const notHeld = (referral: ReferralRow) =>
  loyaltyError(
    MedusaError.Types.NOT_ALLOWED,
    `Referral ${referral.id} is ${referral.status}: only a held referral can be approved or refused`,
    LoyaltyErrorCode.REFERRAL_NOT_HELD
  )

export const reviewReferralStepId = "loyalty-review-referral"

/**
 * The shop decides on a held referral (404 for an unknown one, 400 for one
 * not held). Refuse: `refused`, with "shop_refused" added to its reasons.
 * Approve at the claim: `joined`, and the friend gets their gift and
 * welcome as at an accepted claim. Approve at the order: rewarded as a
 * qualifying order is, its credit spendable from the order's placing +
 * the hold (`pending`), or at once when that is past (`rewarded`). The move
 * is conditional on `held`, so two admins deciding at once decide once.
 * The undo puts the referral back and removes a code it made.
 */
export const reviewReferralStep = createStep(
  reviewReferralStepId,
  async (input: ReviewReferralInput, { container }) => {
    const at = input.at ? new Date(input.at) : new Date()
    const loyalty = service(container)
    const referral = await loyalty.getReferralRow(input.referral_id)
    if (!referral) {
      throw loyaltyError(
        MedusaError.Types.NOT_FOUND,
        `Referral with id: ${input.referral_id} was not found`,
        LoyaltyErrorCode.REFERRAL_NOT_FOUND
      )
    }
    if (referral.status !== "held") {
      throw notHeld(referral)
    }
    const reviewed = { reviewed_by: input.actor_id, reviewed_at: at }
    const output = (moved: ReferralRow, rest: Partial<ReviewReferralStepOutput> = {}, code_id: string | null = null) =>
      new StepResponse<ReviewReferralStepOutput, Undo>(
        { referral: moved, plan: null, welcome: [], gift_variant: "none", ...rest },
        { before: referral, code_id }
      )

    if (input.action === "refuse") {
      const moved = await loyalty.moveReferral(referral.id, ["held"], {
        ...reviewed,
        status: "refused",
        reasons: [...referral.reasons, "shop_refused"],
      })
      if (!moved) {
        throw notHeld(referral)
      }
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .info(`Loyalty club: referral ${referral.id} refused by ${input.actor_id}${input.reason ? `: ${input.reason}` : ""}`)
      return output(moved)
    }

    const program = await loyalty.getReferralProgram()
    if (referral.held_stage !== "order") {
      const moved = await loyalty.moveReferral(referral.id, ["held"], { ...reviewed, status: "joined" })
      if (!moved) {
        throw notHeld(referral)
      }
      const names = await firstNames(container, [referral.referrer_id])
      try {
        const welcome = await welcomeFriend(container, {
          referral: moved,
          program,
          referrer_name: names.get(referral.referrer_id) ?? null,
        })
        return output(welcome.referral, { welcome: [welcome.message], gift_variant: welcome.variant }, welcome.created_code_id)
      } catch (error) {
        await loyalty.restoreReferralRow(referral)
        throw error
      }
    }

    const order = referral.order_id ? await readReferralOrder(container, referral.order_id) : null
    if (!order) {
      throw loyaltyError(
        MedusaError.Types.NOT_FOUND,
        `Order with id: ${referral.order_id} of referral ${referral.id} was not found`,
        LoyaltyErrorCode.ORDER_NOT_FOUND
      )
    }
    const referrerAmount = amountIn(program.referrer_credit, order.currency_code)
    const hold = referralHold(program, order.placed_at, at)
    const waits = !!referrerAmount && !hold.over
    const moved = await loyalty.moveReferral(referral.id, ["held"], {
      ...reviewed,
      status: waits ? "pending" : "rewarded",
      referrer_amount: referrerAmount,
      available_at: referrerAmount ? hold.available_at : null,
      rewarded_at: waits ? null : at,
    })
    if (!moved) {
      throw notHeld(referral)
    }
    const plan = await rewardPlan(container, { referral: moved, program, order, at })
    return output(moved, { plan })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const loyalty = service(container)
    if (undo.code_id) {
      await loyalty.removeCode(undo.code_id)
    }
    await loyalty.restoreReferralRow(undo.before)
  }
)
