import { MedusaError } from "@medusajs/framework/utils"
import { LoyaltyErrorCode } from "../../utils/error-codes"

export const MAX_COMMENT_LENGTH = 1000

/**
 * A shopper's answer checked and tidied: the rating a whole number from 1
 * to 5 (a form sends "4"), the comment trimmed (empty: none) and at most
 * 1,000 characters. A 400 names the field otherwise.
 */
export function feedbackAnswer(input: { rating: unknown; comment?: unknown }): {
  rating: number
  comment: string | null
} {
  const raw = typeof input.rating === "string" && /^\s*\d{1,2}\s*$/.test(input.rating) ? Number(input.rating) : input.rating
  if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 1 || raw > 5) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `rating must be a whole number from 1 to 5, got ${JSON.stringify(input.rating ?? null)?.slice(0, 40)}`,
      LoyaltyErrorCode.RATING_INVALID
    )
  }
  if (input.comment != null && typeof input.comment !== "string") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "comment must be text",
      LoyaltyErrorCode.INVALID_REQUEST
    )
  }
  const comment = (input.comment ?? "").trim()
  // Characters as a reader counts them (an emoji is one), not UTF-16 units.
  const length = Array.from(comment).length
  if (length > MAX_COMMENT_LENGTH) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `comment must be at most ${MAX_COMMENT_LENGTH} characters, got ${length}`,
      LoyaltyErrorCode.COMMENT_TOO_LONG
    )
  }
  return { rating: raw, comment: comment || null }
}
