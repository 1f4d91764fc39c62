import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { LOYALTY_CLUB_MODULE } from "../../../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../../../modules/loyalty-club/service"
import { createCashbackRulesWorkflow } from "../../../../workflows"
import {
  fetchCashbackRule,
  fetchCashbackRules,
} from "../../../utils/cashback-rules"
import {
  AdminCreateCashbackRuleType,
  AdminGetCashbackRulesParamsType,
} from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCashbackRulesParamsType>,
  res: MedusaResponse
) => {
  const page = await fetchCashbackRules(req.scope, {
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  // Usage: orders that earned from each rule, credited and taken back.
  const service: LoyaltyClubModuleService = req.scope.resolve(LOYALTY_CLUB_MODULE)
  const usage = await service.getCashbackRuleUsage(page.cashback_rules.map((r) => r.id))
  res.json({
    ...page,
    cashback_rules: page.cashback_rules.map((r) => ({ ...r, usage: usage[r.id] })),
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateCashbackRuleType>,
  res: MedusaResponse
) => {
  const { result } = await createCashbackRulesWorkflow(req.scope).run({
    input: { rules: [req.validatedBody] },
  })
  const cashback_rule = await fetchCashbackRule(
    req.scope,
    result[0].id,
    req.queryConfig.fields
  )
  res.status(201).json({ cashback_rule })
}
