import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { fetchWalletLedgerPage } from "../../../../../utils/wallets"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  // Another shopper's wallet answers 404, as if it did not exist.
  res.json(
    await fetchWalletLedgerPage(req.scope, req.params.id, req.queryConfig.pagination, {
      customer_id: req.auth_context.actor_id,
    })
  )
}
