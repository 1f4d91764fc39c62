import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { LoyaltySettingsValues } from "../../../../modules/loyalty-club/types"
import { updateLoyaltySettingsWorkflow } from "../../../../workflows"
import { saveOccasionSettings, withOccasions } from "./occasions"
import { AdminUpdateLoyaltySettingsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  res.json({ settings: await withOccasions(req.scope, await service.retrieveSettings()) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateLoyaltySettingsType>,
  res: MedusaResponse
) => {
  const { result } = await updateLoyaltySettingsWorkflow(req.scope).run({
    input: req.validatedBody as Partial<LoyaltySettingsValues>,
  })
  await saveOccasionSettings(req.scope, req.validatedBody as Partial<LoyaltySettingsValues>)
  res.json({ settings: await withOccasions(req.scope, result) })
}
