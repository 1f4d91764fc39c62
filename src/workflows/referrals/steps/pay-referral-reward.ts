import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReferralRow } from "../../../modules/loyalty-club/services/referrals"
import { MessageItem } from "../../messages/compose-messages"
import { undoLedgerWrite } from "../../wallet/steps/undo-ledger-write"
import { ReferralPlan } from "../order-facts"
import {
  REFERRAL_FRIEND_REFERENCE,
  REFERRAL_ORDER_REFERENCE,
  REFERRAL_REFERENCE,
  service,
} from "../shared"

export type PayReferralRewardStepOutput = {
  /** The referral with its credits recorded (null when nothing was planned). */
  referral: ReferralRow | null
  /** The referrer's SMS: their credit waits for the hold, or is spendable now. */
  pending: MessageItem[]
  rewarded: MessageItem[]
}

type Undo = { transactions: string[] }

export const payReferralRewardStepId = "loyalty-pay-referral-reward"

/**
 * Writes what a plan pays. A qualifying order: the referrer's credit lot
 * ("referral", referral id) in their wallet of the order's currency,
 * spendable when the hold ends, and the friend's credit gift
 * ("referral_friend", referral id), spendable at once; both recorded on the
 * referral, and the referrer's SMS returned for queuing. A later order:
 * the referrer's percentage ("referral_order", order id) on the same hold.
 * The ledger keys make a repeat pay nothing (a repeated bonus gives its
 * count back). The undo reverses the credits this run wrote.
 */
export const payReferralRewardStep = createStep(
  payReferralRewardStepId,
  async (input: { plan: ReferralPlan | null }, { container }) => {
    const empty: PayReferralRewardStepOutput = { referral: null, pending: [], rewarded: [] }
    const plan = input.plan
    if (!plan) {
      return new StepResponse<PayReferralRewardStepOutput, Undo>(empty)
    }
    const loyalty = service(container)
    const undo: Undo = { transactions: [] }
    const credit = async (
      customerId: string,
      data: { amount: string; reference: string; reference_id: string; available_at: Date | null; expires_at: Date | null; note: string }
    ) => {
      const { wallet } = await loyalty.retrieveOrCreateWallet({ customer_id: customerId, currency_code: plan.currency_code })
      const result = await loyalty.creditWallet({ wallet_id: wallet.id, actor_type: "system", ...data })
      if (result.created) {
        undo.transactions.push(result.transaction.id)
      }
      return result
    }
    try {
      if (plan.kind === "bonus") {
        const { created } = await credit(plan.referrer_id, {
          amount: plan.amount,
          reference: REFERRAL_ORDER_REFERENCE,
          reference_id: plan.order_id,
          available_at: plan.available_at,
          expires_at: plan.expires_at,
          note: `Referral order: ${plan.friend_name ?? "a friend"}`,
        })
        if (!created) {
          // The same order's event ran twice at once: the first counted it.
          await loyalty.dropReferralBonus(plan.referral_id)
        }
        return new StepResponse<PayReferralRewardStepOutput, Undo>(empty, undo)
      }

      const recorded: { referrer_transaction_id?: string; friend_transaction_id?: string } = {}
      if (plan.referrer_amount) {
        const { transaction } = await credit(plan.referrer_id, {
          amount: plan.referrer_amount,
          reference: REFERRAL_REFERENCE,
          reference_id: plan.referral_id,
          available_at: plan.referrer_available_at,
          expires_at: plan.referrer_expires_at,
          note: `Referral: ${plan.friend_name ?? "a friend"}`,
        })
        recorded.referrer_transaction_id = transaction.id
      }
      if (plan.friend_amount) {
        const { transaction } = await credit(plan.friend_id, {
          amount: plan.friend_amount,
          reference: REFERRAL_FRIEND_REFERENCE,
          reference_id: plan.referral_id,
          available_at: null,
          expires_at: plan.friend_expires_at,
          note: `Referral gift: invited by ${plan.referrer_name ?? "a club member"}`,
        })
        recorded.friend_transaction_id = transaction.id
      }
      const referral = Object.keys(recorded).length
        ? await loyalty.moveReferral(plan.referral_id, null, recorded)
        : await loyalty.getReferralRow(plan.referral_id)
      const messages: MessageItem[] =
        plan.sms && plan.referrer_amount
          ? [
              {
                customer_id: plan.referrer_id,
                subject: plan.referral_id,
                currency_code: plan.currency_code,
                amount: { amount: plan.referrer_amount, currency_code: plan.currency_code },
                friend_name: plan.friend_name,
                available_at: plan.referrer_available_at,
                expires_at: plan.referrer_expires_at,
                data: { referral_id: plan.referral_id },
              },
            ]
          : []
      return new StepResponse<PayReferralRewardStepOutput, Undo>(
        {
          referral,
          pending: plan.sms === "pending" ? messages : [],
          rewarded: plan.sms === "rewarded" ? messages : [],
        },
        undo
      )
    } catch (error) {
      // A failing step is not undone by the workflow: reverse what it wrote.
      for (const id of undo.transactions) {
        await undoLedgerWrite(id, { container })
      }
      throw error
    }
  },
  async (undo, { container }) => {
    for (const id of undo?.transactions ?? []) {
      await undoLedgerWrite(id, { container })
    }
  }
)
