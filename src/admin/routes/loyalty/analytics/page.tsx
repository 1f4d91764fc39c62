import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { lazy, Suspense, useMemo, useState } from "react"
import { AnalyticsCalendar, AnalyticsQuery } from "../../../lib/analytics"
import {
  daysBetween,
  MAX_PERIOD_DAYS,
  PeriodPreset,
  periodInstants,
  PickedDays,
  presetDays,
  shopToday,
} from "../../../lib/analytics-period"
import { useLoyaltyTranslation } from "../../../lib/i18n"
import { useLoyaltySettings, useStoreCurrencies } from "../../../lib/query"
import { AnalyticsPageContext } from "./components/context"
import { Freshness, PeriodBar } from "./components/period-bar"

// The charts (and recharts with them) in a chunk of their own, fetched when the page opens.
const AnalyticsSections = lazy(() => import("./components/sections"))

/** "YYYY-MM-DD" of a picked day (for file names: Latin digits, Gregorian). */
const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`

/**
 * Does the club pay for itself? One page for the period the shop owner
 * picks (in the admin's calendar), against the period just before it, in
 * one currency: members, behaviour, the wallet and its liability,
 * retention cohorts, lifetime value, online and in-store, tiers and the
 * programmes. Every chart says what it counts and exports its data as CSV.
 */
const AnalyticsPage = () => {
  const { t, language } = useLoyaltyTranslation()
  const { data: settings } = useLoyaltySettings()
  const { data: currencies = [] } = useStoreCurrencies()
  // Months, cohorts and presets follow the calendar the admin reads dates in.
  const calendar: AnalyticsCalendar = language === "fa" ? "jalali" : "gregorian"
  const timeZone = settings?.time_zone

  const [preset, setPreset] = useState<PeriodPreset>("last_30")
  const [custom, setCustom] = useState<PickedDays | null>(null)
  const [picked, setCurrency] = useState("")
  const currency = picked || currencies[0] || ""

  const today = useMemo(() => shopToday(timeZone), [timeZone])
  const days = useMemo(
    () => (preset === "custom" && custom ? custom : presetDays(preset === "custom" ? "last_30" : preset, today, calendar)),
    [preset, custom, today, calendar]
  )
  const invalid =
    days.first > days.last
      ? t("common.validation.dateOrder")
      : daysBetween(days) > MAX_PERIOD_DAYS
        ? t("errors.loyalty_analytics_period_invalid")
        : null

  const period = useMemo(
    () => (settings && !invalid ? periodInstants(days, timeZone) : null),
    [settings, invalid, days, timeZone]
  )
  const query = useMemo<AnalyticsQuery | null>(
    () => (period && currency ? { ...period, currency, calendar } : null),
    [period, currency, calendar]
  )
  const state = useMemo(
    () => ({ query, stem: `${isoDay(days.first)}_${isoDay(days.last)}` }),
    [query, days]
  )

  return (
    <AnalyticsPageContext.Provider value={state}>
      <div className="flex flex-col gap-y-3" data-loyalty-page="analytics">
        <Container className="divide-y p-0" data-testid="analytics-header">
          <div className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row">
            <div className="flex min-w-0 flex-col">
              <Heading level="h1">{t("analytics.title")}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("analytics.description")}
              </Text>
            </div>
            <Freshness />
          </div>
          <PeriodBar
            preset={preset}
            onPresetChange={(next) => {
              // A custom period starts from the days on screen.
              if (next === "custom") setCustom(days)
              setPreset(next)
            }}
            days={days}
            onDaysChange={setCustom}
            currency={currency}
            currencies={currencies}
            onCurrencyChange={setCurrency}
            period={period}
            invalid={invalid}
          />
        </Container>
        <Suspense
          fallback={
            <Container className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                {t("common.states.loading")}
              </Text>
            </Container>
          }
        >
          <AnalyticsSections />
        </Suspense>
      </div>
    </AnalyticsPageContext.Provider>
  )
}

export const config = defineRouteConfig({
  label: "common.nav.analytics",
  translationNs: "loyalty",
  icon: ChartBar,
  rank: 11,
})

export default AnalyticsPage
