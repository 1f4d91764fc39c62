import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { InboundReport } from "../../../providers/sms/inbound/push"

export const recordInboundStepId = "loyalty-record-inbound"

/**
 * Records what a gateway told us (replies, delivery reports) and acts on
 * the new ones: an opt-out reply moves the customer out of promotions, a
 * delivery report marks the message (see the module's `recordInbound`).
 * Each report is unique per gateway, kind and id, so a push and a pull of
 * the same reply, or a retried webhook, act once. No compensation: the step
 * is the workflow's only write, and what it records happened at the
 * gateway whatever follows.
 */
export const recordInboundStep = createStep(
  recordInboundStepId,
  async (input: { items: InboundReport[] }, { container }) => {
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const items = input.items.map((i) => ({ ...i, received_at: new Date(i.received_at) }))
    return new StepResponse(await service.recordInbound(items))
  }
)
