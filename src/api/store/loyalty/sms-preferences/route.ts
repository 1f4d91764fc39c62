import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { StoreUpdateSmsPreferenceType } from "./validators"

/** The shopper's SMS choice: opted out or not, and the language. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const customerId = req.auth_context.actor_id
  const preference = (await service.listSmsPreferencesOf([customerId]))[customerId]
  res.json({
    sms_preference: { opted_out: preference?.opted_out ?? false, locale: preference?.locale ?? null },
  })
}

/** Opts the shopper out of (or back into) club SMS, or sets the language. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreUpdateSmsPreferenceType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const row = await service.upsertSmsPreference({
    customer_id: req.auth_context.actor_id,
    ...req.validatedBody,
  })
  res.json({ sms_preference: { opted_out: row.opted_out, locale: row.locale } })
}
