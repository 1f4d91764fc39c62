import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { fetchWalletLedgerPage } from "../../../../../utils/wallets"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  res.json(
    await fetchWalletLedgerPage(req.scope, req.params.id, req.queryConfig.pagination)
  )
}
