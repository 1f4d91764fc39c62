import { BigNumberInput } from "@medusajs/framework/types"
import { currencyPrecision } from "./money"
import {
  add,
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
  /** The customer's tier and its benefits, for rules that use them. */
  tier?: {
    id: string
    cashback_rate?: BigNumberInput | null
    cashback_multiplier?: BigNumberInput | null
  } | null
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
  /** Percent rules: the customer's tier's cashback rate replaces `value`. */
  use_tier_rate?: boolean | null
  /** The customer's tier's cashback multiplier applies on top of the window's. */
  use_tier_multiplier?: boolean | null
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
  multiplier?: { value: Rational; text: string; from?: number; to?: number }
  include: string[][]
  exclude: string[][]
  /** Equal for rules with the same scope lists (see `Plan`). */
  scopeKey: string
  approxValue: number
  approxMultiplier: number
  approxMax?: number
}

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))

const compiled = new WeakMap<CashbackRule, CompiledRule>()

function compileMultiplier(m: NonNullable<CashbackRule["multiplier"]>) {
  const value = rational(m.value)
  return { value, text: show(value), from: time(m.starts_at), to: time(m.ends_at) }
}

function compile(rule: CashbackRule): CompiledRule {
  let c = compiled.get(rule)
  if (c) {
    return c
  }
  const scope = rule.scope ?? {}
  const lists = (keys: (keyof CashbackScope)[]) =>
    keys.map((k) => (scope[k] ?? []) as string[]).filter((l) => l.length > 0)
  const include = lists(["product_ids", "category_ids", "collection_ids", "type_ids", "tag_ids"])
  const exclude = lists([
    "exclude_product_ids",
    "exclude_category_ids",
    "exclude_collection_ids",
    "exclude_type_ids",
    "exclude_tag_ids",
  ])
  const value = rational(rule.value)
  const maxAmount = rule.max_amount != null ? rational(rule.max_amount) : undefined
  const multiplier = rule.multiplier ? compileMultiplier(rule.multiplier) : undefined
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
    include,
    exclude,
    scopeKey: JSON.stringify([include, exclude]),
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
  if (has(rule.tier_ids) && !rule.tier_ids!.includes(customer.tier_id ?? customer.tier?.id ?? "")) {
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

// Rules sorted by priority then id, kept per rules array: a shop's rules are
// loaded once and evaluated against many carts. Rules with the same scope
// lists share a scope slot, whose item mask is found once per evaluation,
// and every key the scopes name (a product, a category...) has a number, so
// an evaluation only looks up its items' keys once. The array is compared
// element by element on every call, so one changed in place is planned
// again.
type Plan = {
  rules: CashbackRule[]
  ordered: CompiledRule[]
  /** Per rank: the index of the rule's scope in `scopes`. */
  scopeOf: number[]
  /** The keys' numbers in `keys`; none included means every item. */
  scopes: { include: number[]; exclude: number[] }[]
  keys: Map<string, number>
}
const plans = new WeakMap<CashbackRule[], Plan>()

function planFor(rules: CashbackRule[]): Plan {
  const cached = plans.get(rules)
  if (
    cached &&
    cached.rules.length === rules.length &&
    cached.rules.every((r, i) => r === rules[i])
  ) {
    return cached
  }
  const ordered = rules
    .map(compile)
    .sort((a, b) => b.priority - a.priority || byId(a.rule.id, b.rule.id))
  const keys = new Map<string, number>()
  const numbered = (lists: string[][]) =>
    lists.flat().map((k) => {
      let n = keys.get(k)
      if (n === undefined) keys.set(k, (n = keys.size))
      return n
    })
  const slots = new Map<string, number>()
  const scopes: Plan["scopes"] = []
  const scopeOf = ordered.map((c) => {
    let slot = slots.get(c.scopeKey)
    if (slot === undefined) {
      slot = scopes.push({ include: numbered(c.include), exclude: numbered(c.exclude) }) - 1
      slots.set(c.scopeKey, slot)
    }
    return slot
  })
  const plan = { rules: rules.slice(), ordered, scopeOf, scopes, keys }
  plans.set(rules, plan)
  return plan
}

const NONE = -1

/**
 * Sets of an order's items as bit sets, `words` 32-bit words each, stored
 * side by side in one buffer: a set is its offset in the buffer. Any number
 * of items fits, and a set costs no allocation of its own, so a 10-item
 * order runs as fast as it did with one number per set.
 *
 * The buffer is shared by every evaluation (a typed array costs about a
 * microsecond to allocate, a twentieth of an evaluation): safe because an
 * evaluation runs start to end synchronously and only one `ItemSets` is in
 * use at a time.
 */
let scratch = new Int32Array(1024)

class ItemSets {
  readonly words: number
  private buf = scratch
  private top = 0

  constructor(readonly size: number) {
    this.words = Math.max(1, (size + 31) >>> 5)
  }

  /** A new empty set. */
  empty(): number {
    const at = this.top
    this.top += this.words
    if (this.top > this.buf.length) {
      const grown = new Int32Array(Math.max(this.top, this.buf.length * 2))
      grown.set(this.buf)
      this.buf = scratch = grown
    }
    for (let w = at; w < this.top; w++) this.buf[w] = 0
    return at
  }

  /** A new set of every item. */
  full(): number {
    const s = this.empty()
    for (let i = 0; i < this.size; i++) this.add(s, i)
    return s
  }

  copy(t: number): number {
    const s = this.empty()
    this.buf.copyWithin(s, t, t + this.words)
    return s
  }

  add(s: number, i: number) {
    this.buf[s + (i >>> 5)] |= 1 << (i & 31)
  }

  /** s = s | t */
  or(s: number, t: number) {
    for (let w = 0; w < this.words; w++) this.buf[s + w] |= this.buf[t + w]
  }

  /** s = s & ~t */
  remove(s: number, t: number) {
    for (let w = 0; w < this.words; w++) this.buf[s + w] &= ~this.buf[t + w]
  }

  isEmpty(s: number): boolean {
    for (let w = 0; w < this.words; w++) if (this.buf[s + w] !== 0) return false
    return true
  }

  /**
   * The first item of set `s` from item `from` on, or NONE: `for (let i =
   * sets.next(s, 0); i !== NONE; i = sets.next(s, i + 1))` visits a set in
   * order, skipping empty words.
   */
  next(s: number, from: number): number {
    let w = from >>> 5
    if (w >= this.words) return NONE
    let bits = this.buf[s + w] & (-1 << (from & 31))
    while (bits === 0) {
      if (++w >= this.words) return NONE
      bits = this.buf[s + w]
    }
    return (w << 5) + 31 - Math.clz32(bits & -bits)
  }
}

/**
 * Per key number of the plan: the set of the items with that key, or NONE
 * when no item has it.
 */
function keySets(items: CashbackItem[], keys: Map<string, number>, sets: ItemSets) {
  const of: number[] = new Array(keys.size).fill(NONE)
  const add = (k: string | null | undefined, i: number) => {
    const n = k ? keys.get(k) : undefined
    if (n !== undefined) {
      if (of[n] === NONE) of[n] = sets.empty()
      sets.add(of[n], i)
    }
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    add(item.product_id, i)
    for (const k of item.category_ids ?? []) add(k, i)
    add(item.collection_id, i)
    add(item.type_id, i)
    for (const k of item.tag_ids ?? []) add(k, i)
  }
  return of
}

/**
 * Puts decimal fractions (denominators powers of ten, as `rational` and
 * `sub` make them) over one common denominator, in place: sums then add
 * numerators, and the base of a long order does not grow a denominator per
 * line (1,000 lines with mixed decimals would otherwise multiply theirs).
 */
function toCommonScale(list: Rational[]) {
  let d = 1n
  for (let i = 0; i < list.length; i++) {
    const e = list[i].d
    if (e !== d && e > d) d = e
  }
  if (d === 1n) {
    return
  }
  for (let i = 0; i < list.length; i++) {
    const r = list[i]
    if (r.d !== d && d % r.d === 0n) list[i] = { n: r.n * (d / r.d), d }
  }
}

type OrderBases = { disc: Rational[]; orderBase: Rational; creditShare: Rational }

function orderBases(
  items: CashbackItem[],
  creditPaid: BigNumberInput | null | undefined,
  includeCredit: boolean
): OrderBases {
  // Bases after discounts; never below zero.
  const disc = items.map((i) => max(R0, sub(rational(i.subtotal), rational(i.discount_total))))
  toCommonScale(disc)
  const orderBase = sum(disc)
  // Credit paid earns nothing unless the shop says so: every base is scaled
  // by (base - credit) / base.
  const credit = rational(creditPaid)
  const scaled = !includeCredit && isPositive(credit) && isPositive(orderBase)
  const creditShare = scaled ? reduce(div(max(R0, sub(orderBase, credit)), orderBase)) : R1
  return { disc, orderBase, creditShare }
}

/**
 * One evaluation of an order against a plan: the item bases, the credit
 * share, and what is found on first use (a scope's items, the base of an
 * item set, an item's printed base), kept for the other rules.
 */
class Evaluation {
  readonly disc: Rational[]
  readonly orderBase: Rational
  readonly creditShare: Rational
  readonly approxCredit: number
  readonly sets: ItemSets
  private readonly approxDisc: number[]
  private readonly keySet: number[]
  private all = NONE
  private readonly discOfSet = new Map<number, Rational>()
  private readonly scopeSets: (number | undefined)[]
  private readonly scopeApprox: number[]
  private readonly bases: string[] = []

  constructor(
    readonly items: CashbackItem[],
    { disc, orderBase, creditShare }: OrderBases,
    readonly plan: Plan
  ) {
    this.disc = disc
    this.orderBase = orderBase
    this.creditShare = creditShare
    this.approxCredit = approx(this.creditShare)
    this.approxDisc = this.disc.map(approx)
    this.sets = new ItemSets(items.length)
    this.keySet = keySets(items, plan.keys, this.sets)
    this.scopeSets = new Array(plan.scopes.length)
    this.scopeApprox = new Array(plan.scopes.length)
  }

  /** The exact base of an item set (found once per set). */
  discOf(set: number): Rational {
    let d = this.discOfSet.get(set)
    if (!d) {
      d = R0
      const sets = this.sets
      for (let i = sets.next(set, 0); i !== NONE; i = sets.next(set, i + 1)) {
        d = add(d, this.disc[i])
      }
      this.discOfSet.set(set, d)
    }
    return d
  }

  /** The items in a scope slot of the plan, or NONE when it has none. */
  scopeSet(slot: number): number {
    let set = this.scopeSets[slot]
    if (set === undefined) {
      const { include, exclude } = this.plan.scopes[slot]
      set = include.length ? this.union(include) : this.allItems()
      for (const k of exclude) {
        if (this.keySet[k] !== NONE) this.sets.remove(set, this.keySet[k])
      }
      if (this.sets.isEmpty(set)) {
        set = NONE
        this.scopeApprox[slot] = 0
      } else {
        this.scopeApprox[slot] = this.approxDiscOf(set)
      }
      this.scopeSets[slot] = set
    }
    return set
  }

  /** The float base of a scope slot, once `scopeSet` has found it. */
  scopeBase(slot: number): number {
    return this.scopeApprox[slot]
  }

  /** Item `i`'s credit-scaled base, printed. */
  baseOf(i: number): string {
    return (this.bases[i] ??= this.share(i, this.creditShare))
  }

  /** Item `i`'s base times `rate`, printed. */
  share(i: number, rate: Rational): string {
    return show(mul(this.disc[i], rate))
  }

  /** A new set of the items with any of the keys. */
  private union(keys: number[]) {
    const set = this.sets.empty()
    for (const k of keys) {
      if (this.keySet[k] !== NONE) this.sets.or(set, this.keySet[k])
    }
    return set
  }

  /** A new set of every item (copied from one made once). */
  private allItems() {
    if (this.all === NONE) this.all = this.sets.full()
    return this.sets.copy(this.all)
  }

  private approxDiscOf(set: number) {
    let d = 0
    const sets = this.sets
    for (let i = sets.next(set, 0); i !== NONE; i = sets.next(set, i + 1)) {
      d += this.approxDisc[i]
    }
    return d
  }
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
