import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { fetchShopperLedgerPage } from "../../../../../utils/shopper-ledger"

/**
 * The shopper's own wallet history, newest first, in words meant for them,
 * in the request's language (Medusa's `?locale=` or `x-medusa-locale`:
 * Persian or English; the shop's default language otherwise). Another
 * shopper's wallet answers 404, as if it did not exist.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const asked = String((req as { locale?: string }).locale ?? "").slice(0, 2).toLowerCase()
  const locale = asked === "en" || asked === "fa" ? asked : (await service.retrieveSettings()).default_locale
  res.json(
    await fetchShopperLedgerPage(
      req.scope,
      req.params.id,
      req.queryConfig.pagination,
      req.auth_context.actor_id,
      locale === "en" ? "en" : "fa"
    )
  )
}
