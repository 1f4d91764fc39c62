import {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { previewCashbackWorkflow } from "../../../../workflows"
import { shopperRuleName } from "../../../../utils/cashback-rule-validation"
import { rulesById } from "../../../utils/cashback-rules"
import { shopperLanguage } from "../../../utils/locale"
import { StoreGetCashbackPreviewParamsType } from "./validators"

/**
 * What a cart or a product page would earn, per rule. Each rule is named in
 * the request's language (`?locale=` or `x-medusa-locale`, else the shop's
 * default language): its name for shoppers in that language, else the
 * shop's name.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetCashbackPreviewParamsType>,
  res: MedusaResponse
) => {
  const { result } = await previewCashbackWorkflow(req.scope).run({
    input: {
      ...(req.validatedQuery as StoreGetCashbackPreviewParamsType),
      customer_id: req.auth_context?.actor_id ?? null,
    },
  })
  const [language, rules] = await Promise.all([
    shopperLanguage(req.scope, (req as { locale?: string }).locale),
    rulesById(req.scope, result.rules.map((r) => r.rule_id)),
  ])
  res.json({
    cashback: {
      ...result,
      rules: result.rules.map((r) => {
        const rule = rules.get(r.rule_id)
        return { ...r, name: rule ? shopperRuleName(rule, language) : r.name }
      }),
    },
  })
}
