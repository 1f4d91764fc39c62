import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { InboundReport } from "../../../providers/sms/inbound/push"
import { recordInboundStep } from "../steps/record-inbound"

export const recordInboundWorkflowId = "loyalty-record-inbound"

/**
 * Records gateways' replies and delivery reports and acts on the new ones
 * (the inbound routes and the reader job run it).
 *
 * @example
 * await recordInboundWorkflow(container).run({
 *   input: { items: [{ gateway: "kavenegar", kind: "reply", external_id: "9001",
 *     phone: "+989121234567", body: "لغو۱۱", received_at: new Date() }] },
 * })
 */
export const recordInboundWorkflow = createWorkflow(
  recordInboundWorkflowId,
  (input: { items: InboundReport[] }) => {
    return new WorkflowResponse(recordInboundStep(input))
  }
)
