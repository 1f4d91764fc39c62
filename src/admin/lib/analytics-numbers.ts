// The analytics page's arithmetic on the API's decimal strings, without
// floats: a ratio as a percentage, the change against the previous period
// (in percent of the previous figure, or in percentage points for a
// ratio), and a value for a chart to draw. Only the last is a JS number,
// and it only sizes a bar: every figure a shop owner reads is formatted
// from the string.
import { sumDecimals } from "./client"
import { shiftDecimal } from "./format"

const DECIMAL = /^-?\d+(\.\d+)?$/

/** A decimal string as a BigInt in units of 10^-scale (truncated past it). */
function scaled(value: string, scale: number) {
  const [whole, fraction = ""] = value.trim().replace(/^-/, "").split(".")
  const units = BigInt((whole || "0") + fraction.slice(0, scale).padEnd(scale, "0"))
  return value.trim().startsWith("-") ? -units : units
}

const scaleOf = (value: string) => (value.split(".")[1] ?? "").length

export const isDecimal = (value: unknown): value is string =>
  typeof value === "string" && DECIMAL.test(value.trim())

export const isZero = (value: string | number) => !/[1-9]/.test(String(value))

/** "0.4286" -> "42.86": a ratio as a percentage, exactly. */
export const ratioPercent = (ratio: string) => (isDecimal(ratio) ? shiftDecimal(ratio, 2) : "0")

/**
 * How much `current` moved from `previous`, in percent of `previous`, to
 * one decimal (rounded half away from zero); null when there was nothing
 * before to compare with.
 */
export function percentChange(current: string | number, previous: string | number): number | null {
  const cur = String(current)
  const prev = String(previous)
  if (!isDecimal(cur) || !isDecimal(prev) || isZero(prev)) return null
  const scale = Math.max(scaleOf(cur), scaleOf(prev))
  const c = scaled(cur, scale)
  const p = scaled(prev, scale)
  // Tenths of a percent: (c - p) * 1000 / |p|, rounded.
  const numerator = (c - p) * BigInt(1000)
  const denominator = p < BigInt(0) ? -p : p
  const negative = numerator < BigInt(0)
  const abs = negative ? -numerator : numerator
  const tenths = (abs * BigInt(2) + denominator) / (denominator * BigInt(2))
  return Number(negative ? -tenths : tenths) / 10
}

/** A ratio's move in percentage points ("0.45" after "0.40" -> "5"). */
export function pointsChange(current: string, previous: string): string | null {
  if (!isDecimal(current) || !isDecimal(previous)) return null
  return shiftDecimal(sumDecimals([current, previous.trim().startsWith("-") ? previous.slice(1) : `-${previous}`]), 2)
}

/** A value a chart draws (a bar's height); 0 for anything unreadable. */
export function plotted(value: string | number | null | undefined): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : 0
  if (!value || !isDecimal(value)) return 0
  return Number(value)
}
