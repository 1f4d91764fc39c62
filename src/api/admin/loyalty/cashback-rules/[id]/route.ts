import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  deleteCashbackRulesWorkflow,
  updateCashbackRuleWorkflow,
} from "../../../../../workflows"
import { fetchCashbackRule } from "../../../../utils/cashback-rules"
import { AdminUpdateCashbackRuleType } from "../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const cashback_rule = await fetchCashbackRule(
    req.scope,
    req.params.id,
    req.queryConfig.fields
  )
  res.json({ cashback_rule })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCashbackRuleType>,
  res: MedusaResponse
) => {
  await fetchCashbackRule(req.scope, req.params.id, ["id"])
  await updateCashbackRuleWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody },
  })
  const cashback_rule = await fetchCashbackRule(
    req.scope,
    req.params.id,
    req.queryConfig.fields
  )
  res.json({ cashback_rule })
}

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  await fetchCashbackRule(req.scope, req.params.id, ["id"])
  await deleteCashbackRulesWorkflow(req.scope).run({
    input: { ids: [req.params.id] },
  })
  res.json({ id: req.params.id, object: "cashback_rule", deleted: true })
}
