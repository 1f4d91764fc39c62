import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { invalidField, LoyaltyErrorCode } from "../../utils/error-codes"
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
  z.union([z.string(), z.number()]).transform((value) => {
    const problem = plainDecimalProblem(value, field)
    if (problem) {
      // Thrown as is, so the 400 reads the same as the workflow's own
      // check ("amount must be a number, got ...") without zod's prefix.
      throw invalidField(field, problem)
    }
    return String(value)
  })

/**
 * Paging for list routes: whole numbers, 0 <= offset, 1 <= limit <= max
 * (Medusa's own find params take any number and hand it to SQL as is).
 */
export const findParams = ({ limit, max }: { limit: number; max: number }) => {
  const whole = (min: number, maximum: number, fallback: number) =>
    z.preprocess(
      (v) => (typeof v === "string" && /^-?\d{1,9}$/.test(v) ? Number(v) : v),
      z.number().int().min(min).max(maximum).optional().default(fallback)
    )
  return createFindParams({ offset: 0, limit }).extend({
    offset: whole(0, Number.MAX_SAFE_INTEGER, 0),
    limit: whole(1, max, limit),
  })
}

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

// Medusa's validation answers a malformed request (a missing field, a wrong
// type, an unknown key) as INVALID_DATA without a code; our admin routes give
// it the generic `loyalty_invalid_request`, so every 400 an admin meets has a
// code to translate. Errors that carry their own code keep it.
function withRequestCode(middleware: Middleware): Middleware {
  return (req, res, next) =>
    middleware(req, res, (error?: unknown) => {
      if (error instanceof MedusaError && error.type === MedusaError.Types.INVALID_DATA && !error.code) {
        error.code = LoyaltyErrorCode.INVALID_REQUEST
      }
      return next(error as any)
    })
}

/** `validateAndTransformBody`, with `loyalty_invalid_request` on a malformed body. */
export const validateBody = (schema: Parameters<typeof validateAndTransformBody>[0]) =>
  withRequestCode(validateAndTransformBody(schema) as Middleware)

/** `validateAndTransformQuery`, with `loyalty_invalid_request` on a malformed query. */
export const validateQuery = (...args: Parameters<typeof validateAndTransformQuery>) =>
  withRequestCode(validateAndTransformQuery(...args) as Middleware)
