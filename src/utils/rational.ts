import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

/**
 * Exact fractions on BigInt, for hot paths where bignumber.js is too slow
 * (the cashback engine evaluates hundreds of rule-item pairs per order).
 * Nothing here is a float: amounts are integers over integers, and the one
 * rounding happens in `toDecimal` with an explicit mode.
 */
export type Rational = { n: bigint; d: bigint }

export const R0: Rational = { n: 0n, d: 1n }
export const R1: Rational = { n: 1n, d: 1n }

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/
const POW10: bigint[] = []
export const pow10 = (k: number) => (POW10[k] ??= 10n ** BigInt(k))

/** Parses a decimal amount exactly ("12.50", 300, a BigNumber, {value}). */
export function rational(x: BigNumberInput | null | undefined): Rational {
  if (x == null) {
    return R0
  }
  let text = typeof x === "string" ? x.trim() : typeof x === "number" ? String(x) : ""
  let m = PLAIN.exec(text)
  if (!m) {
    // Exponent forms and BigNumber objects go through bignumber.js once.
    text = MathBN.convert(x).toFixed()
    m = PLAIN.exec(text)
    if (!m) {
      throw new Error(`Not a finite decimal: ${JSON.stringify(x)}`)
    }
  }
  const [, sign, whole, frac = ""] = m
  const n = BigInt(whole + frac) * (sign ? -1n : 1n)
  return { n, d: pow10(frac.length) }
}

export const add = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d }
export const sub = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d }
export const mul = (a: Rational, b: Rational): Rational => ({ n: a.n * b.n, d: a.d * b.d })
export const div = (a: Rational, b: Rational): Rational => {
  if (b.n === 0n) {
    throw new Error("Division by zero")
  }
  return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n }
}
export const cmp = (a: Rational, b: Rational) => {
  // Same denominator (positive, as always): the numerators decide.
  const x = a.d === b.d ? a.n : a.n * b.d
  const y = a.d === b.d ? b.n : b.n * a.d
  return x < y ? -1 : x > y ? 1 : 0
}
export const max = (a: Rational, b: Rational) => (cmp(a, b) >= 0 ? a : b)
export const isPositive = (a: Rational) => a.n > 0n
export const sum = (list: Rational[]) => list.reduce(add, R0)

/** A float view, for ordering only. */
export const approx = (a: Rational) => Number(a.n) / Number(a.d)

/**
 * The decimal string of `a` to at most `places` decimals, rounded "down"
 * (toward zero) or "half_up", without trailing zeros ("3.4", "150000").
 */
export function toDecimal(a: Rational, places: number, mode: "down" | "half_up"): string {
  const scale = pow10(places)
  const negative = a.n < 0n
  const n = negative ? -a.n : a.n
  // The magnitude scaled to `places` decimals and rounded once: truncated,
  // or half away from zero as floor((2 n scale + d) / 2d): one division.
  const q =
    a.d === scale
      ? n
      : mode === "half_up"
        ? (2n * n * scale + a.d) / (2n * a.d)
        : (n * scale) / a.d
  if (q === 0n) {
    return "0"
  }
  let digits = q.toString()
  if (places > 0) {
    if (digits.length <= places) {
      digits = "0".repeat(places + 1 - digits.length) + digits
    }
    // Trailing zeros of the decimals go, and the point with them.
    let end = digits.length
    const point = digits.length - places
    while (end > point && digits.charCodeAt(end - 1) === 48 /* "0" */) {
      end--
    }
    digits =
      end > point ? `${digits.slice(0, point)}.${digits.slice(point, end)}` : digits.slice(0, point)
  }
  return negative ? `-${digits}` : digits
}

const gcd = (a: bigint, b: bigint) => {
  a = a < 0n ? -a : a
  while (b) {
    const r = a % b
    a = b
    b = r
  }
  return a
}

/** The same fraction in lowest terms (keeps later products small). */
export const reduce = (a: Rational): Rational => {
  const g = gcd(a.n, a.d)
  return g > 1n ? { n: a.n / g, d: a.d / g } : a
}

/** `a` truncated toward zero to `places` decimals, as n / 10^places. */
export const truncate = (a: Rational, places: number): Rational => ({
  n: (a.n * pow10(places)) / a.d,
  d: pow10(places),
})
