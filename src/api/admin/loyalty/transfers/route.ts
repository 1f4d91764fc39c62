import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { sendCreditTransferWorkflow } from "../../../../workflows/transfers"
import { answeringConflicts } from "../../../utils/pos"
import { AdminGetTransfersParamsType, AdminSendTransferType } from "./validators"
import { adminTransferViews, TRANSFER_BUSY, transferKey } from "./views"

/** Every transfer, newest first; `status`, and `customer_id` (sent or received by them). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetTransfersParamsType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const page = await service.listCreditTransferRows(
    { customer_id: req.validatedQuery.customer_id ?? null, status: req.validatedQuery.status ?? null },
    { skip, take }
  )
  res.json({ transfers: await adminTransferViews(req.scope, page.transfers), count: page.count, offset: skip, limit: take })
}

/**
 * Staff send a member's credit on their behalf (at the counter), under the
 * same rules and limits as the member: 201 with the transfer; the same
 * `Idempotency-Key` again answers the first (200), with another body a 409.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSendTransferType>, res: MedusaResponse) => {
  const { customer_id, ...body } = req.validatedBody
  // Keys of staff requests are their own: a member's key cannot answer them.
  const key = `admin:${transferKey(req)}`
  const run = await answeringConflicts(res, () =>
    sendCreditTransferWorkflow(req.scope).run({
      input: {
        ...body,
        customer_id,
        idempotency_key: key,
        actor_type: "user",
        actor_id: req.auth_context?.actor_id ?? null,
      },
    }),
    TRANSFER_BUSY
  )
  if (!run) {
    return
  }
  const [transfer] = await adminTransferViews(req.scope, [run.result.transfer])
  res.status(run.result.created ? 201 : 200).json({ transfer })
}
