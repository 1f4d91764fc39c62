import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MessageItem } from "../../messages/compose-messages"
import { firstNames, service } from "../shared"

export type RewardReleasedReferralsInput = {
  /** Referrals whose referrer's credit lot ("referral", referral id) was just released. */
  referral_ids: string[]
  at?: Date | string
}

export type RewardReleasedReferralsStepOutput = {
  rewarded: string[]
  /** The referrer's SMS: their credit is spendable now. */
  messages: MessageItem[]
}

export const rewardReleasedReferralsStepId = "loyalty-reward-released-referrals"

/**
 * The referrer's credit of these referrals became spendable (the release
 * run marked its lot): each still `pending` moves to `rewarded`, once (a
 * conditional move), and its referrer's SMS is returned for queuing (the
 * amount, the friend's first name, when the credit expires). The undo
 * moves them back to `pending`.
 */
export const rewardReleasedReferralsStep = createStep(
  rewardReleasedReferralsStepId,
  async (input: RewardReleasedReferralsInput, { container }) => {
    if (!input.referral_ids.length) {
      return new StepResponse<RewardReleasedReferralsStepOutput, string[]>({ rewarded: [], messages: [] }, [])
    }
    const loyalty = service(container)
    const at = input.at ? new Date(input.at) : new Date()
    const rewarded = await loyalty.rewardReferrals(input.referral_ids, at)
    const transactions = rewarded.map((r) => r.referrer_transaction_id).filter((id): id is string => !!id)
    const [dates, names] = await Promise.all([
      transactions.length ? loyalty.listCreditDates(transactions) : Promise.resolve({} as Record<string, any>),
      firstNames(container, rewarded.map((r) => r.friend_id)),
    ])
    const messages: MessageItem[] = rewarded
      .filter((r) => r.referrer_amount && r.currency_code)
      .map((r) => ({
        customer_id: r.referrer_id,
        subject: r.id,
        currency_code: r.currency_code,
        amount: { amount: r.referrer_amount!, currency_code: r.currency_code! },
        friend_name: names.get(r.friend_id) ?? null,
        expires_at: r.referrer_transaction_id ? dates[r.referrer_transaction_id]?.expires_at ?? null : null,
        data: { referral_id: r.id },
      }))
    const ids = rewarded.map((r) => r.id)
    return new StepResponse<RewardReleasedReferralsStepOutput, string[]>({ rewarded: ids, messages }, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await service(container).unrewardReferrals(ids)
  }
)
