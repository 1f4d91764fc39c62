import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { refundOrderToWalletWorkflow } from "../../../../../../workflows"
import { adminLedgerKey } from "../../../../../utils/idempotency"
import { AdminRefundOrderToWalletType } from "../../validators"

/**
 * Refunds `{amount, note?}` of an order into the customer's wallet. Send an
 * `Idempotency-Key` header to make a retry return the first refund.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRefundOrderToWalletType>,
  res: MedusaResponse
) => {
  const key = adminLedgerKey(req)
  const { result } = await refundOrderToWalletWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      amount: req.validatedBody.amount,
      note: req.validatedBody.note ?? null,
      key: key.reference_id,
      actor_type: key.actor_type,
      actor_id: key.actor_id,
    },
  })
  res.status(result.created ? 201 : 200).json({ transaction: result.transaction })
}
