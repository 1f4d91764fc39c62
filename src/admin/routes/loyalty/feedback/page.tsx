import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Star } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { FeedbackFilters, FeedbackInterval, shopDayStart } from "../../../lib/feedback"
import { useLoyaltyTranslation } from "../../../lib/i18n"
import { useLoyaltySettings } from "../../../lib/query"
import { EMPTY_FILTERS, FeedbackFilterBar, FilterState } from "./components/feedback-filters"
import { FeedbackSettings } from "./components/feedback-settings"
import { FeedbackTable } from "./components/feedback-table"
import { FeedbackTrend } from "./components/feedback-trend"

/**
 * What shoppers said after their purchases: the answers filtered by rating,
 * channel, till location and period; the average and the NPS-style share
 * per week or month; and the receipt and feedback settings.
 */
const FeedbackPage = () => {
  const { t } = useLoyaltyTranslation()
  const { data: settings } = useLoyaltySettings()
  const [state, setState] = useState<FilterState>(EMPTY_FILTERS)
  const [interval, setInterval] = useState<FeedbackInterval>("week")
  const [page, setPage] = useState(0)

  // Picked days as instants of the shop's days: from the first moment of
  // the first to the first moment of the day after the last (excluded).
  const timeZone = settings?.time_zone
  const filters = useMemo<FeedbackFilters>(
    () => ({
      ratings: state.ratings,
      channel: state.channel,
      location: state.location,
      from: state.fromDay ? shopDayStart(state.fromDay, timeZone).toISOString() : "",
      to: state.toDay ? shopDayStart(state.toDay, timeZone, 1).toISOString() : "",
    }),
    [state, timeZone]
  )
  const filtered =
    !!state.ratings.length || !!state.channel || !!state.location || !!state.fromDay || !!state.toDay

  return (
    <div className="flex flex-col gap-y-3" data-loyalty-page="feedback">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">{t("feedback.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("feedback.description")}
          </Text>
        </div>
        <FeedbackFilterBar
          value={state}
          onChange={(next) => {
            setState(next)
            setPage(0)
          }}
        />
        <FeedbackTrend filters={filters} interval={interval} onIntervalChange={setInterval} />
      </Container>
      <Container className="p-0" data-testid="feedback-answers">
        <div className="px-6 py-4">
          <Heading level="h2">{t("feedback.list.title")}</Heading>
        </div>
        <FeedbackTable filters={filters} filtered={filtered} page={page} onPageChange={setPage} />
      </Container>
      <FeedbackSettings />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.feedback",
  translationNs: "loyalty",
  icon: Star,
  rank: 6,
})

export default FeedbackPage
