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
 * - Arithmetic is exact (BigInt fractions, see ../rational); floats only
 *   order rules by rate, and near-ties are settled on the exact fractions.
 */

export type {
  CashbackCustomer,
  CashbackItem,
  CashbackOptions,
  CashbackOrder,
  CashbackResult,
  CashbackRule,
  CashbackRuleResult,
  CashbackScope,
  CashbackSkipReason,
} from "./types"
export { itemInScope } from "./compile"
export { computeCashback } from "./evaluate"
