import { Text } from "@medusajs/ui"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"

/**
 * A rating of 1 to 5 as stars, filled from the start of the line (the right
 * in Persian), read out as "4 out of 5"; low ratings in red.
 */
export const RatingStars = ({
  rating,
  low,
  testId,
}: {
  rating: number
  /** At or below the shop's low rating. */
  low?: boolean
  testId?: string
}) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const label = t("feedback.rating.outOf", { n: number(rating), max: number(5) })
  return (
    <span
      className="inline-flex items-center gap-x-1.5 whitespace-nowrap"
      role="img"
      aria-label={label}
      title={label}
      data-testid={testId}
      data-rating={rating}
    >
      <span aria-hidden className="tracking-tighter">
        {[1, 2, 3, 4, 5].map((star) => (
          <span
            key={star}
            className={
              star <= rating
                ? low
                  ? "text-ui-tag-red-icon"
                  : "text-ui-tag-orange-icon"
                : "text-ui-fg-disabled"
            }
          >
            ★
          </span>
        ))}
      </span>
      <Text as="span" size="xsmall" className="text-ui-fg-subtle" aria-hidden>
        {number(rating)}
      </Text>
    </span>
  )
}
