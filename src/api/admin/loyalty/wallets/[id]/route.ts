import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { fetchWalletWithBalance } from "../../../../utils/wallets"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const wallet = await fetchWalletWithBalance(
    req.scope,
    req.params.id,
    req.queryConfig.fields
  )
  res.json({ wallet })
}
