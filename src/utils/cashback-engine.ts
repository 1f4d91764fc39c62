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
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const ONE = new BigNumberJS(1)

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
// as epoch ms, scope lists as sets, amounts as BigNumbers.
type CompiledRule = {
  rule: CashbackRule
  combination: "best" | "stack"
  priority: number
  currency?: string
  startsAt?: number
  endsAt?: number
  value: BigNumberJS
  min?: BigNumberJS
  max?: BigNumberJS
  multiplier?: { value: BigNumberJS; from?: number; to?: number }
  include: string[][]
  exclude: string[][]
  valueInWindow?: BigNumberJS
  /** Float copies, used only to order rules; never to compute an amount. */
  approxValue: number
  approxMultiplier: number
  approxMax?: number
}

// A float view of an exact value, for ordering rules by rate. Amounts are
// always computed on the exact values; near-ties are settled exactly.
const approx = (n: BigNumberJS) => Number(n.valueOf())
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
  c = {
    rule,
    combination: rule.combination ?? "best",
    priority: rule.priority ?? 0,
    currency: rule.currency_code?.toLowerCase() || undefined,
    startsAt: time(rule.starts_at),
    endsAt: time(rule.ends_at),
    value: MathBN.convert(rule.value),
    min: rule.min_subtotal != null ? MathBN.convert(rule.min_subtotal) : undefined,
    max: rule.max_amount != null ? MathBN.convert(rule.max_amount) : undefined,
    multiplier: rule.multiplier
      ? {
          value: MathBN.convert(rule.multiplier.value),
          from: time(rule.multiplier.starts_at),
          to: time(rule.multiplier.ends_at),
        }
      : undefined,
    approxValue: approx(MathBN.convert(rule.value)),
    approxMultiplier: rule.multiplier ? approx(MathBN.convert(rule.multiplier.value)) : 1,
    approxMax: rule.max_amount != null ? approx(MathBN.convert(rule.max_amount)) : undefined,
    include: lists(["product_ids", "category_ids", "collection_ids", "type_ids", "tag_ids"]),
    exclude: lists([
      "exclude_product_ids",
      "exclude_category_ids",
      "exclude_collection_ids",
      "exclude_type_ids",
      "exclude_tag_ids",
    ]),
  }
  compiled.set(rule, c)
  return c
}

function skipReason(
  c: CompiledRule,
  order: CashbackOrder,
  currency: string,
  customer: CashbackCustomer,
  orderBase: BigNumberJS,
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
  if (c.min && orderBase.isLessThan(c.min)) {
    return [
      "min_subtotal",
      `The order subtotal ${orderBase.toFixed()} is below the rule's minimum ${c.min.toFixed()}`,
    ]
  }
  return undefined
}

/**
 * A rule's cashback on an item is the item's discounted base times a rate
 * that is the same for every item of the rule: `num / den`. Percent:
 * value x multiplier x credit share / 100; fixed: value x multiplier / the
 * discounted base of the items in scope; capped: max / that base. So the best
 * rule for an item is simply the covering rule with the highest rate.
 */
type Candidate = {
  c: CompiledRule
  mask: number
  /** For ordering only; near-ties are settled on the exact fraction. */
  approx: number
  inWindow: boolean
  /** The exact rate, computed when it is needed. */
  exact: () => { num: BigNumberJS; den: BigNumberJS; capped: boolean }
}

// value x multiplier of a rule, exact, memoised per rule and window state.
const scaledValue = (k: Candidate) => {
  const c = k.c
  if (!k.inWindow) return c.value
  return (c.valueInWindow ??= MathBN.mult(c.value, c.multiplier!.value))
}

function compareRates(a: Candidate, b: Candidate) {
  if (!close(a.approx, b.approx)) {
    return a.approx > b.approx ? -1 : 1
  }
  let exact: number
  if (a.c.rule.type === "percent" && b.c.rule.type === "percent" && !a.c.max && !b.c.max) {
    // Same credit share and denominator: the rates compare as their values.
    exact = scaledValue(a).comparedTo(scaledValue(b)) ?? 0
  } else {
    const x = a.exact()
    const y = b.exact()
    exact = MathBN.mult(x.num, y.den).comparedTo(MathBN.mult(y.num, x.den)) ?? 0
  }
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
  const items = order.items
  if (items.length > 30) {
    // Item sets are bit masks; an order this long is split by the caller.
    throw new Error("computeCashback takes at most 30 items per call")
  }
  const all = (1 << items.length) - 1

  // Bases after discounts; never below zero.
  const disc = items.map((i) => MathBN.max(0, MathBN.sub(i.subtotal, i.discount_total ?? 0)))
  const orderBase = MathBN.sum(0, ...disc)

  // Credit paid earns nothing unless the shop says so: every base is scaled
  // by (base - credit) / base, kept as a fraction.
  const credit = MathBN.convert(order.credit_paid ?? 0)
  const scaled =
    !options.include_credit_paid && credit.isGreaterThan(0) && orderBase.isGreaterThan(0)
  const creditNum = scaled ? MathBN.max(0, MathBN.sub(orderBase, credit)) : ONE
  const creditDen = scaled ? orderBase : ONE
  const earningBase = scaled ? creditNum : orderBase
  const approxDisc = disc.map(approx)
  const approxCredit = scaled ? approx(creditNum) / approx(creditDen) : 1

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
  const bases: (BigNumberJS | undefined)[] = []
  const baseOf = (i: number) =>
    (bases[i] ??= scaled ? MathBN.div(MathBN.mult(disc[i], creditNum), creditDen) : disc[i])
  const maskOf = (lists: string[][]) => {
    let m = 0
    for (const list of lists) for (const k of list) m |= keyMask.get(k) ?? 0
    return m
  }
  const approxDiscOf = (mask: number) => {
    let d = 0
    for (let i = 0; i < items.length; i++) if (mask & (1 << i)) d += approxDisc[i]
    return d
  }
  const discOfMask = new Map<number, BigNumberJS>()
  const discOf = (mask: number) => {
    let d = discOfMask.get(mask)
    if (!d) {
      d = MathBN.sum(0, ...disc.filter((_, i) => mask & (1 << i)))
      discOfMask.set(mask, d)
    }
    return d
  }

  const ordered = rules
    .map(compile)
    .sort((a, b) => b.priority - a.priority || byId(a.rule.id, b.rule.id))
  const skipped: CashbackResult["skipped"] = []
  const skip = (c: CompiledRule, reason: CashbackSkipReason, message: string) =>
    skipped.push({ rule_id: c.rule.id, name: c.rule.name, reason, message })
  const candidates: Candidate[] = []

  for (const c of ordered) {
    const reason = skipReason(c, order, currency, customer, orderBase, now)
    if (reason) {
      skip(c, reason[0], reason[1])
      continue
    }
    const mask = (c.include.length ? maskOf(c.include) : all) & ~maskOf(c.exclude)
    if (!mask) {
      skip(c, "no_items_in_scope", "No item of the order is in the rule's product scope")
      continue
    }
    const m = c.multiplier
    const inWindow =
      !!m && (m.from === undefined || m.from <= now) && (m.to === undefined || now < m.to)
    const mult = inWindow ? c.approxMultiplier : 1
    const scopeDiscApprox = approxDiscOf(mask)
    let rate =
      c.rule.type === "percent"
        ? (c.approxValue * mult * approxCredit) / 100
        : scopeDiscApprox > 0
          ? (c.approxValue * mult) / scopeDiscApprox
          : 0
    let exactRate: ReturnType<Candidate["exact"]> | undefined
    const exact = () => {
      if (exactRate) return exactRate
      const multiplier = inWindow ? m!.value : ONE
      const scopeDisc = discOf(mask)
      let num: BigNumberJS
      let den: BigNumberJS
      if (c.rule.type === "percent") {
        num = MathBN.mult(MathBN.mult(c.value, multiplier), creditNum)
        den = MathBN.mult(creditDen, 100)
      } else if (scopeDisc.isGreaterThan(0)) {
        num = MathBN.mult(c.value, multiplier)
        den = scopeDisc
      } else {
        num = ZERO
        den = ONE
      }
      let capped = false
      if (c.max && MathBN.mult(scopeDisc, num).isGreaterThan(MathBN.mult(c.max, den))) {
        capped = true
        num = c.max
        den = scopeDisc
      }
      exactRate = { num, den, capped }
      return exactRate
    }
    if (c.approxMax !== undefined && scopeDiscApprox > 0) {
      const total = scopeDiscApprox * rate
      if (close(total, c.approxMax)) {
        const e = exact()
        rate = approx(e.num) / approx(e.den)
      } else if (total > c.approxMax) {
        rate = c.approxMax / scopeDiscApprox
      }
    }
    candidates.push({ c, mask, approx: rate, inWindow, exact })
  }

  // Best-policy rules compete item by item: each item goes to the covering
  // rule with the highest rate.
  const best = candidates.filter((k) => k.c.combination === "best").sort(compareRates)
  const won = new Map<Candidate, number>()
  for (let i = 0; i < items.length; i++) {
    const winner = best.find((k) => k.mask & (1 << i) && k.approx > 0)
    if (winner) won.set(winner, (won.get(winner) ?? 0) | (1 << i))
  }

  const results: CashbackRuleResult[] = []
  for (const k of candidates) {
    const earnedMask = k.c.combination === "stack" ? k.mask : won.get(k) ?? 0
    if (!earnedMask) {
      skip(k.c, "outbid", "Another rule gives more on every item this rule covers")
      continue
    }
    // One division per rule: the earned base times the exact rate.
    const { num, den, capped } = k.exact()
    const amount = roundToCurrency(
      MathBN.div(MathBN.mult(discOf(earnedMask), num), den),
      currency,
      "down"
    )
    if (!amount.isGreaterThan(0)) {
      skip(k.c, "zero_amount", "The rule's cashback rounds to zero in this currency")
      continue
    }
    // The per-item split: each item's share at the rule's rate, to 20
    // decimals (the rule's amount above is what is paid).
    const earned: CashbackRuleResult["items"] = []
    for (let i = 0; i < items.length; i++) {
      if (earnedMask & (1 << i)) {
        earned.push({
          item_id: items[i].id,
          base: baseOf(i).toFixed(),
          amount: MathBN.div(MathBN.mult(disc[i], num), den).toFixed(),
        })
      }
    }
    results.push({
      rule_id: k.c.rule.id,
      name: k.c.rule.name,
      combination: k.c.combination,
      amount: amount.toFixed(),
      multiplier: (k.inWindow ? k.c.multiplier!.value : ONE).toFixed(),
      capped,
      items: earned,
    })
  }

  // Reported in the rules' priority order, as evaluated.
  const rank = new Map(ordered.map((c, i) => [c.rule.id, i]))
  const byRank = (a: { rule_id: string }, b: { rule_id: string }) =>
    rank.get(a.rule_id)! - rank.get(b.rule_id)!
  return {
    currency_code: currency,
    base: earningBase.toFixed(),
    total: MathBN.sum(0, ...results.map((r) => r.amount)).toFixed(),
    rules: results.sort(byRank),
    skipped: skipped.sort(byRank),
  }
}
