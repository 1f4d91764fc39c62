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
  const x = a.n * b.d
  const y = b.n * a.d
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
  const scaled = a.n * pow10(places)
  let q = a.d === pow10(places) ? a.n : scaled / a.d
  if (mode === "half_up" && a.d !== pow10(places)) {
    const rem = scaled % a.d
    const twice = (rem < 0n ? -rem : rem) * 2n
    if (twice >= a.d) {
      q += scaled < 0n ? -1n : 1n
    }
  }
  const negative = q < 0n
  let digits = (negative ? -q : q).toString()
  if (places > 0) {
    digits = digits.padStart(places + 1, "0")
    const int = digits.slice(0, -places)
    const frac = digits.slice(-places).replace(/0+$/, "")
    digits = frac ? `${int}.${frac}` : int
  }
  return negative && digits !== "0" ? `-${digits}` : digits
}

const gcd = (a: bigint, b: bigint) => {
  a = a < 0n ? -a : a
  while (b) {
    ;[a, b] = [b, a % b]
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
