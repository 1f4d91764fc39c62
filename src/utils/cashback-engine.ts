import { BigNumberInput } from "@medusajs/framework/types"
import { currencyPrecision } from "./money"
import {
  approx,
  cmp,
  div,
  isPositive,
  max,
  mul,
  R0,
  R1,
  Rational,
  rational,
  reduce,
  sub,
  sum,
  toDecimal,
  truncate,
} from "./rational"

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
 * - Arithmetic is exact (BigInt fractions, see ./rational); floats only
 *   order rules by rate, and near-ties are settled on the exact fractions.
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

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
// Exact decimals for display (what bignumber.js's toFixed() would print).
const show = (r: Rational) => toDecimal(r, 20, "half_up")
const R100: Rational = { n: 100n, d: 1n }

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

const time = (d?: Date | string | null) => (d ? new Date(d).getTime() : undefined)

// What a rule needs at evaluation time, parsed once per rule object: dates
// as epoch ms, amounts as exact fractions, plus float copies to order by.
type CompiledRule = {
  rule: CashbackRule
  combination: "best" | "stack"
  priority: number
  currency?: string
  startsAt?: number
  endsAt?: number
  value: Rational
  min?: Rational
  max?: Rational
  multiplier?: { value: Rational; from?: number; to?: number }
  include: string[][]
  exclude: string[][]
  approxValue: number
  approxMultiplier: number
  approxMax?: number
}

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))

const compiled = new WeakMap<CashbackRule, CompiledRule>()

function compile(rule: CashbackRule): CompiledRule {
  let c = compiled.get(rule)
  if (c) {
    return c
  }
  const scope = rule.scope ?? {}
  const lists = (keys: (keyof CashbackScope)[]) =>
    keys.map((k) => (scope[k] ?? []) as string[]).filter((l) => l.length > 0)
  const value = rational(rule.value)
  const maxAmount = rule.max_amount != null ? rational(rule.max_amount) : undefined
  const multiplier = rule.multiplier
    ? {
        value: rational(rule.multiplier.value),
        from: time(rule.multiplier.starts_at),
        to: time(rule.multiplier.ends_at),
      }
    : undefined
  c = {
    rule,
    combination: rule.combination ?? "best",
    priority: rule.priority ?? 0,
    currency: rule.currency_code?.toLowerCase() || undefined,
    startsAt: time(rule.starts_at),
    endsAt: time(rule.ends_at),
    value,
    min: rule.min_subtotal != null ? rational(rule.min_subtotal) : undefined,
    max: maxAmount,
    multiplier,
    include: lists(["product_ids", "category_ids", "collection_ids", "type_ids", "tag_ids"]),
    exclude: lists([
      "exclude_product_ids",
      "exclude_category_ids",
      "exclude_collection_ids",
      "exclude_type_ids",
      "exclude_tag_ids",
    ]),
    approxValue: approx(value),
    approxMultiplier: multiplier ? approx(multiplier.value) : 1,
    approxMax: maxAmount ? approx(maxAmount) : undefined,
  }
  compiled.set(rule, c)
  return c
}

function skipReason(
  c: CompiledRule,
  order: CashbackOrder,
  currency: string,
  customer: CashbackCustomer,
  orderBase: Rational,
  now: number
): [CashbackSkipReason, string] | undefined {
  const rule = c.rule
  if (!rule.is_active) {
    return ["inactive", "The rule is disabled"]
  }
  if (c.currency && c.currency !== currency) {
    return [
      "currency",
      `The rule is for ${c.currency.toUpperCase()}, the order is in ${currency.toUpperCase()}`,
    ]
  }
  if (c.startsAt !== undefined && now < c.startsAt) {
    return ["not_started", `The rule starts at ${new Date(c.startsAt).toISOString()}`]
  }
  if (c.endsAt !== undefined && now >= c.endsAt) {
    return ["ended", `The rule ended at ${new Date(c.endsAt).toISOString()}`]
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
  if (c.min && cmp(orderBase, c.min) < 0) {
    return [
      "min_subtotal",
      `The order subtotal ${show(orderBase)} is below the rule's minimum ${show(c.min)}`,
    ]
  }
  return undefined
}

/**
 * A rule's cashback on an item is the item's discounted base times a rate
 * that is the same for every item of the rule. Percent: value x multiplier x
 * credit share / 100; fixed: value x multiplier / the discounted base of the
 * items in scope; capped: max / that base. So the best rule for an item is
 * simply the covering rule with the highest rate.
 */
type Candidate = {
  c: CompiledRule
  rank: number
  mask: number
  /** For ordering only; near-ties are settled on the exact rate. */
  approx: number
  multiplier: Rational
  /** value x multiplier, exact, computed on first use. */
  scaled?: Rational
  exact: () => { rate: Rational; capped: boolean }
}

const scaledValue = (k: Candidate) => (k.scaled ??= mul(k.c.value, k.multiplier))

function compareRates(a: Candidate, b: Candidate) {
  if (!close(a.approx, b.approx)) {
    return a.approx > b.approx ? -1 : 1
  }
  // Two uncapped percent rules share the credit share and the /100: their
  // rates compare as value x multiplier.
  const exact =
    a.c.rule.type === "percent" && b.c.rule.type === "percent" && !a.c.max && !b.c.max
      ? cmp(scaledValue(a), scaledValue(b))
      : cmp(a.exact().rate, b.exact().rate)
  if (exact !== 0) {
    return -exact
  }
  return b.c.priority - a.c.priority || byId(a.c.rule.id, b.c.rule.id)
}

export function computeCashback(
  order: CashbackOrder,
  customer: CashbackCustomer,
  rules: CashbackRule[],
  options: CashbackOptions = {}
): CashbackResult {
  const now = (options.now ?? new Date()).getTime()
  const currency = order.currency_code.toLowerCase()
  const precision = currencyPrecision(currency)
  const items = order.items
  if (items.length > 30) {
    // Item sets are bit masks; a longer order is evaluated in parts.
    throw new Error("computeCashback takes at most 30 items per call")
  }
  const all = (1 << items.length) - 1

  // Bases after discounts; never below zero.
  const disc = items.map((i) => max(R0, sub(rational(i.subtotal), rational(i.discount_total))))
  const orderBase = sum(disc)

  // Credit paid earns nothing unless the shop says so: every base is scaled
  // by (base - credit) / base.
  const credit = rational(order.credit_paid)
  const scaled = !options.include_credit_paid && isPositive(credit) && isPositive(orderBase)
  const creditShare = scaled ? reduce(div(max(R0, sub(orderBase, credit)), orderBase)) : R1
  const approxCredit = approx(creditShare)
  const approxDisc = disc.map(approx)

  // Which items each scope key touches, as bit masks.
  const keyMask = new Map<string, number>()
  items.forEach((item, i) => {
    const keys = [
      item.product_id,
      ...(item.category_ids ?? []),
      item.collection_id,
      item.type_id,
      ...(item.tag_ids ?? []),
    ]
    for (const k of keys) {
      if (k) keyMask.set(k, (keyMask.get(k) ?? 0) | (1 << i))
    }
  })
  const maskOf = (lists: string[][]) => {
    let m = 0
    for (const list of lists) for (const k of list) m |= keyMask.get(k) ?? 0
    return m
  }
  const discOfMask = new Map<number, Rational>()
  const discOf = (mask: number) => {
    let d = discOfMask.get(mask)
    if (!d) {
      d = sum(disc.filter((_, i) => mask & (1 << i)))
      discOfMask.set(mask, d)
    }
    return d
  }
  const approxDiscOf = (mask: number) => {
    let d = 0
    for (let i = 0; i < items.length; i++) if (mask & (1 << i)) d += approxDisc[i]
    return d
  }

  const ordered = rules
    .map(compile)
    .sort((a, b) => b.priority - a.priority || byId(a.rule.id, b.rule.id))
  // Results and skips are reported in the rules' priority order: each goes
  // into its rule's slot.
  const skipped: (CashbackResult["skipped"][number] | undefined)[] = []
  const results: (CashbackRuleResult | undefined)[] = []
  const skip = (
    c: CompiledRule,
    rank: number,
    reason: CashbackSkipReason,
    message: string
  ) => {
    skipped[rank] = { rule_id: c.rule.id, name: c.rule.name, reason, message }
  }
  const candidates: Candidate[] = []

  for (let rank = 0; rank < ordered.length; rank++) {
    const c = ordered[rank]
    const reason = skipReason(c, order, currency, customer, orderBase, now)
    if (reason) {
      skip(c, rank, reason[0], reason[1])
      continue
    }
    const mask = (c.include.length ? maskOf(c.include) : all) & ~maskOf(c.exclude)
    if (!mask) {
      skip(c, rank, "no_items_in_scope", "No item of the order is in the rule's product scope")
      continue
    }
    const m = c.multiplier
    const inWindow =
      !!m && (m.from === undefined || m.from <= now) && (m.to === undefined || now < m.to)
    const multiplier = inWindow ? m!.value : R1
    const scopeApprox = approxDiscOf(mask)
    const factor = inWindow ? c.approxMultiplier : 1
    let rateApprox =
      c.rule.type === "percent"
        ? (c.approxValue * factor * approxCredit) / 100
        : scopeApprox > 0
          ? (c.approxValue * factor) / scopeApprox
          : 0

    let exactRate: ReturnType<Candidate["exact"]> | undefined
    const exact = () => {
      if (exactRate) return exactRate
      const scopeDisc = discOf(mask)
      let rate =
        c.rule.type === "percent"
          ? div(mul(mul(c.value, multiplier), creditShare), R100)
          : isPositive(scopeDisc)
            ? div(mul(c.value, multiplier), scopeDisc)
            : R0
      let capped = false
      if (c.max && cmp(mul(scopeDisc, rate), c.max) > 0) {
        capped = true
        rate = div(c.max, scopeDisc)
      }
      exactRate = { rate: reduce(rate), capped }
      return exactRate
    }
    if (c.approxMax !== undefined && scopeApprox > 0) {
      const total = scopeApprox * rateApprox
      if (close(total, c.approxMax)) {
        rateApprox = approx(exact().rate)
      } else if (total > c.approxMax) {
        rateApprox = c.approxMax / scopeApprox
      }
    }
    candidates.push({ c, rank, mask, approx: rateApprox, multiplier, exact })
  }

  // Best-policy rules compete item by item: each item goes to the covering
  // rule with the highest rate.
  const best = candidates.filter((k) => k.c.combination === "best").sort(compareRates)
  const won = new Map<Candidate, number>()
  for (let i = 0; i < items.length; i++) {
    const winner = best.find((k) => k.mask & (1 << i) && k.approx > 0)
    if (winner) won.set(winner, (won.get(winner) ?? 0) | (1 << i))
  }

  const amounts: Rational[] = []
  const bases: (string | undefined)[] = []
  const baseOf = (i: number) => (bases[i] ??= show(mul(disc[i], creditShare)))
  for (const k of candidates) {
    const earnedMask = k.c.combination === "stack" ? k.mask : won.get(k) ?? 0
    if (!earnedMask) {
      skip(k.c, k.rank, "outbid", "Another rule gives more on every item this rule covers")
      continue
    }
    const { rate, capped } = k.exact()
    // The one rounding: the rule's earned base times its rate, down to the
    // currency's precision.
    const amount = truncate(mul(discOf(earnedMask), rate), precision)
    if (!isPositive(amount)) {
      skip(k.c, k.rank, "zero_amount", "The rule's cashback rounds to zero in this currency")
      continue
    }
    amounts.push(amount)
    const earned: CashbackRuleResult["items"] = []
    for (let i = 0; i < items.length; i++) {
      if (earnedMask & (1 << i)) {
        earned.push({
          item_id: items[i].id,
          base: baseOf(i),
          amount: show(mul(disc[i], rate)),
        })
      }
    }
    results[k.rank] = {
      rule_id: k.c.rule.id,
      name: k.c.rule.name,
      combination: k.c.combination,
      amount: toDecimal(amount, precision, "down"),
      multiplier: show(k.multiplier),
      capped,
      items: earned,
    }
  }

  return {
    currency_code: currency,
    base: show(mul(orderBase, creditShare)),
    total: toDecimal(sum(amounts), precision, "down"),
    rules: results.filter((r): r is CashbackRuleResult => !!r),
    skipped: skipped.filter((r): r is CashbackResult["skipped"][number] => !!r),
  }
}
