import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { LoyaltyCashbackEvents } from "../events"
import { releaseHeldCashbackStep } from "../steps"

export const releaseHeldCashbackWorkflowId = "loyalty-release-held-cashback"

/**
 * Announces order cashback whose hold has ended: one
 * `loyalty.cashback.released` event per order, once. Run by the
 * `loyalty-release-held-cashback` job.
 *
 * @example
 * await releaseHeldCashbackWorkflow(container).run({ input: {} })
 */
export const releaseHeldCashbackWorkflow = createWorkflow(
  releaseHeldCashbackWorkflowId,
  (input: { at?: Date | string; limit?: number }) => {
    const releases = releaseHeldCashbackStep(input)
    when({ releases }, ({ releases }) => releases.length > 0).then(() => {
      emitEventStep({
        eventName: LoyaltyCashbackEvents.RELEASED,
        data: transform({ releases }, ({ releases }) => releases),
      })
    })
    return new WorkflowResponse(releases)
  }
)
