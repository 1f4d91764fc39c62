import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../modules/loyalty-club/service"
import { updateReferralProgramWorkflow } from "../../../../../workflows/referrals"
import { AdminUpdateReferralProgramType } from "../validators"

/** The referral programme (its defaults, switched off, until saved) and where share links start by default. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  res.json({ program: await service.getReferralProgram(), share_url_default: service.getLinkOptions().public_url })
}

/**
 * Saves the programme (fields left out keep their value). Amounts are per
 * currency, whole for IRR; a bad one, a percent outside (0, 100] or a
 * share address that is not http(s) is a 400 naming the field.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateReferralProgramType>, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { result } = await updateReferralProgramWorkflow(req.scope).run({ input: { data: req.validatedBody as any } })
  res.json({ program: result.program, share_url_default: service.getLinkOptions().public_url })
}
