import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { loyaltyError, LoyaltyErrorCode } from "../../../../utils/error-codes"

// A shop day ("2026-10-01", read as that day's start in the shop's time
// zone) or an instant with its offset ("2026-10-01T00:00:00+03:30", "...Z").
// A date-time without an offset would be read in the server's own zone.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/

const realDay = (y: string, m: string, d: string) => {
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  return day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(m) - 1 && day.getUTCDate() === Number(d)
}

/** The period's bounds as the route reads them: a shop day or an instant. */
export type PeriodBound = { day: string } | { at: Date }

/** A 400 loyalty_analytics_period_invalid, naming the bound(s) in the message. */
export const periodError = (message: string) =>
  loyaltyError(MedusaError.Types.INVALID_DATA, message, LoyaltyErrorCode.ANALYTICS_PERIOD_INVALID)

const bound = (field: "from" | "to") =>
  z.unknown().transform((value): PeriodBound => {
    const text = typeof value === "string" ? value : ""
    const day = DAY.exec(text)
    if (day && realDay(day[1], day[2], day[3])) {
      return { day: text }
    }
    const instant = INSTANT.exec(text)
    if (instant && realDay(instant[1], instant[2], instant[3]) && !Number.isNaN(Date.parse(text))) {
      return { at: new Date(text) }
    }
    // Thrown as is (not as zod's issue) so the 400 has the period's code.
    throw periodError(
      `${field} must be a date (2026-10-01) or a date-time with its offset (2026-10-01T00:00:00+03:30), got ${String(
        JSON.stringify(value)
      ).slice(0, 40)}`
    )
  })

/**
 * The query of every figure route: the period (`from` inclusive, `to`
 * exclusive; by default the last 30 shop days ending now), the currency (a
 * store currency, by default the store's default) and the calendar of the
 * months (by default Jalali in a Persian shop). Unknown keys are a 400.
 */
export type AdminAnalyticsParamsType = z.infer<typeof AdminAnalyticsParams>
export const AdminAnalyticsParams = z.object({
  from: bound("from").optional(),
  to: bound("to").optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, { message: "currency must be a three-letter currency code such as irr" })
    .optional(),
  calendar: z.enum(["jalali", "gregorian"]).optional(),
})

/** The freshness route takes no query. */
export const AdminAnalyticsFreshnessParams = z.object({})

/** The rebuild takes no body. */
export const AdminRefreshAnalytics = z.strictObject({})
