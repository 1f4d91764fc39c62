import { BigNumberInput } from "@medusajs/framework/types"
import {
  add,
  approx,
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
} from "../rational"
import { Plan, show } from "./compile"
import { ItemSets, keySets, NONE } from "./item-sets"
import { CashbackItem } from "./types"

// The order side of an evaluation: item bases after discounts and credit
// paid, and what one evaluation finds once and keeps for every rule.

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

export type OrderBases = { disc: Rational[]; orderBase: Rational; creditShare: Rational }

export function orderBases(
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
export class Evaluation {
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
