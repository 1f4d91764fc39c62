import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MathBN,
  MedusaError,
} from "@medusajs/framework/utils"
import { LOYALTY_CLUB_MODULE } from "../../modules/loyalty-club"
import LoyaltyClubModuleService from "../../modules/loyalty-club/service"
import { RuleNames, shopperRuleName } from "../../utils/cashback-rule-validation"
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

export type RuleNaming = { id: string; name: string; names: RuleNames | null }

/** The shop's name and the shopper names of rules by id, deleted ones too (awards keep pointing at them). */
export async function rulesById(
  container: MedusaContainer,
  ids: (string | null | undefined)[]
): Promise<Map<string, RuleNaming>> {
  const unique = [...new Set(ids.filter(Boolean))] as string[]
  if (!unique.length) {
    return new Map()
  }
  const service: LoyaltyClubModuleService = container.resolve(LOYALTY_CLUB_MODULE)
  const rules = await service.listCashbackRules(
    { id: unique },
    { select: ["id", "name", "names"], withDeleted: true }
  )
  return new Map(rules.map((r: any) => [r.id, { id: r.id, name: r.name, names: r.names ?? null }]))
}

// The ledger notes an award "Cashback: <the rule's name when it paid>".
const CASHBACK_NOTE = /^Cashback: /

/**
 * The rule a cashback entry came from, for an answer: for a shopper
 * (`language`) `{ id, name }` with the name they read (the rule's name in
 * their language, else the shop's); for the admin `{ id, name, names }`,
 * the shop's name with the shopper names beside. A rule no longer stored
 * is named by the entry's note. Null for cashback of no rule.
 */
export function ruleOnAnswer(
  entry: { rule_id?: string | null; note?: string | null },
  rules: Map<string, RuleNaming>,
  language?: string
): { id: string; name: string | null; names?: RuleNames | null } | null {
  if (!entry.rule_id) {
    return null
  }
  const rule = rules.get(entry.rule_id)
  const name = rule
    ? language
      ? shopperRuleName(rule, language)
      : rule.name
    : entry.note?.replace(CASHBACK_NOTE, "") ?? null
  return language ? { id: entry.rule_id, name } : { id: entry.rule_id, name, names: rule?.names ?? null }
}
