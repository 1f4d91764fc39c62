import { currencyPrecision } from "../money"
import {
  add,
  approx,
  cmp,
  div,
  isPositive,
  mul,
  R0,
  R1,
  Rational,
  rational,
  reduce,
  toDecimal,
  truncate,
} from "../rational"
import { byId, CompiledRule, has, planFor, show } from "./compile"
import { Evaluation, orderBases } from "./evaluation"
import { NONE } from "./item-sets"
import {
  CashbackCustomer,
  CashbackOrder,
  CashbackOptions,
  CashbackResult,
  CashbackRule,
  CashbackRuleResult,
  CashbackSkipReason,
} from "./types"

// Evaluate: a plan (./compile) run over one order: which rules apply, their
// rates, which rule wins each item, and the rounded amounts.

const R100: Rational = { n: 100n, d: 1n }

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))

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
  if (has(rule.tier_ids) && !rule.tier_ids!.includes(customer.tier_id ?? customer.tier?.id ?? "")) {
    return ["tier", "The customer's tier is not one of the rule's"]
  }
  if (has(rule.segment_ids) && !(customer.segment_ids ?? []).some((id) => rule.segment_ids!.includes(id))) {
    return ["segment", "The customer is in none of the rule's segments"]
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
  /** The rule's scope slot in its `Plan`, and the items in that scope (a set of `ev.sets`). */
  slot: number
  mask: number
  /** For ordering only; near-ties are settled on the exact rate. */
  approx: number
  /** The rule's value, or the customer's tier's rate for a rule that uses it. */
  value: Rational
  multiplier: Rational
  multiplierText: string
  /** value x multiplier, exact, computed on first use. */
  scaled?: Rational
  /** The exact rate, computed on first use (see `exactRate`). */
  rate?: Rational
  capped: boolean
  /**
   * The items it earns on (a set of `ev.sets`): its scope for "stack", what
   * it won for "best"; NONE while it has won nothing.
   */
  earned: number
}

const scaledValue = (k: Candidate) => (k.scaled ??= mul(k.value, k.multiplier))

function exactRate(k: Candidate, ev: Evaluation): Rational {
  if (k.rate) {
    return k.rate
  }
  const c = k.c
  const scopeDisc = ev.discOf(k.mask)
  let rate =
    c.rule.type === "percent"
      ? div(mul(scaledValue(k), ev.creditShare), R100)
      : isPositive(scopeDisc)
        ? div(scaledValue(k), scopeDisc)
        : R0
  if (c.max && cmp(mul(scopeDisc, rate), c.max) > 0) {
    k.capped = true
    rate = div(c.max, scopeDisc)
  }
  return (k.rate = reduce(rate))
}

function compareRates(a: Candidate, b: Candidate, ev: Evaluation) {
  if (!close(a.approx, b.approx)) {
    return a.approx > b.approx ? -1 : 1
  }
  // Two uncapped percent rules share the credit share and the /100: their
  // rates compare as value x multiplier.
  const exact =
    a.c.rule.type === "percent" && b.c.rule.type === "percent" && !a.c.max && !b.c.max
      ? cmp(scaledValue(a), scaledValue(b))
      : cmp(exactRate(a, ev), exactRate(b, ev))
  if (exact !== 0) {
    return -exact
  }
  return b.c.priority - a.c.priority || byId(a.c.rule.id, b.c.rule.id)
}

/**
 * Whether `a` goes before `b` in a stable sort by `compareRates`: that order
 * is total (rate, then priority, then id; the floats only short-cut pairs
 * far apart), and the earlier rank settles the rest.
 */
const beats = (a: Candidate, b: Candidate, ev: Evaluation) => {
  const order = compareRates(a, b, ev)
  return order < 0 || (order === 0 && a.rank < b.rank)
}

/** A rule that passed `skipReason` and has items in scope, rated. */
/** The customer's tier benefits, parsed once per evaluation. */
type TierBenefits = {
  rate?: Rational
  approxRate: number
  multiplier?: Rational
  approxMultiplier: number
}

function tierBenefits(customer: CashbackCustomer): TierBenefits {
  const t = customer.tier
  const rate = t?.cashback_rate != null ? rational(t.cashback_rate) : undefined
  const multiplier = t?.cashback_multiplier != null ? rational(t.cashback_multiplier) : undefined
  return {
    rate,
    approxRate: rate ? approx(rate) : 0,
    multiplier,
    approxMultiplier: multiplier ? approx(multiplier) : 1,
  }
}

function candidate(
  c: CompiledRule,
  rank: number,
  slot: number,
  mask: number,
  ev: Evaluation,
  now: number,
  tier: TierBenefits
): Candidate {
  const m = c.multiplier
  const inWindow =
    !!m && (m.from === undefined || m.from <= now) && (m.to === undefined || now < m.to)
  const scopeApprox = ev.scopeBase(slot)
  const tierRate = c.rule.use_tier_rate && c.rule.type === "percent" ? tier.rate : undefined
  const tierMultiplier = c.rule.use_tier_multiplier ? tier.multiplier : undefined
  let multiplier = inWindow ? m!.value : R1
  let multiplierText = inWindow ? m!.text : "1"
  let factor = inWindow ? c.approxMultiplier : 1
  if (tierMultiplier) {
    multiplier = reduce(mul(multiplier, tierMultiplier))
    multiplierText = show(multiplier)
    factor *= tier.approxMultiplier
  }
  const approxValue = tierRate ? tier.approxRate : c.approxValue
  const k: Candidate = {
    c,
    rank,
    slot,
    mask,
    approx:
      c.rule.type === "percent"
        ? (approxValue * factor * ev.approxCredit) / 100
        : scopeApprox > 0
          ? (approxValue * factor) / scopeApprox
          : 0,
    value: tierRate ?? c.value,
    multiplier,
    multiplierText,
    scaled: undefined,
    rate: undefined,
    capped: false,
    earned: c.combination === "stack" ? mask : NONE,
  }
  if (c.approxMax !== undefined && scopeApprox > 0) {
    const total = scopeApprox * k.approx
    if (close(total, c.approxMax)) {
      k.approx = approx(exactRate(k, ev))
    } else if (total > c.approxMax) {
      k.approx = c.approxMax / scopeApprox
    }
  }
  return k
}

/**
 * Best-policy rules compete item by item: each item goes to the covering
 * rule with the highest rate. Rules with the same scope (so the same items)
 * meet first, so each item only weighs the winners of those groups, and
 * only rules that share an item are ever compared (an exact comparison is
 * not free). The work grows with the items in each scope.
 */
function awardItems(candidates: Candidate[], scopeCount: number, ev: Evaluation) {
  const bestOfScope: (Candidate | undefined)[] = new Array(scopeCount)
  for (const k of candidates) {
    if (k.c.combination === "best" && k.approx > 0) {
      const w = bestOfScope[k.slot]
      if (!w || beats(k, w, ev)) bestOfScope[k.slot] = k
    }
  }
  const sets = ev.sets
  const winners: (Candidate | undefined)[] = new Array(ev.items.length)
  for (const k of bestOfScope) {
    if (!k) continue
    for (let i = sets.next(k.mask, 0); i !== NONE; i = sets.next(k.mask, i + 1)) {
      const w = winners[i]
      if (!w || beats(k, w, ev)) winners[i] = k
    }
  }
  for (let i = 0; i < winners.length; i++) {
    const w = winners[i]
    if (w) {
      if (w.earned === NONE) w.earned = sets.empty()
      sets.add(w.earned, i)
    }
  }
}

/**
 * An earning rule's result, or undefined when it rounds to nothing. The one
 * rounding: the rule's earned base times its rate, down to the currency's
 * precision.
 */
function ruleResult(
  k: Candidate,
  ev: Evaluation,
  precision: number
): { result: CashbackRuleResult; amount: Rational } | undefined {
  const rate = exactRate(k, ev)
  const amount = truncate(mul(ev.discOf(k.earned), rate), precision)
  if (!isPositive(amount)) {
    return undefined
  }
  const items: CashbackRuleResult["items"] = []
  const sets = ev.sets
  for (let i = sets.next(k.earned, 0); i !== NONE; i = sets.next(k.earned, i + 1)) {
    items.push({ item_id: ev.items[i].id, base: ev.baseOf(i), amount: ev.share(i, rate) })
  }
  const result: CashbackRuleResult = {
    rule_id: k.c.rule.id,
    name: k.c.rule.name,
    combination: k.c.combination,
    amount: toDecimal(amount, precision, "down"),
    multiplier: k.multiplierText,
    capped: k.capped,
    items,
  }
  return { result, amount }
}

type Skip = CashbackResult["skipped"][number]
const skipOf = (c: CompiledRule, reason: CashbackSkipReason, message: string): Skip => ({
  rule_id: c.rule.id,
  name: c.rule.name,
  reason,
  message,
})

/** The filled slots, in order (a loop: `filter` is slow on holey arrays). */
function present<T>(slots: (T | undefined)[]): T[] {
  const out: T[] = []
  for (let i = 0; i < slots.length; i++) {
    const x = slots[i]
    if (x) out.push(x)
  }
  return out
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
  // The order is read before the rules, so a bad amount in both reports the
  // order's first, as before.
  const bases = orderBases(order.items, order.credit_paid, !!options.include_credit_paid)
  const plan = planFor(rules)
  const ev = new Evaluation(order.items, bases, plan)
  const ordered = plan.ordered
  const tier = tierBenefits(customer)

  // Results and skips are reported in the rules' priority order: each goes
  // into its rule's slot.
  const skipped: (Skip | undefined)[] = new Array(ordered.length)
  const results: (CashbackRuleResult | undefined)[] = new Array(ordered.length)
  const candidates: Candidate[] = []
  for (let rank = 0; rank < ordered.length; rank++) {
    const c = ordered[rank]
    const reason = skipReason(c, order, currency, customer, ev.orderBase, now)
    if (reason) {
      skipped[rank] = skipOf(c, reason[0], reason[1])
      continue
    }
    const slot = plan.scopeOf[rank]
    const mask = ev.scopeSet(slot)
    if (mask === NONE) {
      skipped[rank] = skipOf(
        c,
        "no_items_in_scope",
        "No item of the order is in the rule's product scope"
      )
      continue
    }
    candidates.push(candidate(c, rank, slot, mask, ev, now, tier))
  }

  awardItems(candidates, plan.scopes.length, ev)

  let total = R0
  for (const k of candidates) {
    const earned = k.earned !== NONE ? ruleResult(k, ev, precision) : undefined
    if (earned) {
      results[k.rank] = earned.result
      total = add(total, earned.amount)
    } else {
      skipped[k.rank] = k.earned !== NONE
        ? skipOf(k.c, "zero_amount", "The rule's cashback rounds to zero in this currency")
        : skipOf(k.c, "outbid", "Another rule gives more on every item this rule covers")
    }
  }

  return {
    currency_code: currency,
    base: show(mul(ev.orderBase, ev.creditShare)),
    total: toDecimal(total, precision, "down"),
    rules: present(results),
    skipped: present(skipped),
  }
}
