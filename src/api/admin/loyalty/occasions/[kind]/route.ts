import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loyaltyError, LoyaltyErrorCode } from "../../../../../utils/error-codes"
import { OCCASION_KINDS, OccasionKind } from "../../../../../utils/occasions"
import { updateOccasionWorkflow } from "../../../../../workflows/occasions"
import { AdminUpdateOccasionType } from "../validators"
import { occasionViews } from "../views"

/**
 * Turns an occasion on or off, sets its gift and timing (fields left out
 * keep their value). An unknown kind is a 404 naming the kinds there are.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateOccasionType>, res: MedusaResponse) => {
  const kind = req.params.kind as OccasionKind
  if (!OCCASION_KINDS.includes(kind)) {
    throw loyaltyError(
      MedusaError.Types.NOT_FOUND,
      `Occasion ${req.params.kind} was not found (occasions: ${OCCASION_KINDS.join(", ")})`,
      LoyaltyErrorCode.OCCASION_NOT_FOUND
    )
  }
  const { result } = await updateOccasionWorkflow(req.scope).run({ input: { ...req.validatedBody, kind } })
  const [occasion] = await occasionViews(req.scope, [result])
  res.json({ occasion })
}
