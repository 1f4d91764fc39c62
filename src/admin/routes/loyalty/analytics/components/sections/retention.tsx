import { Text } from "@medusajs/ui"
import { useAnalytics } from "../../../../../lib/analytics"
import { useAnalyticsFormat } from "../../../../../lib/analytics-format"
import { plotted } from "../../../../../lib/analytics-numbers"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { csvName, useAnalyticsPage } from "../context"
import { ChartBlock, Section } from "../section"

/** A cell's shade: the share's strength in the chart's blue; white text on the dark ones. */
function shade(ratio: string) {
  const share = Math.min(1, Math.max(0, plotted(ratio)))
  return {
    backgroundColor: `rgba(59, 130, 246, ${share === 0 ? 0.04 : 0.12 + share * 0.78})`,
    color: share > 0.45 ? "#ffffff" : undefined,
  }
}

/**
 * Retention: customers grouped by the month of their first order (months
 * of the admin's calendar), and for each later month the share of them
 * who ordered in it, as a table of shaded cells (a heatmap).
 */
export const RetentionSection = () => {
  const { t } = useLoyaltyTranslation()
  const f = useAnalyticsFormat()
  const { query, stem } = useAnalyticsPage()
  const retention = useAnalytics("retention", query)

  return (
    <Section
      id="retention"
      title={t("analytics.retention.title")}
      description={t("analytics.retention.description")}
      query={[retention]}
    >
      {() => {
        const d = retention.data!
        const width = Math.max(0, ...d.cohorts.map((c) => c.retained.length))
        const later = Array.from({ length: width }, (_, i) => i + 1)
        // Cohorts with customers but no later month yet (the period's last month).
        const tooEarly = !d.cohorts.some((c) => c.customers > 0 && c.retained.length > 0)
        return (
          <ChartBlock
            id="retention"
            title={t("analytics.retention.chartTitle")}
            explanation={t("analytics.retention.explanation")}
            empty={!d.cohorts.some((c) => c.customers > 0)}
            emptyText={t("analytics.retention.empty")}
            csv={() => ({
              name: csvName("retention", stem),
              header: [
                t("analytics.csvColumns.cohort"),
                t("analytics.csvColumns.monthStart"),
                t("analytics.csvColumns.customers"),
                ...later.map((k) => t("analytics.retention.later", { n: k })),
              ],
              rows: d.cohorts.map((c) => [c.month, c.start, c.customers, ...later.map((k) => c.retained[k - 1] ?? null)]),
            })}
          >
            <div className="overflow-x-auto">
              <table className="w-full border-separate border-spacing-0.5 text-start" data-testid="analytics-retention-table">
                <thead>
                  <tr className="txt-compact-xsmall-plus text-ui-fg-subtle">
                    <th className="whitespace-nowrap px-2 py-1.5 text-start font-normal">{t("analytics.retention.cohort")}</th>
                    <th className="whitespace-nowrap px-2 py-1.5 text-start font-normal">{t("analytics.retention.customers")}</th>
                    {later.map((k) => (
                      <th key={k} className="whitespace-nowrap px-2 py-1.5 text-center font-normal">
                        {t("analytics.retention.later", { n: f.number(k) })}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.cohorts.map((c) => (
                    <tr key={c.month} data-testid="analytics-cohort" data-month={c.month}>
                      <td className="whitespace-nowrap px-2 py-1.5">
                        <Text size="small" weight="plus">
                          {f.monthLabel(c.month, d.calendar)}
                        </Text>
                      </td>
                      <td className="px-2 py-1.5">
                        <Text size="small">{f.number(c.customers)}</Text>
                      </td>
                      {later.map((k) => {
                        const value = c.retained[k - 1]
                        if (value === undefined) return <td key={k} />
                        // No first order that month: a share of nobody is no figure.
                        if (c.customers === 0) {
                          return (
                            <td key={k} className="txt-compact-xsmall text-ui-fg-muted px-2 py-1.5 text-center" data-testid="analytics-cohort-cell">
                              —
                            </td>
                          )
                        }
                        return (
                          <td
                            key={k}
                            className="txt-compact-xsmall-plus min-w-[56px] rounded px-2 py-1.5 text-center"
                            style={shade(value)}
                            title={t("analytics.retention.cellTip", {
                              share: f.share(value),
                              n: f.number(k),
                              cohort: f.monthLabel(c.month, d.calendar),
                            })}
                            data-testid="analytics-cohort-cell"
                          >
                            {f.share(value)}
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {tooEarly && (
              <Text size="xsmall" className="text-ui-fg-muted" data-testid="analytics-retention-too-early">
                {t("analytics.retention.tooEarly")}
              </Text>
            )}
          </ChartBlock>
        )
      }}
    </Section>
  )
}
