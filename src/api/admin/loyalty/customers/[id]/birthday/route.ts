import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { loyaltyError, LoyaltyErrorCode } from "../../../../../../utils/error-codes"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { clearBirthdayWorkflow, setBirthdayWorkflow } from "../../../../../../workflows/occasions"
import { BirthdayBodyType } from "../../../../../store/loyalty/birthday/validators"
import { birthdayView } from "../../../../../store/loyalty/birthday/view"

/** A customer's birthday (null when none); 404 for an unknown customer. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: req.params.id } })
  if (!data.length) {
    // The same 404 the writes answer.
    throw loyaltyError(
      MedusaError.Types.NOT_FOUND,
      `customer_id: Customer with id: ${req.params.id} was not found`,
      LoyaltyErrorCode.CUSTOMER_NOT_FOUND
    )
  }
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  res.json({ birthday: birthdayView(await service.getCustomerBirthday(req.params.id)) })
}

/** Staff set a customer's birthday (`set_by: "admin"`). */
export const POST = async (req: AuthenticatedMedusaRequest<BirthdayBodyType>, res: MedusaResponse) => {
  const { result } = await setBirthdayWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: req.params.id, set_by: "admin" },
  })
  res.json({ birthday: birthdayView(result) })
}

/** Staff clear a customer's birthday. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await clearBirthdayWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  res.json({ birthday: null })
}
