import { MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { redeemAtTillWorkflow } from "../../../../workflows"
import { PosRequest } from "../../../utils/pos-auth"
import { answeringConflicts, tillMemberCard } from "../../../utils/pos"
import { PosRedeemType } from "../validators"

/**
 * Pays part of the bill with wallet credit (201; the same receipt, member
 * and amount again at this location: 200, paid once; the same receipt with
 * another phone or amount: 409).
 */
export const POST = async (req: PosRequest, res: MedusaResponse) => {
  const body = req.validatedBody as PosRedeemType
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const { pos_redeem_requires_code } = await service.retrieveSettings()
  const run = await answeringConflicts(res, () =>
    redeemAtTillWorkflow(req.scope).run({
      input: {
        ...body,
        pos_key_id: req.pos_key!.id,
        location: req.pos_key!.location,
        requires_code: pos_redeem_requires_code,
      },
    })
  )
  if (!run) {
    return
  }
  const { result } = run
  const debit: any = result.debit
  res.status(debit.created ? 201 : 200).json({
    redemption: {
      receipt_id: body.receipt_id,
      transaction_id: debit.transaction.id,
      amount: debit.transaction.amount,
    },
    member: await tillMemberCard(req.scope, result.member.customer_id, req.get("x-medusa-locale")),
  })
}
