import { Text } from "@medusajs/ui"
import { ChannelMix, analyticsTierName, useAnalytics } from "../../../../../lib/analytics"
import { isolate, useAnalyticsFormat } from "../../../../../lib/analytics-format"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { AnalyticsChart, ChartRow, COLORS } from "../chart"
import { csvName, useAnalyticsPage } from "../context"
import { ChartBlock, Section } from "../section"

export const MIX_LABEL = {
  online: "analytics.channels.online",
  store: "analytics.channels.store",
  both: "analytics.channels.both",
} as const satisfies Record<ChannelMix, string>

/**
 * Lifetime value: what a member has spent over all time, on average, by
 * their tier today, by where they buy (online, in store, both) and by the
 * month they joined.
 */
export const LifetimeSection = () => {
  const { t, language } = useLoyaltyTranslation()
  const f = useAnalyticsFormat()
  const { query, stem } = useAnalyticsPage()
  const ltv = useAnalytics("lifetime-value", query)

  return (
    <Section
      id="lifetime"
      title={t("analytics.lifetime.title")}
      description={t("analytics.lifetime.description")}
      query={[ltv]}
    >
      {() => {
        const d = ltv.data!
        const currency = d.currency_code
        const unit = t("analytics.amountsIn", { unit: f.unitWord(currency) })
        const header = [
          t("analytics.csvColumns.members"),
          t("analytics.csvColumns.revenue"),
          t("analytics.csvColumns.ltv"),
          t("analytics.csvColumns.unit"),
        ]
        const row = (key: string, label: string, r: { members: number; revenue: string; ltv: string }): ChartRow => ({
          key,
          label,
          ltv: f.plottedAmount(r.ltv, currency),
          ltvText: r.ltv,
          members: r.members,
          revenue: r.revenue,
        })
        const chart = (rows: ChartRow[], testId: string, color: string) => (
          <AnalyticsChart
            rows={rows}
            series={[{ key: "ltv", label: t("analytics.lifetime.ltv"), color }]}
            tick={f.compact}
            value={(r) => f.amount(String(r.ltvText), currency, true)}
            extra={(r) => (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("analytics.lifetime.tip", {
                  members: f.number(r.members),
                  revenue: isolate(f.amount(String(r.revenue), currency)),
                })}
              </Text>
            )}
            testId={testId}
          />
        )
        const tierLabel = (tier: (typeof d.by_tier)[number]) =>
          tier.tier_id ? analyticsTierName(tier, language) : t("analytics.noTier")
        return (
          <>
            <ChartBlock
              id="ltv-tier"
              title={t("analytics.lifetime.byTier")}
              explanation={t("analytics.lifetime.byTierExplanation")}
              aside={unit}
              empty={!d.by_tier.some((r) => r.members > 0)}
              emptyText={t("analytics.lifetime.empty")}
              csv={() => ({
                name: csvName("ltv-by-tier", stem),
                header: [t("analytics.csvColumns.tierId"), t("analytics.csvColumns.tier"), ...header],
                rows: d.by_tier.map((r) => [r.tier_id, tierLabel(r), r.members, f.csvAmount(r.revenue, currency), f.csvAmount(r.ltv, currency), f.csvUnit(currency)]),
              })}
            >
              {chart(d.by_tier.map((r) => row(r.tier_id ?? "none", tierLabel(r), r)), "analytics-ltv-tier-chart", COLORS.violet)}
            </ChartBlock>
            <ChartBlock
              id="ltv-channel"
              title={t("analytics.lifetime.byChannel")}
              explanation={t("analytics.lifetime.byChannelExplanation")}
              aside={unit}
              empty={!d.by_channel.some((r) => r.members > 0)}
              emptyText={t("analytics.lifetime.empty")}
              csv={() => ({
                name: csvName("ltv-by-channel", stem),
                header: [t("analytics.csvColumns.channel"), t("analytics.csvColumns.label"), ...header],
                rows: d.by_channel.map((r) => [r.mix, t(MIX_LABEL[r.mix]), r.members, f.csvAmount(r.revenue, currency), f.csvAmount(r.ltv, currency), f.csvUnit(currency)]),
              })}
            >
              {chart(d.by_channel.map((r) => row(r.mix, t(MIX_LABEL[r.mix]), r)), "analytics-ltv-channel-chart", COLORS.teal)}
            </ChartBlock>
            <ChartBlock
              id="ltv-join"
              title={t("analytics.lifetime.byJoinMonth")}
              explanation={t("analytics.lifetime.byJoinMonthExplanation")}
              aside={unit}
              empty={!d.by_join_month.some((r) => r.members > 0)}
              emptyText={t("analytics.lifetime.joinEmpty")}
              csv={() => ({
                name: csvName("ltv-by-join-month", stem),
                header: [t("analytics.csvColumns.month"), t("analytics.csvColumns.monthStart"), ...header],
                rows: d.by_join_month.map((r) => [r.month, r.start, r.members, f.csvAmount(r.revenue, currency), f.csvAmount(r.ltv, currency), f.csvUnit(currency)]),
              })}
            >
              {chart(
                d.by_join_month.map((r) => row(r.month, f.monthLabel(r.month, d.calendar), r)),
                "analytics-ltv-join-chart",
                COLORS.blue
              )}
            </ChartBlock>
          </>
        )
      }}
    </Section>
  )
}
