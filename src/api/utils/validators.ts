import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { plainDecimalProblem } from "../../utils/money"

/**
 * An amount, rate or threshold as a JSON number or a plain decimal string:
 * digits, an optional point and sign, at most 20 integer digits. Exponents
 * ("1e9999999" would build a 10-million-digit string), hex, spaces and
 * signs in odd places are a 400 naming `field`. Sign and the currency's
 * precision are checked where the currency is known, naming the field too.
 * The value reaches the route as a string, never as a float.
 */
export const decimal = (field: string) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const problem = plainDecimalProblem(value, field)
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem })
      return z.NEVER
    }
    return String(value)
  })

/** Paging for list routes: 0 <= offset, 1 <= limit <= max. */
export const findParams = ({ limit, max }: { limit: number; max: number }) => {
  const whole = (field: string, min: number, maximum: number | null, fallback: number) =>
    z.preprocess(
      (v) => (typeof v === "string" && /^-?\d{1,9}$/.test(v.trim()) ? Number(v) : v),
      z
        .number({ message: `${field} must be a whole number` })
        .int({ message: `${field} must be a whole number` })
        .min(min, { message: `${field} must be at least ${min}` })
        .max(maximum ?? Number.MAX_SAFE_INTEGER, {
          message: `${field} must be at most ${maximum}`,
        })
        .optional()
        .default(fallback)
    )
  return createFindParams({ offset: 0, limit }).extend({
    offset: whole("offset", 0, null, 0),
    limit: whole("limit", 1, max, limit),
  })
}
