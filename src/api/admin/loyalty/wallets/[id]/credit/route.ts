import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { creditWalletWorkflow } from "../../../../../../workflows"
import { adminLedgerKey } from "../../../../../utils/idempotency"
import { fetchWalletWithBalance } from "../../../../../utils/wallets"
import { AdminCreditWalletType } from "../../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreditWalletType>,
  res: MedusaResponse
) => {
  const { result } = await creditWalletWorkflow(req.scope).run({
    input: {
      wallet_id: req.params.id,
      amount: req.validatedBody.amount,
      note: req.validatedBody.note ?? null,
      expires_at: req.validatedBody.expires_at ?? null,
      ...adminLedgerKey(req),
    },
  })
  const wallet = await fetchWalletWithBalance(req.scope, req.params.id, ["*"])
  res.status(result.created ? 201 : 200).json({
    transaction: result.transaction,
    wallet,
  })
}
