import { Button, Heading, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Ltr } from "../../../../components/ltr"
import { Figure } from "../../../../components/wallet/figure"
import { useErrorText } from "../../../../lib/api"
import {
  averageRating,
  FeedbackFigures,
  FeedbackFilters,
  FeedbackInterval,
  scorePercent,
  sharePercent,
  useFeedbackStats,
} from "../../../../lib/feedback"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltySettings } from "../../../../lib/query"

const DAY = 86_400_000

// Intl's formatRange (ES2021; every browser Medusa's admin runs in has it).
type RangeFormat = Intl.DateTimeFormat & { formatRange: (start: Date, end: Date) => string }

/**
 * The last day of a period (a Jalali or Gregorian month, a week): half a
 * day before the next period starts, so a clock change cannot move the day.
 */
const lastDay = (periodEnd: string) => new Date(new Date(periodEnd).getTime() - DAY / 2)

/** The NPS-style score with its sign, left to right ("+35", "-12"). */
const Score = ({ value, className }: { value: number | null; className?: string }) => {
  const { number } = useFormat()
  if (value === null) {
    return <span className="text-ui-fg-muted">—</span>
  }
  const color = value > 0 ? "text-ui-tag-green-text" : value < 0 ? "text-ui-tag-red-text" : ""
  return (
    <Ltr className={`${color} ${className ?? ""}`}>
      {value > 0 ? "+" : value < 0 ? "−" : ""}
      {number(Math.abs(value))}
    </Ltr>
  )
}

/** Detractors, passives and promoters side by side, each bar as wide as its share. */
const ShareBar = ({ figures }: { figures: FeedbackFigures }) => {
  const { t } = useLoyaltyTranslation()
  const { percent } = useFormat()
  const promoters = sharePercent(figures.promoters_share) ?? 0
  const detractors = sharePercent(figures.detractors_share) ?? 0
  const passives = Math.max(0, 100 - promoters - detractors)
  const label = t("feedback.trend.shares", {
    promoters: percent(promoters),
    passives: percent(passives),
    detractors: percent(detractors),
  })
  return (
    <div
      className="bg-ui-bg-component flex h-2.5 w-full overflow-hidden rounded-full"
      role="img"
      aria-label={label}
      title={label}
    >
      <span className="bg-ui-tag-red-icon h-full" style={{ width: `${detractors}%` }} />
      <span className="bg-ui-tag-neutral-border h-full" style={{ width: `${passives}%` }} />
      <span className="bg-ui-tag-green-icon h-full" style={{ width: `${promoters}%` }} />
    </div>
  )
}

const Swatch = ({ className, label }: { className: string; label: string }) => (
  <span className="inline-flex items-center gap-x-1">
    <span className={`inline-block h-2 w-2 rounded-full ${className}`} aria-hidden />
    <Text as="span" size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
  </span>
)

/**
 * The answers the filters pick (all ratings) at a glance: how many, the
 * average, the NPS-style score (promoters, the 5s, minus detractors, 1 to
 * 3) and the low ratings; then one row per week or month, in the shop's
 * time zone, with the average and the shares as bars.
 */
export const FeedbackTrend = ({
  filters,
  interval,
  onIntervalChange,
}: {
  filters: FeedbackFilters
  interval: FeedbackInterval
  onIntervalChange: (interval: FeedbackInterval) => void
}) => {
  const { t, locale } = useLoyaltyTranslation()
  const { number, percent } = useFormat()
  const errorText = useErrorText()
  const { data: settings } = useLoyaltySettings()
  const { data, isPending, error } = useFeedbackStats(filters, interval)
  const timeZone = settings?.time_zone

  const range = useMemo(() => {
    const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" }
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone }) as RangeFormat
    } catch {
      return new Intl.DateTimeFormat(locale, options) as RangeFormat
    }
  }, [locale, timeZone])

  const summary = data?.summary
  const average = averageRating(summary?.average)
  const rows = data?.series ?? []

  return (
    <div className="flex flex-col divide-y" data-testid="feedback-trend">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="min-w-0">
          <Heading level="h2">{t("feedback.trend.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("feedback.trend.description")}
          </Text>
        </div>
        <div className="flex gap-x-1" role="group" aria-label={t("feedback.trend.interval")}>
          {(["week", "month"] as const).map((value) => (
            <Button
              key={value}
              type="button"
              size="small"
              variant={interval === value ? "primary" : "secondary"}
              aria-pressed={interval === value}
              onClick={() => onIntervalChange(value)}
              data-testid={`feedback-interval-${value}`}
            >
              {value === "week" ? t("feedback.trend.weekly") : t("feedback.trend.monthly")}
            </Button>
          ))}
        </div>
      </div>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : isPending || !summary ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {t("common.states.loading")}
        </Text>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-5" data-testid="feedback-summary">
            <Figure label={t("feedback.summary.count")} testId="feedback-summary-count">
              <Text size="large" weight="plus">
                {number(summary.count)}
              </Text>
            </Figure>
            <Figure label={t("feedback.summary.average")} testId="feedback-summary-average">
              <Text size="large" weight="plus">
                {average === null ? "—" : t("feedback.summary.averageValue", { n: number(average), max: number(5) })}
              </Text>
            </Figure>
            <Figure
              label={t("feedback.summary.score")}
              hint={t("feedback.summary.scoreHint")}
              testId="feedback-summary-score"
            >
              <Text size="large" weight="plus">
                <Score value={summary.count ? scorePercent(summary) : null} />
              </Text>
            </Figure>
            <Figure label={t("feedback.summary.shares")} testId="feedback-summary-shares">
              <Text size="small" weight="plus">
                {summary.count
                  ? t("feedback.summary.sharesValue", {
                      promoters: percent(sharePercent(summary.promoters_share) ?? 0),
                      detractors: percent(sharePercent(summary.detractors_share) ?? 0),
                    })
                  : "—"}
              </Text>
            </Figure>
            <Figure
              label={t("feedback.summary.low")}
              hint={settings ? t("feedback.summary.lowHint", { n: number(settings.feedback_low_rating) }) : undefined}
              testId="feedback-summary-low"
            >
              <Text size="large" weight="plus" className={summary.low_count ? "text-ui-fg-error" : ""}>
                {number(summary.low_count)}
              </Text>
            </Figure>
          </div>
          {rows.length === 0 ? (
            <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="feedback-trend-empty">
              {t("feedback.trend.empty")}
            </Text>
          ) : (
            <div className="flex flex-col gap-y-2 px-6 py-4">
              {/* In the bars' order: unhappy first. */}
              <div className="flex flex-wrap gap-x-4 gap-y-1" aria-hidden>
                <Swatch className="bg-ui-tag-red-icon" label={t("feedback.trend.detractors")} />
                <Swatch className="bg-ui-tag-neutral-border" label={t("feedback.trend.passives")} />
                <Swatch className="bg-ui-tag-green-icon" label={t("feedback.trend.promoters")} />
              </div>
              <table className="w-full table-fixed text-start" data-testid="feedback-trend-rows">
                <thead>
                  <tr className="txt-compact-xsmall-plus text-ui-fg-subtle">
                    <th className="w-[30%] py-1.5 text-start font-normal">{t("feedback.trend.period")}</th>
                    <th className="w-[12%] py-1.5 text-start font-normal">{t("feedback.trend.count")}</th>
                    <th className="w-[22%] py-1.5 text-start font-normal">{t("feedback.trend.average")}</th>
                    <th className="py-1.5 text-start font-normal">{t("feedback.trend.shareColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const start = new Date(row.period_start)
                    const rowAverage = averageRating(row.average)
                    return (
                      <tr key={row.period_start} className="border-t" data-testid="feedback-trend-row">
                        <td className="py-2 pe-3">
                          <Text size="small" data-testid="feedback-trend-period">
                            {range.formatRange(start, lastDay(row.period_end))}
                          </Text>
                        </td>
                        <td className="py-2 pe-3">
                          <Text size="small">{number(row.count)}</Text>
                        </td>
                        <td className="py-2 pe-3">
                          <div className="flex items-center gap-x-2">
                            <div className="bg-ui-bg-component h-2.5 w-full max-w-[120px] overflow-hidden rounded-full">
                              <div
                                className="bg-ui-tag-orange-icon h-full rounded-full"
                                style={{ width: `${((rowAverage ?? 0) / 5) * 100}%` }}
                              />
                            </div>
                            <Text size="small" className="w-8 shrink-0">
                              {rowAverage === null ? "—" : number(rowAverage)}
                            </Text>
                          </div>
                        </td>
                        <td className="py-2">
                          <div className="flex items-center gap-x-3">
                            <ShareBar figures={row} />
                            <Text size="small" weight="plus" className="w-10 shrink-0 text-end">
                              <Score value={row.count ? scorePercent(row) : null} />
                            </Text>
                          </div>
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  )
}
