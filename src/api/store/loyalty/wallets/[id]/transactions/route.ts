import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { shopperLanguage } from "../../../../../utils/locale"
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
  const language = await shopperLanguage(req.scope, (req as { locale?: string }).locale)
  res.json(
    await fetchShopperLedgerPage(
      req.scope,
      req.params.id,
      req.queryConfig.pagination,
      req.auth_context.actor_id,
      language
    )
  )
}
