import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../../../modules/loyalty-club/service"
import { issuePersonalCodeWorkflow } from "../../../../../../workflows/codes"
import { AdminGetBatchCodesParamsType, AdminIssueCodeType } from "../../validators"

/** A page of the batch's codes with their use (`q`: part of a code). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetBatchCodesParamsType>,
  res: MedusaResponse
) => {
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  await service.getCodeBatch(req.params.id)
  const { skip = 0, take = 50 } = req.queryConfig.pagination
  const page = await service.listBatchCodeRows(req.params.id, { q: req.validatedQuery.q ?? null }, { skip, take })
  res.json({ codes: page.codes, count: page.count, offset: skip, limit: take })
}

/** Issues a personal code of this (personal) batch to a customer: the admin's gift. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminIssueCodeType>, res: MedusaResponse) => {
  const { result } = await issuePersonalCodeWorkflow(req.scope).run({
    input: {
      batch_id: req.params.id,
      customer_id: req.validatedBody.customer_id,
      source: "admin",
      expires_at: req.validatedBody.expires_at ?? null,
    },
  })
  res.json({
    code: { ...result.code, used: false, order_id: null, disabled_at: null, discount: result.discount },
  })
}
