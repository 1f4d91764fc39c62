import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useErrorText } from "../../lib/api"
import { averageRating, useCustomerFeedback } from "../../lib/feedback"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { useLoyaltySettings } from "../../lib/query"
import { Data } from "../ltr"
import { Figure } from "../wallet/figure"
import { RatingStars } from "./rating"

// The club card shows the newest few; the Feedback page has them all.
const LATEST = 3

/** A customer's answers on their club card: how many, the average, the newest. */
export const CustomerFeedback = ({ customerId }: { customerId: string }) => {
  const { t } = useLoyaltyTranslation()
  const { number, date } = useFormat()
  const errorText = useErrorText()
  const { data: settings } = useLoyaltySettings()
  const { data, error } = useCustomerFeedback(customerId)
  const low = settings?.feedback_low_rating ?? 2

  if (error) {
    return (
      <Text size="small" className="text-ui-fg-error px-6 py-4" data-testid="customer-feedback">
        {errorText(error)}
      </Text>
    )
  }
  if (!data) {
    return null
  }
  const average = averageRating(data.summary.average)
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="customer-feedback">
      <Text size="small" weight="plus">
        {t("feedback.customer.title")}
      </Text>
      <div className="grid grid-cols-2 gap-4">
        <Figure label={t("feedback.customer.count")} testId="customer-feedback-count">
          <Text size="large" weight="plus">
            {number(data.summary.count)}
          </Text>
        </Figure>
        <Figure label={t("feedback.customer.average")} testId="customer-feedback-average">
          <Text size="small" weight="plus">
            {average === null
              ? "—"
              : t("feedback.summary.averageValue", { n: number(average), max: number(5) })}
          </Text>
        </Figure>
      </div>
      {data.feedback.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted">
          {t("feedback.customer.none")}
        </Text>
      ) : (
        <ul className="flex flex-col gap-y-2" data-testid="customer-feedback-latest">
          {data.feedback.slice(0, LATEST).map((f) => (
            <li key={f.id} className="flex flex-col gap-y-0.5" data-testid="customer-feedback-answer">
              <div className="flex flex-wrap items-center gap-x-2">
                <RatingStars rating={f.rating} low={f.rating <= low} />
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {date(f.answered_at)}
                </Text>
                <Link
                  to={`/orders/${f.order_id}`}
                  className="txt-compact-xsmall text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                >
                  {f.order_display_id !== null && f.order_display_id !== undefined
                    ? t("feedback.list.orderNumber", { n: number(f.order_display_id) })
                    : t("feedback.list.order")}
                </Link>
              </div>
              {f.comment && (
                <Text size="small" className="[overflow-wrap:anywhere]">
                  <Data>{f.comment}</Data>
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
