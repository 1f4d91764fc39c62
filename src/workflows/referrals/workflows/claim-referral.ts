import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ReferralView } from "../../../modules/loyalty-club/services/referrals"
import { queueMessagesStep } from "../../messages/steps"
import { ReferralGift } from "../shared"
import { ClaimReferralInput, claimReferralStep } from "../steps"

export type ClaimReferralWorkflowInput = Omit<ClaimReferralInput, "soft">

export type ClaimReferralWorkflowOutput = {
  /** The friend's referral: new, or the one they already had with this referrer. */
  referral: ReferralView
  created: boolean
  /** The friend's gift (null while refused or held). */
  gift: ReferralGift | null
}

export const claimReferralWorkflowId = "loyalty-claim-referral"

/**
 * A friend names a member's referral code (online, at the kiosk, at the
 * till): checked, recorded with every fraud rule that applies (refused, or
 * held for review), and, when accepted, the friend's gift given and the
 * welcome SMS queued (see `claimReferralStep`). A repeat by the same friend
 * answers the first referral; racing claims on one friend: one wins.
 * 400s: the programme off, an unknown code, a friend referred by another,
 * an online friend without a verified phone (when the shop asks for one).
 *
 * @example
 * const { result } = await claimReferralWorkflow(container).run({
 *   input: { customer_id: "cus_friend", code: "AB34CD", channel: "online", ip: "5.6.7.8" },
 * })
 * // result.referral.status: "joined", result.gift: { type: "code", code: "REF-7KQ4M9XZP", ... }
 */
export const claimReferralWorkflow = createWorkflow(claimReferralWorkflowId, (input: ClaimReferralWorkflowInput) => {
  const claimed = claimReferralStep(transform({ input }, ({ input }) => ({ ...input, soft: false })))
  queueMessagesStep(
    transform({ claimed, input }, ({ claimed, input }) => ({
      event: "referral_welcome" as const,
      items: claimed.messages,
      at: input.at,
      gift: claimed.gift_variant,
    }))
  ).config({ name: "queue-referral-welcome" })
  const result = transform({ claimed }, ({ claimed }) => ({
    referral: claimed.referral!,
    created: claimed.created,
    gift: claimed.gift,
  }))
  return new WorkflowResponse<ClaimReferralWorkflowOutput>(result)
})
