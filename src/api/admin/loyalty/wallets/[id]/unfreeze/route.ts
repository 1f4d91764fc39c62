import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { setWalletStatusWorkflow } from "../../../../../../workflows"
import { fetchWalletWithBalance } from "../../../../../utils/wallets"

export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await setWalletStatusWorkflow(req.scope).run({
    input: { wallet_id: req.params.id, status: "active" },
  })
  const wallet = await fetchWalletWithBalance(req.scope, req.params.id, ["*"])
  res.json({ wallet })
}
