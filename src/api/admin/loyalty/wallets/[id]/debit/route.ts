import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { debitWalletWorkflow } from "../../../../../../workflows"
import { adminLedgerKey } from "../../../../../utils/idempotency"
import { fetchWalletWithBalance } from "../../../../../utils/wallets"
import { AdminDebitWalletType } from "../../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminDebitWalletType>,
  res: MedusaResponse
) => {
  const { result } = await debitWalletWorkflow(req.scope).run({
    input: {
      wallet_id: req.params.id,
      amount: req.validatedBody.amount,
      note: req.validatedBody.note ?? null,
      ...adminLedgerKey(req),
    },
  })
  const wallet = await fetchWalletWithBalance(req.scope, req.params.id, ["*"])
  res.status(result.created ? 201 : 200).json({
    transaction: result.transaction,
    wallet,
  })
}
