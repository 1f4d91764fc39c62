import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CashbackRuleFields,
  validateCashbackRuleFields,
} from "../../../utils/cashback-rule-validation"
import { LoyaltyErrorCode, LoyaltyErrorCodeValue } from "../../../utils/error-codes"

export const validateCashbackRulesStepId = "loyalty-validate-cashback-rules"

export type CashbackRuleReferences = CashbackRuleFields & {
  scope?: Record<string, string[] | null | undefined> | null
  customer_group_ids?: string[] | null
  sales_channel_ids?: string[] | null
  tier_ids?: string[] | null
  segment_ids?: string[] | null
}

// Which entity each id list points at, so an unknown id is a 400 naming the
// field rather than a rule that silently never applies.
const REFERENCES: [
  string,
  string,
  LoyaltyErrorCodeValue,
  (r: CashbackRuleReferences) => string[] | null | undefined,
][] = [
  ["scope.product_ids", "product", LoyaltyErrorCode.UNKNOWN_PRODUCTS, (r) => r.scope?.product_ids],
  ["scope.exclude_product_ids", "product", LoyaltyErrorCode.UNKNOWN_PRODUCTS, (r) => r.scope?.exclude_product_ids],
  ["scope.category_ids", "product_category", LoyaltyErrorCode.UNKNOWN_CATEGORIES, (r) => r.scope?.category_ids],
  ["scope.exclude_category_ids", "product_category", LoyaltyErrorCode.UNKNOWN_CATEGORIES, (r) => r.scope?.exclude_category_ids],
  ["scope.collection_ids", "product_collection", LoyaltyErrorCode.UNKNOWN_COLLECTIONS, (r) => r.scope?.collection_ids],
  ["scope.exclude_collection_ids", "product_collection", LoyaltyErrorCode.UNKNOWN_COLLECTIONS, (r) => r.scope?.exclude_collection_ids],
  ["scope.type_ids", "product_type", LoyaltyErrorCode.UNKNOWN_TYPES, (r) => r.scope?.type_ids],
  ["scope.exclude_type_ids", "product_type", LoyaltyErrorCode.UNKNOWN_TYPES, (r) => r.scope?.exclude_type_ids],
  ["scope.tag_ids", "product_tag", LoyaltyErrorCode.UNKNOWN_TAGS, (r) => r.scope?.tag_ids],
  ["scope.exclude_tag_ids", "product_tag", LoyaltyErrorCode.UNKNOWN_TAGS, (r) => r.scope?.exclude_tag_ids],
  ["customer_group_ids", "customer_group", LoyaltyErrorCode.UNKNOWN_CUSTOMER_GROUPS, (r) => r.customer_group_ids],
  ["sales_channel_ids", "sales_channel", LoyaltyErrorCode.UNKNOWN_SALES_CHANNELS, (r) => r.sales_channel_ids],
  ["tier_ids", "tier", LoyaltyErrorCode.UNKNOWN_TIERS, (r) => r.tier_ids],
  ["segment_ids", "segment", LoyaltyErrorCode.SEGMENT_IDS_INVALID, (r) => r.segment_ids],
]

/**
 * Checks every rule's fields and that every id it names exists. A validation
 * step: nothing to undo.
 */
export const validateCashbackRulesStep = createStep(
  validateCashbackRulesStepId,
  async (rules: CashbackRuleReferences[], { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    for (const rule of rules) {
      validateCashbackRuleFields(rule)
      for (const [field, entity, code, pick] of REFERENCES) {
        const ids = Array.from(new Set(pick(rule) ?? []))
        if (!ids.length) {
          continue
        }
        const { data } = await query.graph({
          entity,
          fields: ["id"],
          filters: { id: ids },
        })
        const found = new Set(data.map((d: { id: string }) => d.id))
        const missing = ids.filter((id) => !found.has(id))
        if (missing.length) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `${field} has unknown ids: ${missing.join(", ")}`,
            code
          )
        }
      }
    }
    return new StepResponse(void 0)
  }
)
