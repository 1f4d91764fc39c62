import { approx, Rational, rational, toDecimal } from "../rational"
import { CashbackItem, CashbackRule, CashbackScope } from "./types"

// Compile: rules into a plan (see `Plan`), parsed once per rule object and
// once per rules array. ./evaluate runs a plan over an order.

export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
// Exact decimals for display (what bignumber.js's toFixed() would print).
export const show = (r: Rational) => toDecimal(r, 20, "half_up")

export const has = (list?: string[] | null) => !!list && list.length > 0
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
export type CompiledRule = {
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

// Rules sorted by priority then id, kept per rules array: a shop's rules are
// loaded once and evaluated against many carts. Rules with the same scope
// lists share a scope slot, whose item mask is found once per evaluation,
// and every key the scopes name (a product, a category...) has a number, so
// an evaluation only looks up its items' keys once. The array is compared
// element by element on every call, so one changed in place is planned
// again.
export type Plan = {
  rules: CashbackRule[]
  ordered: CompiledRule[]
  /** Per rank: the index of the rule's scope in `scopes`. */
  scopeOf: number[]
  /** The keys' numbers in `keys`; none included means every item. */
  scopes: { include: number[]; exclude: number[] }[]
  keys: Map<string, number>
}
const plans = new WeakMap<CashbackRule[], Plan>()

export function planFor(rules: CashbackRule[]): Plan {
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
