import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReferralRow } from "../../../modules/loyalty-club/services/referrals"
import {
  bonusAmount,
  readReferralOrder,
  ReferralPlan,
  referralHold,
  rewardPlan,
} from "../order-facts"
import { addDaysExact, amountIn, firstNames, moreThanPercent, REFERRAL_ORDER_REFERENCE, service } from "../shared"

export type QualifyReferralOrderInput = { order_id: string; at?: Date | string }

/** What an order did to its customer's referral. */
export type ReferralOrderOutcome = "none" | "ordered" | "refused" | "held" | "reward" | "bonus"

export type QualifyReferralOrderStepOutput = {
  outcome: ReferralOrderOutcome
  referral: ReferralRow | null
  /** What to pay (a qualifying order's rewards, or a later order's percentage); null: nothing. */
  plan: ReferralPlan | null
}

type Undo = { before: ReferralRow | null; bumped: string | null }

const none = (referral: ReferralRow | null = null) =>
  new StepResponse<QualifyReferralOrderStepOutput, Undo>({ outcome: "none", referral, plan: null })

export const qualifyReferralOrderStepId = "loyalty-qualify-referral-order"

/**
 * Reads an order of a referred friend (a live referral) against the
 * programme. A first order below the minimum moves the referral to
 * `ordered` (nothing paid). A qualifying one: its shipping address at the
 * referrer's (saved, or one of their last 50 orders') refuses it
 * (`self_address`); paid with wallet credit beyond `credit_share_hold`
 * percent holds it for review (`paid_with_credit`); otherwise it moves to
 * `pending` (or `rewarded`, with no referrer credit to wait for) with the
 * order, and the rewards are planned. Every move is conditional on the
 * status it leaves, so a repeated event moves nothing; a repeat of the
 * qualifying order plans the same rewards again, which their ledger keys
 * make a no-op (and a run that died between the move and the credit is
 * completed). A later order, while the referrer earns a percentage, counts
 * one bonus order. The programme off pays nothing. The undo puts the
 * referral back.
 */
export const qualifyReferralOrderStep = createStep(
  qualifyReferralOrderStepId,
  async (input: QualifyReferralOrderInput, { container }) => {
    const at = input.at ? new Date(input.at) : new Date()
    const loyalty = service(container)
    const order = await readReferralOrder(container, input.order_id)
    if (!order?.customer_id || order.canceled) {
      return none()
    }
    const program = await loyalty.getReferralProgram()
    const referral = await loyalty.liveReferralOf(order.customer_id)
    if (!program.enabled || !referral) {
      return none(referral)
    }
    const currency = order.currency_code

    if (referral.status === "pending" || referral.status === "rewarded") {
      if (referral.order_id === order.id) {
        // The qualifying order again: the same rewards, by their keys.
        // (As recorded: the programme may have changed since; a message
        // already queued is not queued again.)
        const plan = await rewardPlan(container, { referral, program, order, at })
        const sms = referral.status === "pending" && referral.referrer_amount ? ("pending" as const) : null
        return new StepResponse<QualifyReferralOrderStepOutput, Undo>(
          { outcome: "reward", referral, plan: { ...plan, referrer_amount: referral.referrer_amount, sms } },
          { before: null, bumped: null }
        )
      }
      const amount = bonusAmount(program, order)
      if (!amount || referral.bonus_orders >= program.referrer_orders) {
        return none(referral)
      }
      const paid = await loyalty.listWalletTransactions({
        type: "credit",
        reference: REFERRAL_ORDER_REFERENCE,
        reference_id: order.id,
      })
      if (paid.length) {
        return none(referral)
      }
      const bumped = await loyalty.bumpReferralBonus(referral.id, program.referrer_orders)
      if (!bumped) {
        return none(referral)
      }
      const hold = referralHold(program, order.placed_at, at)
      const names = await firstNames(container, [referral.friend_id])
      return new StepResponse<QualifyReferralOrderStepOutput, Undo>(
        {
          outcome: "bonus",
          referral: bumped,
          plan: {
            kind: "bonus",
            referral_id: referral.id,
            referrer_id: referral.referrer_id,
            order_id: order.id,
            currency_code: currency,
            amount,
            available_at: hold.over ? null : hold.available_at,
            expires_at:
              program.referrer_credit_valid_days === null
                ? null
                : addDaysExact(hold.over ? at : hold.available_at, program.referrer_credit_valid_days),
            friend_name: names.get(referral.friend_id) ?? null,
          },
        },
        { before: null, bumped: referral.id }
      )
    }
    if (referral.status !== "joined" && referral.status !== "ordered") {
      return none(referral)
    }

    const minimum = amountIn(program.min_order_amount, currency) ?? "0"
    if (MathBN.lt(order.total, minimum)) {
      const moved = await loyalty.moveReferral(referral.id, ["joined"], { status: "ordered" })
      return new StepResponse<QualifyReferralOrderStepOutput, Undo>(
        { outcome: moved ? "ordered" : "none", referral: moved ?? referral, plan: null },
        { before: moved ? referral : null, bumped: null }
      )
    }
    const theOrder = { order_id: order.id, order_total: order.total, currency_code: currency }
    const from: ReferralRow["status"][] = ["joined", "ordered"]
    let moved: ReferralRow | null
    let outcome: ReferralOrderOutcome
    if (order.address && (await loyalty.referrerAddressKeys(referral.referrer_id)).includes(order.address)) {
      outcome = "refused"
      moved = await loyalty.moveReferral(referral.id, from, {
        ...theOrder,
        status: "refused",
        held_stage: null,
        reasons: [...referral.reasons, "self_address"],
      })
    } else if (moreThanPercent(order.credit_paid, order.total, program.credit_share_hold)) {
      outcome = "held"
      moved = await loyalty.moveReferral(referral.id, from, {
        ...theOrder,
        status: "held",
        held_stage: "order",
        reasons: [...referral.reasons, "paid_with_credit"],
      })
    } else {
      outcome = "reward"
      const referrerAmount = amountIn(program.referrer_credit, currency)
      const hold = referralHold(program, order.placed_at, at)
      const waits = !!referrerAmount && !hold.over
      moved = await loyalty.moveReferral(referral.id, from, {
        ...theOrder,
        status: waits ? "pending" : "rewarded",
        referrer_amount: referrerAmount,
        available_at: referrerAmount ? hold.available_at : null,
        rewarded_at: waits ? null : at,
      })
    }
    if (!moved) {
      // Another run moved it first: that run pays.
      return none(referral)
    }
    const plan = outcome === "reward" ? await rewardPlan(container, { referral: moved, program, order, at }) : null
    return new StepResponse<QualifyReferralOrderStepOutput, Undo>(
      { outcome, referral: moved, plan },
      { before: referral, bumped: null }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const loyalty = service(container)
    if (undo.before) {
      await loyalty.restoreReferralRow(undo.before)
    }
    if (undo.bumped) {
      await loyalty.dropReferralBonus(undo.bumped)
    }
  }
)
