import { analyticsTierName, useAnalytics } from "../../../../../lib/analytics"
import { useAnalyticsFormat } from "../../../../../lib/analytics-format"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { AnalyticsChart, ChartRow, COLORS, rankedColor, Series } from "../chart"
import { csvName, useAnalyticsPage } from "../context"
import { ChartBlock, Section } from "../section"

/**
 * Tiers over time: how many members each tier held at each month's end,
 * and how many moved up or down (or out) each month.
 */
export const TiersSection = () => {
  const { t, language } = useLoyaltyTranslation()
  const f = useAnalyticsFormat()
  const { query, stem } = useAnalyticsPage()
  const tiers = useAnalytics("tiers", query)

  return (
    <Section
      id="tiers"
      title={t("analytics.tiers.title")}
      description={t("analytics.tiers.description")}
      query={[tiers]}
    >
      {() => {
        const d = tiers.data!
        const ordered = [...d.tiers].sort((a, b) => a.rank - b.rank)
        const series: Series[] = ordered.map((tier, i) => ({
          key: `tier_${tier.id}`,
          label: analyticsTierName(tier, language),
          color: rankedColor(i, ordered.length),
          stack: "members",
        }))
        const memberRows: ChartRow[] = d.months.map((m) => ({
          key: m.month,
          label: f.monthLabel(m.month, d.calendar),
          ...Object.fromEntries(ordered.map((tier) => [`tier_${tier.id}`, m.members[tier.id] ?? 0])),
        }))
        const moveRows: ChartRow[] = d.months.map((m) => ({
          key: m.month,
          label: f.monthLabel(m.month, d.calendar),
          upgrades: m.upgrades,
          downgrades: m.downgrades,
        }))
        const anyMembers = d.months.some((m) => ordered.some((tier) => (m.members[tier.id] ?? 0) > 0))
        const anyMoves = d.months.some((m) => m.upgrades + m.downgrades > 0)
        return (
          <>
            <ChartBlock
              id="tier-members"
              title={t("analytics.tiers.membersTitle")}
              explanation={t("analytics.tiers.membersExplanation")}
              empty={!ordered.length || !anyMembers}
              emptyText={ordered.length ? t("analytics.tiers.membersEmpty") : t("analytics.tiers.noTiers")}
              csv={() => ({
                name: csvName("tier-members", stem),
                header: [
                  t("analytics.csvColumns.month"),
                  t("analytics.csvColumns.monthStart"),
                  ...ordered.map((tier) => analyticsTierName(tier, language)),
                ],
                rows: d.months.map((m) => [m.month, m.start, ...ordered.map((tier) => m.members[tier.id] ?? 0)]),
              })}
            >
              <AnalyticsChart
                kind="area"
                rows={memberRows}
                series={series}
                tick={f.compact}
                value={(row, key) => f.number(row[key] ?? 0)}
                integer
                testId="analytics-tier-members-chart"
              />
            </ChartBlock>
            <ChartBlock
              id="tier-moves"
              title={t("analytics.tiers.movesTitle")}
              explanation={t("analytics.tiers.movesExplanation")}
              empty={!anyMoves}
              emptyText={t("analytics.tiers.movesEmpty")}
              csv={() => ({
                name: csvName("tier-moves", stem),
                header: [
                  t("analytics.csvColumns.month"),
                  t("analytics.csvColumns.monthStart"),
                  t("analytics.tiers.upgrades"),
                  t("analytics.tiers.downgrades"),
                ],
                rows: d.months.map((m) => [m.month, m.start, m.upgrades, m.downgrades]),
              })}
            >
              <AnalyticsChart
                rows={moveRows}
                series={[
                  { key: "upgrades", label: t("analytics.tiers.upgrades"), color: COLORS.green },
                  { key: "downgrades", label: t("analytics.tiers.downgrades"), color: COLORS.rose },
                ]}
                tick={f.compact}
                value={(row, key) => f.number(row[key])}
                integer
                testId="analytics-tier-moves-chart"
              />
            </ChartBlock>
          </>
        )
      }}
    </Section>
  )
}
