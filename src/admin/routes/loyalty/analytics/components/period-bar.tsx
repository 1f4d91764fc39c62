import { ArrowPath } from "@medusajs/icons"
import { Button, DatePicker, Select, Text } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { useQueryClient } from "@tanstack/react-query"
import { Ltr } from "../../../../components/ltr"
import { refreshAnalytics, useAnalyticsFreshness } from "../../../../lib/analytics"
import { useAnalyticsFormat } from "../../../../lib/analytics-format"
import { addDays, PERIOD_PRESETS, PeriodPreset, PickedDays } from "../../../../lib/analytics-period"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useLoyaltyMutation } from "../../../../lib/mutation"
import { loyaltyKeys } from "../../../../lib/query"

const PRESET_LABEL = {
  this_month: "analytics.period.presets.thisMonth",
  last_month: "analytics.period.presets.lastMonth",
  last_30: "analytics.period.presets.last30",
  last_90: "analytics.period.presets.last90",
  this_year: "analytics.period.presets.thisYear",
  custom: "analytics.period.presets.custom",
} as const satisfies Record<PeriodPreset, string>

const sameDay = (a: Date | null | undefined, b: Date | null | undefined) =>
  a === b || (!!a && !!b && a.toDateString() === b.toDateString())

/**
 * The page's choices: the period (presets in the admin's calendar, or two
 * days picked on Medusa's date picker, Jalali in Persian), the currency of
 * every amount, and what the figures are compared with.
 */
export const PeriodBar = ({
  preset,
  onPresetChange,
  days,
  onDaysChange,
  currency,
  currencies,
  onCurrencyChange,
  period,
  invalid,
}: {
  preset: PeriodPreset
  onPresetChange: (preset: PeriodPreset) => void
  days: PickedDays
  onDaysChange: (days: PickedDays) => void
  currency: string
  currencies: string[]
  onCurrencyChange: (currency: string) => void
  /** The instants asked for, to say which days they are; null while not valid. */
  period: { from: string; to: string } | null
  invalid: string | null
}) => {
  const { t, dir } = useLoyaltyTranslation()
  const { periodRange } = useAnalyticsFormat()
  const previous = period
    ? {
        from: new Date(2 * new Date(period.from).getTime() - new Date(period.to).getTime()).toISOString(),
        to: period.from,
      }
    : null

  // The picker reports its value again when it mounts: only another day is a change.
  const pick = (key: "first" | "last") => (date: Date | null) => {
    if (!date || sameDay(days[key], date)) return
    onDaysChange({ ...days, [key]: addDays(date, 0) })
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="analytics-period-bar">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
        <div className="flex w-[190px] flex-col gap-y-1.5">
          <Text size="small" weight="plus" as="span" id="analytics-period-label">
            {t("analytics.period.label")}
          </Text>
          <Select dir={dir} size="small" value={preset} onValueChange={(v) => onPresetChange(v as PeriodPreset)}>
            <Select.Trigger aria-labelledby="analytics-period-label" data-testid="analytics-period">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {PERIOD_PRESETS.map((p) => (
                <Select.Item key={p} value={p} data-testid={`analytics-period-${p}`}>
                  {t(PRESET_LABEL[p])}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {preset === "custom" && (
          <>
            <div className="flex w-[180px] flex-col gap-y-1.5" data-testid="analytics-from">
              <Text size="small" weight="plus" as="span" id="analytics-from-label">
                {t("analytics.period.from")}
              </Text>
              <DatePicker
                size="small"
                granularity="day"
                value={days.first}
                onChange={pick("first")}
                aria-labelledby="analytics-from-label"
              />
            </div>
            <div className="flex w-[180px] flex-col gap-y-1.5" data-testid="analytics-to">
              <Text size="small" weight="plus" as="span" id="analytics-to-label">
                {t("analytics.period.to")}
              </Text>
              <DatePicker
                size="small"
                granularity="day"
                value={days.last}
                onChange={pick("last")}
                aria-labelledby="analytics-to-label"
              />
            </div>
          </>
        )}
        <div className="flex w-[140px] flex-col gap-y-1.5">
          <Text size="small" weight="plus" as="span" id="analytics-currency-label">
            {t("analytics.currency")}
          </Text>
          <Select
            dir={dir}
            size="small"
            value={currency || undefined}
            onValueChange={onCurrencyChange}
            disabled={currencies.length < 2}
          >
            <Select.Trigger aria-labelledby="analytics-currency-label" data-testid="analytics-currency">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {currencies.map((c) => (
                <Select.Item key={c} value={c}>
                  <Ltr>{c.toUpperCase()}</Ltr>
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {invalid ? (
        <Text size="small" className="text-ui-fg-error" role="alert" data-testid="analytics-period-invalid">
          {invalid}
        </Text>
      ) : period && previous ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="analytics-period-text">
          {t("analytics.period.compared", {
            period: periodRange(period.from, period.to),
            previous: periodRange(previous.from, previous.to),
          })}
        </Text>
      ) : null}
    </div>
  )
}

/**
 * How fresh the figures are ("figures as of ..."): the rollups the nightly
 * job builds, and a button that rebuilds them now. While a rebuild runs
 * the line says so and is read again every few seconds; when it ends every
 * chart is fetched again.
 */
export const Freshness = () => {
  const { t } = useLoyaltyTranslation()
  const { dateTime } = useFormat()
  const queryClient = useQueryClient()
  const { data: freshness, isPending } = useAnalyticsFreshness()
  const refresh = useLoyaltyMutation({
    mutationFn: () => refreshAnalytics(),
    invalidate: () => [loyaltyKeys.analytics()],
    success: t("analytics.freshness.refreshed"),
  })

  // A rebuild that ended (here or by the nightly job): the charts read the new rollups.
  const builtAt = freshness?.built_at ?? null
  const seen = useRef<string | null | undefined>(undefined)
  useEffect(() => {
    if (seen.current !== undefined && seen.current !== builtAt) {
      queryClient.invalidateQueries({ queryKey: loyaltyKeys.analytics() })
    }
    seen.current = builtAt
  }, [builtAt, queryClient])

  const building = refresh.isPending || !!freshness?.building
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2" data-testid="analytics-freshness">
      <Text size="small" className="text-ui-fg-subtle" data-testid="analytics-freshness-text">
        {isPending
          ? t("common.states.loading")
          : building
            ? t("analytics.freshness.building")
            : builtAt
              ? t("analytics.freshness.asOf", { date: dateTime(builtAt) })
              : t("analytics.freshness.never")}
      </Text>
      <Button
        type="button"
        size="small"
        variant="secondary"
        onClick={() => refresh.mutate(undefined)}
        isLoading={building}
        data-testid="analytics-refresh"
      >
        <ArrowPath />
        {t("analytics.freshness.refresh")}
      </Button>
    </div>
  )
}
