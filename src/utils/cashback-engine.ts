import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import { roundToCurrency } from "./money"

/**
 * The cashback rules engine: a pure function from an order (or cart)
 * snapshot, the customer's context and the shop's rules to the cashback, with
 * a per-rule, per-item breakdown and the reason every other rule did not
 * apply. No database, no clock (the time is an input), no JS numbers for
 * money.
 *
 * How rules combine:
 * - The base of an item is its subtotal after discounts, without tax or
 *   shipping. Unless `include_credit_paid` is set, what the shopper paid with
 *   wallet credit is taken out of the bases in proportion.
 * - A percent rule gives `value`% of the base of each item in its scope; a
 *   fixed rule gives `value` once per order, shared over its items by base.
 *   A multiplier window multiplies it; `max_amount` caps the rule's total.
 * - Rules with combination "best" (the default) compete item by item: each
 *   item earns from the one best rule that covers it (ties go to the higher
 *   priority, then the older id). So "1% on vacuum cleaners" and "2% on
 *   washing machines" both pay on an order with both.
 * - Rules with combination "stack" add on top of whatever else applies.
 * - Each rule's amount is rounded down once to the currency's precision;
 *   the total is the sum of those amounts.
 */

export type CashbackItem = {
  id: string
  product_id?: string | null
  category_ids?: string[] | null
  collection_id?: string | null
  type_id?: string | null
  tag_ids?: string[] | null
  /** Line subtotal before discounts, without tax. */
  subtotal: BigNumberInput
  /** Discounts on the line, without tax. */
  discount_total?: BigNumberInput | null
}

export type CashbackOrder = {
  currency_code: string
  sales_channel_id?: string | null
  items: CashbackItem[]
  /** Paid with wallet credit on this order. */
  credit_paid?: BigNumberInput | null
}

export type CashbackCustomer = {
  customer_id?: string | null
  group_ids?: string[] | null
  /** Orders the customer placed before this one. */
  previous_orders?: number | null
  tier_id?: string | null
}

export type CashbackScope = {
  product_ids?: string[] | null
  category_ids?: string[] | null
  collection_ids?: string[] | null
  type_ids?: string[] | null
  tag_ids?: string[] | null
  exclude_product_ids?: string[] | null
  exclude_category_ids?: string[] | null
  exclude_collection_ids?: string[] | null
  exclude_type_ids?: string[] | null
  exclude_tag_ids?: string[] | null
}

export type CashbackRule = {
  id: string
  name: string
  is_active: boolean
  priority?: number | null
  /** null: any currency (percent rules). */
  currency_code?: string | null
  type: "percent" | "fixed"
  value: BigNumberInput
  min_subtotal?: BigNumberInput | null
  max_amount?: BigNumberInput | null
  scope?: CashbackScope | null
  customer_group_ids?: string[] | null
  min_previous_orders?: number | null
  tier_ids?: string[] | null
  sales_channel_ids?: string[] | null
  starts_at?: Date | string | null
  ends_at?: Date | string | null
  multiplier?: {
    value: BigNumberInput
    starts_at?: Date | string | null
    ends_at?: Date | string | null
  } | null
  combination?: "best" | "stack" | null
}

export type CashbackSkipReason =
  | "inactive"
  | "currency"
  | "not_started"
  | "ended"
  | "sales_channel"
  | "customer_group"
  | "previous_orders"
  | "tier"
  | "min_subtotal"
  | "no_items_in_scope"
  | "outbid"
  | "zero_amount"

export type CashbackRuleResult = {
  rule_id: string
  name: string
  combination: "best" | "stack"
  /** Rounded down to the currency's precision. */
  amount: string
  multiplier: string
  capped: boolean
  items: { item_id: string; base: string; amount: string }[]
}

export type CashbackResult = {
  currency_code: string
  /** The order's base after discounts and (unless included) credit paid. */
  base: string
  total: string
  rules: CashbackRuleResult[]
  skipped: { rule_id: string; name: string; reason: CashbackSkipReason; message: string }[]
}

export type CashbackOptions = {
  now?: Date
  include_credit_paid?: boolean
}

const ZERO = new BigNumberJS(0)

const has = (list?: string[] | null) => !!list && list.length > 0
const hits = (list: string[] | null | undefined, values: (string | null | undefined)[]) =>
  !!list && values.some((v) => !!v && list.includes(v))

function itemKeys(item: CashbackItem) {
  return {
    product: [item.product_id],
    category: item.category_ids ?? [],
    collection: [item.collection_id],
    type: [item.type_id],
    tag: item.tag_ids ?? [],
  }
}

/** Whether an item is in a rule's product scope (no scope: every item). */
export function itemInScope(item: CashbackItem, scope?: CashbackScope | null) {
  if (!scope) {
    return true
  }
  const keys = itemKeys(item)
  if (
    hits(scope.exclude_product_ids, keys.product) ||
    hits(scope.exclude_category_ids, keys.category) ||
    hits(scope.exclude_collection_ids, keys.collection) ||
    hits(scope.exclude_type_ids, keys.type) ||
    hits(scope.exclude_tag_ids, keys.tag)
  ) {
    return false
  }
  const restricted =
    has(scope.product_ids) ||
    has(scope.category_ids) ||
    has(scope.collection_ids) ||
    has(scope.type_ids) ||
    has(scope.tag_ids)
  if (!restricted) {
    return true
  }
  return (
    hits(scope.product_ids, keys.product) ||
    hits(scope.category_ids, keys.category) ||
    hits(scope.collection_ids, keys.collection) ||
    hits(scope.type_ids, keys.type) ||
    hits(scope.tag_ids, keys.tag)
  )
}

const within = (now: Date, from?: Date | string | null, to?: Date | string | null) =>
  (!from || new Date(from) <= now) && (!to || now < new Date(to))

function skipReason(
  rule: CashbackRule,
  order: CashbackOrder,
  customer: CashbackCustomer,
  orderBase: BigNumberJS,
  now: Date
): [CashbackSkipReason, string] | undefined {
  const currency = order.currency_code.toLowerCase()
  if (!rule.is_active) {
    return ["inactive", "The rule is disabled"]
  }
  if (rule.currency_code && rule.currency_code.toLowerCase() !== currency) {
    return [
      "currency",
      `The rule is for ${rule.currency_code.toUpperCase()}, the order is in ${currency.toUpperCase()}`,
    ]
  }
  if (rule.starts_at && now < new Date(rule.starts_at)) {
    return ["not_started", `The rule starts at ${new Date(rule.starts_at).toISOString()}`]
  }
  if (rule.ends_at && now >= new Date(rule.ends_at)) {
    return ["ended", `The rule ended at ${new Date(rule.ends_at).toISOString()}`]
  }
  if (
    has(rule.sales_channel_ids) &&
    !rule.sales_channel_ids!.includes(order.sales_channel_id ?? "")
  ) {
    return ["sales_channel", "The order's sales channel is not one of the rule's"]
  }
  if (
    has(rule.customer_group_ids) &&
    !(customer.group_ids ?? []).some((g) => rule.customer_group_ids!.includes(g))
  ) {
    return ["customer_group", "The customer is in none of the rule's groups"]
  }
  if (
    rule.min_previous_orders &&
    (customer.previous_orders ?? 0) < rule.min_previous_orders
  ) {
    return [
      "previous_orders",
      `The rule needs ${rule.min_previous_orders} earlier orders, the customer has ${customer.previous_orders ?? 0}`,
    ]
  }
  if (has(rule.tier_ids) && !rule.tier_ids!.includes(customer.tier_id ?? "")) {
    return ["tier", "The customer's tier is not one of the rule's"]
  }
  if (rule.min_subtotal != null && MathBN.lt(orderBase, rule.min_subtotal)) {
    return [
      "min_subtotal",
      `The order subtotal ${orderBase.toFixed()} is below the rule's minimum ${MathBN.convert(rule.min_subtotal).toFixed()}`,
    ]
  }
  return undefined
}

// Each item's cashback is kept as an exact numerator over one denominator per
// rule, so that a rule's amount is one division at the end: shares of a cap
// or of a fixed amount add up to exactly the cap or the amount.
type Contribution = {
  rule: CashbackRule
  numerators: Map<string, BigNumberJS>
  denominator: BigNumberJS
  /** max_amount when it caps the rule, else undefined. */
  cap?: BigNumberJS
  multiplier: BigNumberJS
}

const share = (c: Contribution, itemId: string) => {
  const n = c.numerators.get(itemId)
  if (!n) return undefined
  const exact = MathBN.div(n, c.denominator)
  if (!c.cap) return exact
  return MathBN.div(MathBN.mult(n, c.cap), MathBN.sum(0, ...c.numerators.values()))
}

export function computeCashback(
  order: CashbackOrder,
  customer: CashbackCustomer,
  rules: CashbackRule[],
  options: CashbackOptions = {}
): CashbackResult {
  const now = options.now ?? new Date()
  const currency = order.currency_code.toLowerCase()

  // Bases after discounts; never below zero.
  const discounted = new Map<string, BigNumberJS>()
  for (const item of order.items) {
    discounted.set(
      item.id,
      MathBN.max(0, MathBN.sub(item.subtotal, item.discount_total ?? 0))
    )
  }
  const orderBase = MathBN.sum(0, ...discounted.values())

  // Credit paid earns nothing unless the shop says so: every item's base is
  // scaled by (base - credit) / base, kept as a fraction.
  let creditNum = new BigNumberJS(1)
  let creditDen = new BigNumberJS(1)
  const credit = MathBN.convert(order.credit_paid ?? 0)
  if (!options.include_credit_paid && credit.isGreaterThan(0) && orderBase.isGreaterThan(0)) {
    creditNum = MathBN.max(0, MathBN.sub(orderBase, credit))
    creditDen = orderBase
  }
  const earningBase = MathBN.div(MathBN.mult(orderBase, creditNum), creditDen)
  const baseOf = (id: string) => MathBN.div(MathBN.mult(discounted.get(id)!, creditNum), creditDen)

  const ordered = [...rules].sort(
    (a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.id.localeCompare(b.id)
  )
  const skipped: CashbackResult["skipped"] = []
  const contributions: Contribution[] = []

  for (const rule of ordered) {
    const reason = skipReason(rule, order, customer, orderBase, now)
    if (reason) {
      skipped.push({ rule_id: rule.id, name: rule.name, reason: reason[0], message: reason[1] })
      continue
    }
    const items = order.items.filter((i) => itemInScope(i, rule.scope))
    const scopeBase = MathBN.sum(0, ...items.map((i) => discounted.get(i.id)!))
    if (!items.length) {
      skipped.push({
        rule_id: rule.id,
        name: rule.name,
        reason: "no_items_in_scope",
        message: "No item of the order is in the rule's product scope",
      })
      continue
    }

    const multiplier =
      rule.multiplier && within(now, rule.multiplier.starts_at, rule.multiplier.ends_at)
        ? MathBN.convert(rule.multiplier.value)
        : new BigNumberJS(1)

    // percent: base x (credit share) x value / 100; fixed: value shared by
    // discounted base (the credit share is the same for every item).
    const numerators = new Map<string, BigNumberJS>()
    let denominator: BigNumberJS
    if (rule.type === "percent") {
      denominator = MathBN.mult(creditDen, 100)
      for (const item of items) {
        numerators.set(
          item.id,
          MathBN.mult(MathBN.mult(discounted.get(item.id)!, creditNum), MathBN.mult(rule.value, multiplier))
        )
      }
    } else {
      denominator = scopeBase.isGreaterThan(0) ? scopeBase : new BigNumberJS(1)
      for (const item of items) {
        numerators.set(
          item.id,
          scopeBase.isGreaterThan(0)
            ? MathBN.mult(discounted.get(item.id)!, MathBN.mult(rule.value, multiplier))
            : ZERO
        )
      }
    }
    const contribution: Contribution = { rule, numerators, denominator, multiplier }
    const ruleTotal = MathBN.div(MathBN.sum(0, ...numerators.values()), denominator)
    if (rule.max_amount != null && MathBN.gt(ruleTotal, rule.max_amount)) {
      contribution.cap = MathBN.convert(rule.max_amount)
    }
    contributions.push(contribution)
  }

  // Best-policy rules compete item by item; the list is already in priority
  // order, so a strict "greater than" keeps the higher-priority rule on ties.
  const winners = new Map<string, Contribution>()
  for (const item of order.items) {
    for (const c of contributions) {
      if ((c.rule.combination ?? "best") !== "best") continue
      const amount = share(c, item.id)
      if (!amount || !amount.isGreaterThan(0)) continue
      const current = winners.get(item.id)
      if (!current || amount.isGreaterThan(share(current, item.id)!)) {
        winners.set(item.id, c)
      }
    }
  }

  const results: CashbackRuleResult[] = []
  for (const c of contributions) {
    const combination = c.rule.combination ?? "best"
    const earned = [...c.numerators.entries()].filter(
      ([itemId]) => combination === "stack" || winners.get(itemId) === c
    )
    if (!earned.length) {
      skipped.push({
        rule_id: c.rule.id,
        name: c.rule.name,
        reason: "outbid",
        message: "Another rule gives more on every item this rule covers",
      })
      continue
    }
    // One division for the rule: the earned numerators over the denominator,
    // or their share of the cap.
    const earnedSum = MathBN.sum(0, ...earned.map(([, n]) => n))
    const exact = c.cap
      ? MathBN.div(
          MathBN.mult(earnedSum, c.cap),
          MathBN.sum(0, ...c.numerators.values())
        )
      : MathBN.div(earnedSum, c.denominator)
    const amount = roundToCurrency(exact, currency, "down")
    if (!amount.isGreaterThan(0)) {
      skipped.push({
        rule_id: c.rule.id,
        name: c.rule.name,
        reason: "zero_amount",
        message: "The rule's cashback rounds to zero in this currency",
      })
      continue
    }
    results.push({
      rule_id: c.rule.id,
      name: c.rule.name,
      combination,
      amount: amount.toFixed(),
      multiplier: c.multiplier.toFixed(),
      capped: !!c.cap,
      items: earned.map(([itemId]) => ({
        item_id: itemId,
        base: baseOf(itemId).toFixed(),
        amount: share(c, itemId)!.toFixed(),
      })),
    })
  }

  return {
    currency_code: currency,
    base: earningBase.toFixed(),
    total: MathBN.sum(0, ...results.map((r) => r.amount)).toFixed(),
    rules: results,
    skipped,
  }
}
