import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { StoreUpdateSmsPreferenceType } from "./validators"

/** The shopper's SMS choices: opted out of all, of promotions only, and the language. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const customerId = req.auth_context.actor_id
  const preference = (await service.listMessagePreferencesOf([customerId]))[customerId]
  res.json({
    sms_preference: {
      opted_out: preference?.opted_out ?? false,
      promotions_opted_out: preference?.promotions_opted_out ?? false,
      locale: preference?.locale ?? null,
    },
  })
}

/**
 * Opts the shopper out of (or back into) club SMS or only its promotions
 * (campaigns, occasions, win-back: service messages still come), or sets
 * the language.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreUpdateSmsPreferenceType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const row = await service.updateSmsPreference({
    ...req.validatedBody,
    customer_id: req.auth_context.actor_id,
    source: "shopper",
  })
  res.json({
    sms_preference: {
      opted_out: row.opted_out,
      promotions_opted_out: row.promotions_opted_out,
      locale: row.locale,
    },
  })
}
