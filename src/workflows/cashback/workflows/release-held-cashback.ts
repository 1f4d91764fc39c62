import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { queueMessagesStep } from "../../messages/steps"
import { rewardReleasedReferralsStep } from "../../referrals/steps/reward-released-referrals"
import { LoyaltyCashbackEvents } from "../events"
import { releaseHeldCashbackStep } from "../steps"

export const releaseHeldCashbackWorkflowId = "loyalty-release-held-cashback"

/**
 * Announces order cashback whose hold has ended: one
 * `loyalty.cashback.released` event per order, once. A referrer's credit
 * whose hold ended makes its referral `rewarded` and queues their
 * `referral_rewarded` SMS, once. Run by the `loyalty-release-held-cashback`
 * job. The result lists the orders.
 *
 * @example
 * await releaseHeldCashbackWorkflow(container).run({ input: {} })
 */
export const releaseHeldCashbackWorkflow = createWorkflow(
  releaseHeldCashbackWorkflowId,
  (input: { at?: Date | string; limit?: number }) => {
    const released = releaseHeldCashbackStep(input)
    const releases = transform({ released }, ({ released }) => released.orders)
    when({ releases }, ({ releases }) => releases.length > 0).then(() => {
      emitEventStep({
        eventName: LoyaltyCashbackEvents.RELEASED,
        data: transform({ releases }, ({ releases }) => releases),
      })
    })
    const referrals = rewardReleasedReferralsStep(
      transform({ released, input }, ({ released, input }) => ({ referral_ids: released.referral_ids, at: input.at }))
    )
    queueMessagesStep(
      transform({ referrals, input }, ({ referrals, input }) => ({
        event: "referral_rewarded" as const,
        items: referrals.messages,
        at: input.at,
      }))
    ).config({ name: "queue-referral-rewarded" })
    return new WorkflowResponse(releases)
  }
)
