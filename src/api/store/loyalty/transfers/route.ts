import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { sendCreditTransferWorkflow } from "../../../../workflows/transfers"
import { shopperTransferViews, TRANSFER_BUSY, transferKey } from "../../../admin/loyalty/transfers/views"
import { answeringConflicts } from "../../../utils/pos"
import { StoreGetTransfersParamsType, StoreSendTransferType } from "./validators"

/**
 * The member's transfers, newest first: what they sent, what they
 * received, and what waits to be claimed at their proven phone.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetTransfersParamsType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { skip = 0, take = 20 } = req.queryConfig.pagination
  const customerId = req.auth_context.actor_id
  const page = await service.listCreditTransferRows(
    { customer_id: customerId, status: req.validatedQuery.status ?? null },
    { skip, take }
  )
  res.json({
    transfers: await shopperTransferViews(req.scope, page.transfers, customerId),
    count: page.count,
    offset: skip,
    limit: take,
  })
}

/**
 * Sends part of the member's spendable credit to a mobile number: 201 with
 * the transfer; the same `Idempotency-Key` again answers the first transfer
 * (200), with another body a 409 naming what differs.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSendTransferType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const key = transferKey(req)
  const run = await answeringConflicts(res, () =>
    sendCreditTransferWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        customer_id: customerId,
        idempotency_key: key,
        actor_type: "customer",
        actor_id: customerId,
      },
    }),
    TRANSFER_BUSY
  )
  if (!run) {
    return
  }
  const { transfer, created } = run.result
  const [view] = await shopperTransferViews(req.scope, [transfer], customerId)
  res.status(created ? 201 : 200).json({ transfer: view })
}
