import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CLUB_MODULE } from "../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../modules/loyalty-club/service"
import { LoyaltyErrorCode } from "../../../utils/error-codes"
import { feedbackAnswer } from "../answer"

export const resolveFeedbackOrderStepId = "loyalty-resolve-feedback-order"

export type FeedbackOrder = {
  order_id: string
  customer_id: string
  currency_code: string
  display_id: number | null
  channel: "online" | "till"
  location: string | null
  rating: number
  comment: string | null
}

/**
 * Checks an answer (rating 1-5, comment up to 1,000 characters) and finds
 * its order: the customer's own (`customer_id` given: another shopper's
 * order, a guest order or none at all is the same 404), a till purchase
 * (`channel: till`, with the till's location) or online. A canceled order
 * (a voided till purchase too) takes no answer: a 400 naming it. No undo:
 * it reads.
 */
export const resolveFeedbackOrderStep = createStep(
  resolveFeedbackOrderStepId,
  async (
    input: { order_id: string; customer_id?: string | null; rating: unknown; comment?: unknown },
    { container }
  ) => {
    const answer = feedbackAnswer(input)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "currency_code", "display_id", "status"],
      filters: { id: input.order_id },
    })
    const order: any = orders[0]
    if (!order?.customer_id || (input.customer_id && order.customer_id !== input.customer_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Order with id: ${input.order_id} was not found`,
        LoyaltyErrorCode.ORDER_NOT_FOUND
      )
    }
    if (order.status === "canceled") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order (${order.id}) was canceled and can no longer be rated`,
        LoyaltyErrorCode.ORDER_CANCELED
      )
    }
    const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
    const [purchase] = await service.listPosPurchases({ order_id: order.id }, { select: ["id", "location"] })
    return new StepResponse<FeedbackOrder>({
      order_id: order.id,
      customer_id: order.customer_id,
      currency_code: order.currency_code,
      display_id: order.display_id ?? null,
      channel: purchase ? "till" : "online",
      location: purchase?.location ?? null,
      ...answer,
    })
  }
)
