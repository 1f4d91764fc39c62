import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
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
  res.json(
    await fetchCashbackRules(req.scope, {
      fields: req.queryConfig.fields,
      filters: req.filterableFields,
      pagination: req.queryConfig.pagination,
    })
  )
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
