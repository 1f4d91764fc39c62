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
  const short = shortDecimal(text)
  if (short) {
    return short
  }
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

/**
 * `rational` for the common case, a plain decimal ("-12.50") of at most 15
 * digits, without the regex and the string concatenation: the digits are
 * read into a double, exact below 10^15. Anything else: undefined.
 */
function shortDecimal(text: string): Rational | undefined {
  const negative = text.charCodeAt(0) === 45 /* "-" */
  const start = negative ? 1 : 0
  if (text.length - start > 16) {
    return undefined
  }
  let digits = 0
  let value = 0
  let point = -1
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48)
      digits++
    } else if (code === 46 /* "." */ && point < 0 && i > start) {
      point = i
    } else {
      return undefined
    }
  }
  // As the regex: digits before the point, and after it if there is one.
  if (digits === 0 || digits > 15 || point === text.length - 1) {
    return undefined
  }
  const n = BigInt(value)
  return { n: negative ? -n : n, d: pow10(point < 0 ? 0 : text.length - 1 - point) }
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
  const magnitude = a.n < 0n ? -a.n : a.n
  return places <= 20 && magnitude <= MAX_NUMERATOR && a.d <= MAX_DENOMINATOR
    ? smallDecimal(Number(a.n), Number(a.d), places, mode === "half_up")
    : bigDecimal(a, places, mode)
}

/**
 * A fraction as two doubles, for hot loops that would otherwise convert the
 * same BigInts again and again. Only made (by `toSmall`) where both parts
 * are exact, and only used for what `toDecimal` does on doubles anyway.
 */
export type SmallRational = { n: number; d: number }

const SAFE = 2n ** 53n
export const toSmall = (a: Rational): SmallRational | undefined =>
  a.n <= SAFE && a.n >= -SAFE && a.d <= SAFE ? { n: Number(a.n), d: Number(a.d) } : undefined

/**
 * `toDecimal(mul(a, b), places, mode)` without BigInt, or undefined when
 * the product is too large for that. A double product below 2^52 is exact:
 * were the true product 2^52 or more, rounding could not bring it below.
 */
export function productToDecimal(
  a: SmallRational,
  b: SmallRational,
  places: number,
  mode: "down" | "half_up"
): string | undefined {
  const n = a.n * b.n
  const d = a.d * b.d
  return places <= 20 && Math.abs(n) <= 2 ** 52 && d <= 2 ** 49
    ? smallDecimal(n, d, places, mode === "half_up")
    : undefined
}

// Doubles are exact integers up to 2^53. The whole part is found from a
// numerator up to 2^52 (a quotient one too high times d stays within 2^53),
// and the digits by long division: a remainder below d times 10^step must
// stay within 2^53, so a larger d takes fewer digits per step.
const MAX_NUMERATOR = 2n ** 52n
const MAX_DENOMINATOR = 2n ** 49n
const POW10_DOUBLE = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]
const stepFor = (d: number) =>
  d <= 900719 ? 10 : d <= 90071992547 ? 5 : d <= 90071992547409 ? 2 : 1

/** floor(t / d) for exact integer doubles; the float quotient may round up. */
const quotient = (t: number, d: number) => {
  const q = Math.floor(t / d)
  return q * d > t ? q - 1 : q
}

/**
 * `toDecimal` of n / d on doubles, for |n| <= 2^52, 0 < d <= 2^49 and at
 * most 20 places: the integer part, then the decimals in two groups of up to
 * ten digits (each below 1e10, so exact), then one rounding on the last
 * remainder. The same digits as `bigDecimal`, which scales the numerator by
 * 10^places in BigInt, at a fraction of the cost.
 */
function smallDecimal(n: number, d: number, places: number, halfUp: boolean): string {
  const negative = n < 0
  let whole = quotient(negative ? -n : n, d)
  let rem = (negative ? -n : n) - whole * d
  const step = stepFor(d)
  const hiWidth = Math.min(places, 10)
  const loWidth = places - hiWidth
  let hi = 0
  let lo = 0
  for (let k = 0; k < places; k += step) {
    // Steps divide 10, so a step never straddles the two groups.
    const scale = POW10_DOUBLE[Math.min(step, places - k)]
    const t = rem * scale
    const q = quotient(t, d)
    rem = t - q * d
    if (k < 10) {
      hi = hi * scale + q
    } else {
      lo = lo * scale + q
    }
  }
  if (halfUp && rem * 2 >= d) {
    // One unit in the last place, carried up through the groups.
    if (loWidth > 0 && ++lo === POW10_DOUBLE[loWidth]) {
      lo = 0
      hi++
    } else if (loWidth === 0) {
      hi++
    }
    if (hiWidth === 0 || hi === POW10_DOUBLE[hiWidth]) {
      hi = 0
      whole++
    }
  }
  const text =
    loWidth === 10 && lo % 10 !== 0
      ? twentyPlaces(integerText(whole), hi, lo)
      : withDecimals(
          integerText(whole),
          lo > 0 ? padded(hi, hiWidth) + trimmed(lo, loWidth) : trimmed(hi, hiWidth)
        )
  return negative && text !== "0" ? `-${text}` : text
}

const withDecimals = (whole: string, digits: string) => (digits ? `${whole}.${digits}` : whole)

/**
 * `whole` and all twenty decimals (no trailing zero to trim), the usual
 * case for a share of a rate, as one chain of table lookups: fewer and
 * shorter intermediate strings than padding each group on its own.
 */
function twentyPlaces(whole: string, hi: number, lo: number): string {
  const a = Math.floor(hi / 1e6)
  const hiRest = hi - a * 1e6
  const b = Math.floor(hiRest / 100)
  const c = Math.floor(lo / 1e6)
  const loRest = lo - c * 1e6
  const d = Math.floor(loRest / 100)
  return (
    whole +
    "." +
    FOUR_DIGITS[a] +
    FOUR_DIGITS[b] +
    TWO_DIGITS[hiRest - b * 100] +
    FOUR_DIGITS[c] +
    FOUR_DIGITS[d] +
    TWO_DIGITS[loRest - d * 100]
  )
}

// "0000" to "9999" and "00" to "99". Turning a double into a string costs
// far more than a few lookups when V8's number-to-string cache misses (most
// amounts are new).
const FOUR_DIGITS = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, "0"))
const TWO_DIGITS = FOUR_DIGITS.slice(0, 100).map((s) => s.slice(2))

/** `x` (a safe integer below 10^width) as exactly `width` digits. */
function padded(x: number, width: number): string {
  let text = ""
  for (; width > 4; width -= 4) {
    const q = Math.floor(x / 10000)
    text = FOUR_DIGITS[x - q * 10000] + text
    x = q
  }
  return FOUR_DIGITS[x].slice(4 - width) + text
}

/** `x` (a safe integer) in decimal. */
function integerText(x: number): string {
  if (x < 2 ** 31) {
    // A small integer: V8 prints those quickly.
    return String(x)
  }
  let text = ""
  while (x >= 10000) {
    const q = Math.floor(x / 10000)
    text = FOUR_DIGITS[x - q * 10000] + text
    x = q
  }
  return String(x) + text
}

/** `x` as `width` digits without the trailing zeros ("" for 0). */
function trimmed(x: number, width: number): string {
  if (x === 0) {
    return ""
  }
  let zeros = 0
  for (let y = x; y % 10 === 0; y /= 10) {
    zeros++
  }
  const text = padded(x, width)
  return zeros ? text.slice(0, width - zeros) : text
}

/** `toDecimal` for any denominator, all in BigInt. */
function bigDecimal(a: Rational, places: number, mode: "down" | "half_up"): string {
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
  if (a <= SAFE && b <= SAFE) {
    // % on doubles is exact for integers: no BigInt per step.
    return BigInt(gcdSmall(Number(a), Number(b)))
  }
  while (b) {
    const r = a % b
    a = b
    b = r
  }
  return a
}

const gcdSmall = (a: number, b: number) => {
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
