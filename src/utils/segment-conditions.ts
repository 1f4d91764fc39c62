import { MedusaError } from "@medusajs/framework/utils"
import { LoyaltyErrorCode, loyaltyError } from "./error-codes"
import { plainDecimalProblem } from "./money"
import { isRfmSegment, RFM_SEGMENTS, RfmSegment } from "./segments"

/**
 * A segment's conditions as pure data: the types stored in
 * loyalty_segment.conditions and the validator every route and workflow
 * runs before storing or counting them. The SQL that evaluates them lives in
 * the module's room (services/segment-sql.ts).
 */

export type SegmentScoreField = "r_score" | "f_score" | "m_score" | "l_score"
export type SegmentChannel = "online" | "store" | "both"

export type SegmentCondition =
  | { field: "tier"; tier_ids: string[] }
  | { field: "balance"; currency_code: string; min?: string; max?: string }
  | { field: "expiring_credit"; within_days: number; currency_code?: string; min?: string }
  | { field: "spend"; window_days: number | null; currency_code: string; min?: string; max?: string }
  | { field: "orders"; window_days: number | null; min?: number; max?: number }
  | { field: "days_since_last_order"; min?: number; max?: number }
  | { field: "rfm_segment"; segments: RfmSegment[] }
  | { field: SegmentScoreField; min?: number; max?: number }
  | { field: "channel_mix"; values: SegmentChannel[] }
  | { field: "till_location"; locations: string[] }
  | { field: "interest"; category_ids: string[] }
  | { field: "birthday_month"; months: number[]; calendar: "jalali" | "gregorian" }
  | { field: "customer_group"; group_ids: string[] }
  | { field: "sms_opted_in"; value: boolean }

export type SegmentGroup = {
  match: "all" | "any"
  conditions: Array<SegmentCondition | SegmentGroup>
}

export type SegmentField = SegmentCondition["field"]

/** The deepest a group may nest (the top group is depth 1). */
export const SEGMENT_MAX_DEPTH = 3
/** The most conditions (leaves) a segment may hold. */
export const SEGMENT_MAX_LEAVES = 30
/** The most values one list (tier ids, locations, ...) may hold. */
export const SEGMENT_MAX_LIST = 200
/** The longest window or horizon in days (about 30 years). */
export const SEGMENT_MAX_DAYS = 10950

export const SEGMENT_FIELDS: readonly SegmentField[] = [
  "tier",
  "balance",
  "expiring_credit",
  "spend",
  "orders",
  "days_since_last_order",
  "rfm_segment",
  "r_score",
  "f_score",
  "m_score",
  "l_score",
  "channel_mix",
  "till_location",
  "interest",
  "birthday_month",
  "customer_group",
  "sms_opted_in",
]

const CHANNELS: readonly SegmentChannel[] = ["online", "store", "both"]

/** Whether a node is a group (it has `match`) rather than a condition. */
export function isSegmentGroup(node: SegmentCondition | SegmentGroup): node is SegmentGroup {
  return (node as SegmentGroup).match !== undefined
}

/** The conditions (leaves) of a group, depth first. */
export function segmentLeaves(group: SegmentGroup): SegmentCondition[] {
  return group.conditions.flatMap((node) => (isSegmentGroup(node) ? segmentLeaves(node) : [node]))
}

// "a.b" under a parent path; the root group's own keys stand alone, so a
// leaf reads `conditions[1].conditions[0].min` as the editor nests it.
const at = (path: string, key: string) => (path ? `${path}.${key}` : key)

const invalid = (message: string) => loyaltyError(MedusaError.Types.INVALID_DATA, message, LoyaltyErrorCode.SEGMENT_INVALID)

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

// The keys each condition takes besides `field`: anything else is refused,
// so a typo ("mn") is a 400 rather than a condition that silently matches all.
const KEYS: Record<SegmentField, string[]> = {
  tier: ["tier_ids"],
  balance: ["currency_code", "min", "max"],
  expiring_credit: ["within_days", "currency_code", "min"],
  spend: ["window_days", "currency_code", "min", "max"],
  orders: ["window_days", "min", "max"],
  days_since_last_order: ["min", "max"],
  rfm_segment: ["segments"],
  r_score: ["min", "max"],
  f_score: ["min", "max"],
  m_score: ["min", "max"],
  l_score: ["min", "max"],
  channel_mix: ["values"],
  till_location: ["locations"],
  interest: ["category_ids"],
  birthday_month: ["months", "calendar"],
  customer_group: ["group_ids"],
  sms_opted_in: ["value"],
}

function wholeNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${path} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`)
  }
  return value
}

function amount(value: unknown, path: string): string {
  const problem = plainDecimalProblem(value, path)
  if (problem) {
    throw invalid(problem)
  }
  const text = String(value)
  if (text.startsWith("-")) {
    throw invalid(`${path} must not be negative, got ${text}`)
  }
  return text
}

function currency(value: unknown, path: string): string {
  if (typeof value !== "string" || !/^[a-zA-Z]{3}$/.test(value)) {
    throw invalid(`${path} must be a three-letter currency code, got ${JSON.stringify(value)}`)
  }
  return value.toLowerCase()
}

function stringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > SEGMENT_MAX_LIST) {
    throw invalid(`${path} must be a list of 1 to ${SEGMENT_MAX_LIST} values`)
  }
  value.forEach((item, i) => {
    if (typeof item !== "string" || item.trim() === "" || item.length > 200) {
      throw invalid(`${path}[${i}] must be a non-empty text of at most 200 characters, got ${JSON.stringify(item)}`)
    }
  })
  return [...new Set(value as string[])]
}

function oneOfList<T extends string>(value: unknown, path: string, allowed: readonly T[]): T[] {
  const list = stringList(value, path)
  list.forEach((item, i) => {
    if (!(allowed as readonly string[]).includes(item)) {
      throw invalid(`${path}[${i}] must be one of ${allowed.join(", ")}, got ${JSON.stringify(item)}`)
    }
  })
  return list as T[]
}

function windowDays(value: unknown, path: string): number | null {
  return value === null || value === undefined ? null : wholeNumber(value, path, 1, SEGMENT_MAX_DAYS)
}

// A range of whole numbers or amounts: at least one end, and min <= max.
function range<T extends number | string>(
  node: Record<string, unknown>,
  path: string,
  read: (value: unknown, path: string) => T,
  required: boolean
): { min?: T; max?: T } {
  const out: { min?: T; max?: T } = {}
  if (node.min !== undefined && node.min !== null) {
    out.min = read(node.min, `${path}.min`)
  }
  if (node.max !== undefined && node.max !== null) {
    out.max = read(node.max, `${path}.max`)
  }
  if (required && out.min === undefined && out.max === undefined) {
    throw invalid(`${path} needs min or max`)
  }
  if (out.min !== undefined && out.max !== undefined && Number(out.min) > Number(out.max)) {
    throw invalid(`${path}.min must not be greater than ${path}.max`)
  }
  return out
}

function condition(node: Record<string, unknown>, path: string): SegmentCondition {
  const field = node.field as SegmentField
  if (!SEGMENT_FIELDS.includes(field)) {
    throw invalid(`${path}.field must be one of ${SEGMENT_FIELDS.join(", ")}, got ${JSON.stringify(node.field)}`)
  }
  for (const key of Object.keys(node)) {
    if (key !== "field" && !KEYS[field].includes(key)) {
      throw invalid(`${path}.${key} is not a setting of a ${field} condition`)
    }
  }
  const count = (max: number) => (value: unknown, p: string) => wholeNumber(value, p, 0, max)
  switch (field) {
    case "tier":
      return { field, tier_ids: stringList(node.tier_ids, `${path}.tier_ids`) }
    case "balance":
      return { field, currency_code: currency(node.currency_code, `${path}.currency_code`), ...range(node, path, amount, true) }
    case "expiring_credit": {
      const out: Extract<SegmentCondition, { field: "expiring_credit" }> = { field, within_days: wholeNumber(node.within_days, `${path}.within_days`, 1, SEGMENT_MAX_DAYS) }
      if (node.currency_code !== undefined && node.currency_code !== null) {
        out.currency_code = currency(node.currency_code, `${path}.currency_code`)
      }
      if (node.min !== undefined && node.min !== null) {
        // An amount means nothing without its currency.
        if (!out.currency_code) {
          throw invalid(`${path}.currency_code is needed with ${path}.min`)
        }
        out.min = amount(node.min, `${path}.min`)
      }
      return out
    }
    case "spend":
      return {
        field,
        window_days: windowDays(node.window_days, `${path}.window_days`),
        currency_code: currency(node.currency_code, `${path}.currency_code`),
        ...range(node, path, amount, true),
      }
    case "orders":
      return { field, window_days: windowDays(node.window_days, `${path}.window_days`), ...range(node, path, count(1000000), true) }
    case "days_since_last_order":
      return { field, ...range(node, path, count(SEGMENT_MAX_DAYS), true) }
    case "rfm_segment":
      return { field, segments: oneOfList(node.segments, `${path}.segments`, RFM_SEGMENTS).filter(isRfmSegment) }
    case "r_score":
    case "f_score":
    case "m_score":
    case "l_score":
      return { field, ...range(node, path, (v, p) => wholeNumber(v, p, 1, 5), true) }
    case "channel_mix":
      return { field, values: oneOfList(node.values, `${path}.values`, CHANNELS) }
    case "till_location":
      return { field, locations: stringList(node.locations, `${path}.locations`) }
    case "interest":
      return { field, category_ids: stringList(node.category_ids, `${path}.category_ids`) }
    case "birthday_month": {
      if (node.calendar !== "jalali" && node.calendar !== "gregorian") {
        throw invalid(`${path}.calendar must be jalali or gregorian, got ${JSON.stringify(node.calendar)}`)
      }
      const months = node.months
      if (!Array.isArray(months) || months.length === 0 || months.length > 12) {
        throw invalid(`${path}.months must be a list of 1 to 12 months`)
      }
      months.forEach((m, i) => wholeNumber(m, `${path}.months[${i}]`, 1, 12))
      return { field, calendar: node.calendar, months: [...new Set(months as number[])].sort((a, b) => a - b) }
    }
    case "customer_group":
      return { field, group_ids: stringList(node.group_ids, `${path}.group_ids`) }
    case "sms_opted_in":
      if (typeof node.value !== "boolean") {
        throw invalid(`${path}.value must be true or false, got ${JSON.stringify(node.value)}`)
      }
      return { field, value: node.value }
  }
}

function group(node: unknown, path: string, depth: number, leaves: { n: number }): SegmentGroup {
  if (!isObject(node)) {
    throw invalid(`${path || "conditions"} must be a group: { match: "all" | "any", conditions: [...] }`)
  }
  if (node.match !== "all" && node.match !== "any") {
    throw invalid(`${at(path, "match")} must be all or any, got ${JSON.stringify(node.match)}`)
  }
  for (const key of Object.keys(node)) {
    if (key !== "match" && key !== "conditions") {
      throw invalid(`${at(path, key)} is not a setting of a group`)
    }
  }
  if (!Array.isArray(node.conditions) || node.conditions.length === 0) {
    throw invalid(`${at(path, "conditions")} must be a list of at least one condition`)
  }
  const conditions = node.conditions.map((child: unknown, i: number) => {
    const childPath = `${at(path, "conditions")}[${i}]`
    if (!isObject(child)) {
      throw invalid(`${childPath} must be a condition or a group`)
    }
    if (child.match !== undefined || child.field === undefined) {
      if (depth >= SEGMENT_MAX_DEPTH) {
        throw invalid(`${childPath} nests groups deeper than ${SEGMENT_MAX_DEPTH} levels`)
      }
      return group(child, childPath, depth + 1, leaves)
    }
    leaves.n += 1
    if (leaves.n > SEGMENT_MAX_LEAVES) {
      throw invalid(`${childPath}: a segment holds at most ${SEGMENT_MAX_LEAVES} conditions`)
    }
    return condition(child, childPath)
  })
  return { match: node.match, conditions }
}

/**
 * Checks a segment's conditions and returns them in their stored shape
 * (amounts as strings, currency codes in lower case, lists without
 * repeats). Anything else is a 400 `loyalty_segment_invalid` whose message
 * names the path, e.g. `conditions[1].conditions[0].min`.
 *
 * @example
 * validateSegmentConditions({ match: "all", conditions: [{ field: "orders", window_days: 90, min: 2 }] })
 */
export function validateSegmentConditions(input: unknown, path = ""): SegmentGroup {
  const leaves = { n: 0 }
  const out = group(input, path, 1, leaves)
  if (leaves.n === 0) {
    throw invalid(`${path || "conditions"} must hold at least one condition`)
  }
  return out
}
