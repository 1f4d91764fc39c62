import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { loyaltyError, LoyaltyErrorCode } from "../../../../utils/error-codes"
import { Birthday, birthdayProblem } from "../../../../utils/occasions"

// A month or day as a JSON number, or a short string of digits a form sent.
const part = z.union([z.number(), z.string().max(10)]).transform((v) => (typeof v === "string" && /^\d{1,2}$/.test(v) ? Number(v) : v))

/**
 * A birthday as a shopper gives it: `{ calendar: "jalali" | "gregorian",
 * month: 1-12, day }`. A day no year has (Mehr 31, 30 February) is a 400
 * with `loyalty_birthday_invalid` naming the field; Esfand 30 and 29
 * February are fine (leap years have them).
 */
export const BirthdayBody = z
  .strictObject({ calendar: z.string().max(20), month: part, day: part })
  .transform((value): Birthday => {
    const problem = birthdayProblem(value)
    if (problem) {
      throw loyaltyError(MedusaError.Types.INVALID_DATA, problem, LoyaltyErrorCode.BIRTHDAY_INVALID)
    }
    return value as Birthday
  })
export type BirthdayBodyType = z.infer<typeof BirthdayBody>
