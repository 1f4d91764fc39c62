import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { clearBirthdayWorkflow, setBirthdayWorkflow } from "../../../../workflows/occasions"
import { BirthdayBodyType } from "./validators"
import { birthdayView } from "./view"

/** The shopper's own birthday, or null. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  res.json({ birthday: birthdayView(await service.getCustomerBirthday(req.auth_context.actor_id)) })
}

/**
 * Sets the shopper's own birthday (the customer is always the one logged
 * in). Moving it to a day within 30 days ahead earns no gift this year.
 */
export const POST = async (req: AuthenticatedMedusaRequest<BirthdayBodyType>, res: MedusaResponse) => {
  const { result } = await setBirthdayWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: req.auth_context.actor_id, set_by: "customer" },
  })
  res.json({ birthday: birthdayView(result) })
}

/** Clears the shopper's own birthday. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await clearBirthdayWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id } })
  res.json({ birthday: null })
}
