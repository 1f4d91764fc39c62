import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MathBN,
  MedusaError,
} from "@medusajs/framework/utils"
import { LoyaltyErrorCode } from "../../utils/error-codes"

const MONEY_FIELDS = ["value", "min_subtotal", "max_amount"] as const

/** A rule as the API shows it: money and rates as exact decimal strings. */
export function formatCashbackRule(rule: Record<string, any>) {
  const out: Record<string, any> = { ...rule }
  for (const field of MONEY_FIELDS) {
    const source = rule[`raw_${field}`] ?? rule[field]
    out[field] = source != null ? MathBN.convert(source).toFixed() : null
    delete out[`raw_${field}`]
  }
  return out
}

export async function fetchCashbackRules(
  container: MedusaContainer,
  {
    fields,
    filters,
    pagination,
  }: { fields: string[]; filters: Record<string, unknown>; pagination?: Record<string, unknown> }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "cashback_rule",
    fields,
    filters,
    pagination: pagination as any,
  })
  return {
    cashback_rules: data.map(formatCashbackRule),
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  }
}

export async function fetchCashbackRule(
  container: MedusaContainer,
  id: string,
  fields: string[]
) {
  const { cashback_rules } = await fetchCashbackRules(container, {
    fields,
    filters: { id },
  })
  if (!cashback_rules.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Cashback rule with id: ${id} was not found`,
      LoyaltyErrorCode.RULE_NOT_FOUND
    )
  }
  return cashback_rules[0]
}
