import { MedusaResponse } from "@medusajs/framework/http"
import { voidPosPurchaseWorkflow } from "../../../../../../workflows"
import { PosRequest } from "../../../../../utils/pos-auth"
import { answeringConflicts, tillMemberCard } from "../../../../../utils/pos"

/**
 * Voids a purchase of the key's own location: its order is canceled and its
 * cashback taken back. Another location's receipt is a 404.
 */
export const POST = async (req: PosRequest, res: MedusaResponse) => {
  const run = await answeringConflicts(res, () =>
    voidPosPurchaseWorkflow(req.scope).run({
      input: { receipt_id: req.params.receipt_id, location: req.pos_key!.location },
    })
  )
  if (!run) {
    return
  }
  const { result } = run
  res.json({
    purchase: { receipt_id: req.params.receipt_id, order_id: result.order_id, voided: true },
    member: await tillMemberCard(req.scope, result.customer_id, req.get("x-medusa-locale")),
  })
}
