import { Text } from "@medusajs/ui"
import { analyticsTierName, useAnalytics } from "../../../../../lib/analytics"
import { isolate, useAnalyticsFormat } from "../../../../../lib/analytics-format"
import { isZero } from "../../../../../lib/analytics-numbers"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { AnalyticsChart, ChartRow, COLORS } from "../chart"
import { csvName, useAnalyticsPage } from "../context"
import { ChartBlock, Delta, FigureCard, FigureGrid, Section } from "../section"

/**
 * Behaviour: how often customers come back and buy, and what an order is
 * worth for members against everyone else, and per tier.
 */
export const BehaviourSection = () => {
  const { t, language } = useLoyaltyTranslation()
  const f = useAnalyticsFormat()
  const { query, stem } = useAnalyticsPage()
  const behaviour = useAnalytics("behaviour", query)

  return (
    <Section
      id="behaviour"
      title={t("analytics.behaviour.title")}
      description={t("analytics.behaviour.description")}
      query={[behaviour]}
    >
      {() => {
        const d = behaviour.data!
        const currency = d.currency_code
        const p = d.previous
        const aovRows: ChartRow[] = [
          { key: "members", label: t("analytics.behaviour.members"), current: f.plottedAmount(d.aov.members, currency), previous: f.plottedAmount(p.aov.members, currency), currentText: d.aov.members, previousText: p.aov.members },
          { key: "non_members", label: t("analytics.behaviour.nonMembers"), current: f.plottedAmount(d.aov.non_members, currency), previous: f.plottedAmount(p.aov.non_members, currency), currentText: d.aov.non_members, previousText: p.aov.non_members },
        ]
        const tierLabel = (tier: (typeof d.by_tier)[number]) =>
          tier.tier_id ? analyticsTierName(tier, language) : t("analytics.noTier")
        const tierRows: ChartRow[] = d.by_tier.map((tier) => ({
          key: tier.tier_id ?? "none",
          label: tierLabel(tier),
          aov: f.plottedAmount(tier.aov, currency),
          aovText: tier.aov,
          members: tier.members,
          orders: tier.orders,
          revenue: tier.revenue,
        }))
        const money = (v: number) => f.compact(v)
        const unit = t("analytics.amountsIn", { unit: f.unitWord(currency) })
        return (
          <>
            <ChartBlock
              id="behaviour"
              title={t("analytics.behaviour.cards")}
              explanation={t("analytics.behaviour.explanation")}
              empty={d.orders === 0 && isZero(p.frequency)}
              emptyText={t("analytics.behaviour.empty")}
              csv={() => ({
                name: csvName("behaviour", stem),
                header: [
                  t("analytics.csvColumns.figure"),
                  t("analytics.csvColumns.label"),
                  t("analytics.csvColumns.thisPeriod"),
                  t("analytics.csvColumns.previousPeriod"),
                ],
                rows: [
                  ["customers", t("analytics.behaviour.customers"), d.customers, null],
                  ["orders", t("analytics.behaviour.orders"), d.orders, null],
                  ["repurchase_rate", t("analytics.behaviour.repurchase"), d.repurchase_rate, p.repurchase_rate],
                  ["frequency", t("analytics.behaviour.frequency"), d.frequency, p.frequency],
                ],
              })}
            >
              <FigureGrid>
                <FigureCard
                  label={t("analytics.behaviour.repurchase")}
                  value={f.share(d.repurchase_rate)}
                  delta={<Delta current={d.repurchase_rate} previous={p.repurchase_rate} points previousText={f.share(p.repurchase_rate)} />}
                  hint={t("analytics.behaviour.repurchaseHint")}
                  testId="analytics-behaviour-repurchase"
                />
                <FigureCard
                  label={t("analytics.behaviour.frequency")}
                  value={f.decimal(d.frequency)}
                  delta={<Delta current={d.frequency} previous={p.frequency} previousText={f.decimal(p.frequency)} />}
                  hint={t("analytics.behaviour.frequencyHint")}
                  testId="analytics-behaviour-frequency"
                />
                <FigureCard
                  label={t("analytics.behaviour.customers")}
                  value={f.number(d.customers)}
                  testId="analytics-behaviour-customers"
                />
                <FigureCard
                  label={t("analytics.behaviour.orders")}
                  value={f.number(d.orders)}
                  testId="analytics-behaviour-orders"
                />
              </FigureGrid>
            </ChartBlock>
            <ChartBlock
              id="aov"
              title={t("analytics.behaviour.aovTitle")}
              explanation={t("analytics.behaviour.aovExplanation")}
              aside={unit}
              empty={isZero(d.aov.members) && isZero(d.aov.non_members) && isZero(p.aov.members) && isZero(p.aov.non_members)}
              emptyText={t("analytics.behaviour.empty")}
              csv={() => ({
                name: csvName("aov", stem),
                header: [
                  t("analytics.csvColumns.group"),
                  t("analytics.csvColumns.thisPeriod"),
                  t("analytics.csvColumns.previousPeriod"),
                  t("analytics.csvColumns.unit"),
                ],
                rows: aovRows.map((r) => [r.label, f.csvAmount(String(r.currentText), currency), f.csvAmount(String(r.previousText), currency), f.csvUnit(currency)]),
              })}
            >
              <AnalyticsChart
                rows={aovRows}
                series={[
                  { key: "current", label: t("analytics.thisPeriod"), color: COLORS.blue },
                  { key: "previous", label: t("analytics.previousPeriod"), color: COLORS.slate },
                ]}
                tick={money}
                value={(row, key) => f.amount(String(row[`${key}Text`]), currency, true)}
                testId="analytics-aov-chart"
              />
            </ChartBlock>
            <ChartBlock
              id="aov-tier"
              title={t("analytics.behaviour.tierTitle")}
              explanation={t("analytics.behaviour.tierExplanation")}
              aside={unit}
              empty={!d.by_tier.some((tier) => tier.orders > 0)}
              emptyText={t("analytics.behaviour.tierEmpty")}
              csv={() => ({
                name: csvName("aov-by-tier", stem),
                header: [
                  t("analytics.csvColumns.tierId"),
                  t("analytics.csvColumns.tier"),
                  t("analytics.csvColumns.members"),
                  t("analytics.csvColumns.orders"),
                  t("analytics.csvColumns.revenue"),
                  t("analytics.csvColumns.aov"),
                  t("analytics.csvColumns.unit"),
                ],
                rows: d.by_tier.map((tier) => [tier.tier_id, tierLabel(tier), tier.members, tier.orders, f.csvAmount(tier.revenue, currency), f.csvAmount(tier.aov, currency), f.csvUnit(currency)]),
              })}
            >
              <AnalyticsChart
                rows={tierRows}
                series={[{ key: "aov", label: t("analytics.behaviour.aov"), color: COLORS.violet }]}
                tick={money}
                value={(row) => f.amount(String(row.aovText), currency, true)}
                extra={(row) => (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {t("analytics.behaviour.tierTip", {
                      members: f.number(row.members),
                      orders: f.number(row.orders),
                      revenue: isolate(f.amount(String(row.revenue), currency)),
                    })}
                  </Text>
                )}
                testId="analytics-aov-tier-chart"
              />
            </ChartBlock>
          </>
        )
      }}
    </Section>
  )
}
