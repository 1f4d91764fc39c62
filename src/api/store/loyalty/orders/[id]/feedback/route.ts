import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { LoyaltyErrorCode } from "../../../../../../utils/error-codes"
import { submitFeedbackWorkflow } from "../../../../../../workflows/feedback"
import { StoreFeedbackType } from "./validators"

async function answerOf(req: AuthenticatedMedusaRequest, orderId: string) {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const [feedback] = await service.listFeedbacks(
    { order_id: orderId },
    { select: ["order_id", "rating", "comment", "answered_at"] }
  )
  return feedback
    ? { order_id: feedback.order_id, rating: feedback.rating, comment: feedback.comment, answered_at: feedback.answered_at }
    : null
}

/** The shopper's answer about their own order (null before they answer); another's order is a 404. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  if (!orders.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order with id: ${req.params.id} was not found`,
      LoyaltyErrorCode.ORDER_NOT_FOUND
    )
  }
  res.json({ feedback: await answerOf(req, req.params.id) })
}

/**
 * Answers about the shopper's own order: `{rating: 1-5, comment?}` (400
 * naming the field otherwise); a second answer edits the first. Another
 * shopper's order is a 404.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreFeedbackType>, res: MedusaResponse) => {
  await submitFeedbackWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      rating: req.validatedBody.rating,
      comment: req.validatedBody.comment,
      customer_id: req.auth_context.actor_id,
    },
  })
  res.json({ feedback: await answerOf(req, req.params.id) })
}
