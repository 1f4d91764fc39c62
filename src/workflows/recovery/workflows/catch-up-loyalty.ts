import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseHeldCashbackWorkflow } from "../../cashback/workflows/release-held-cashback"
import { CatchUpOrdersInput, catchUpOrdersStep } from "../steps"

export const catchUpLoyaltyWorkflowId = "loyalty-catch-up"

/**
 * Settles what the event subscribers left undone: orders placed between
 * now - `catch_up_lookback_hours` and now - `catch_up_grace_seconds` that
 * have no cashback get it (the subscriber's own award workflow, so the two
 * never pay twice) with the tier upgrade they earn, and held cashback whose
 * date has come is recorded as released. Run every five minutes by the
 * `loyalty-catch-up` job.
 *
 * @example
 * const { result } = await catchUpLoyaltyWorkflow(container).run({ input: {} })
 * // result.orders.awarded: the orders credited by this run
 */
export const catchUpLoyaltyWorkflow = createWorkflow(
  catchUpLoyaltyWorkflowId,
  (input: CatchUpOrdersInput) => {
    const orders = catchUpOrdersStep(input)
    const released = releaseHeldCashbackWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ at: input.at })),
    })
    return new WorkflowResponse({ orders, released })
  }
)
