import { Table } from "@medusajs/ui"
import { useAnalytics } from "../../../../../lib/analytics"
import { useAnalyticsFormat } from "../../../../../lib/analytics-format"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { Data } from "../../../../../components/ltr"
import { AnalyticsChart, ChartRow, COLORS } from "../chart"
import { csvName, useAnalyticsPage } from "../context"
import { ChartBlock, Money, Section } from "../section"

/**
 * Online and in store: per month, the customers who bought only online,
 * only in the shop, or both; and the in-store purchases by till location.
 */
export const OmnichannelSection = () => {
  const { t } = useLoyaltyTranslation()
  const f = useAnalyticsFormat()
  const { query, stem } = useAnalyticsPage()
  const omni = useAnalytics("omnichannel", query)

  return (
    <Section
      id="omnichannel"
      title={t("analytics.omnichannel.title")}
      description={t("analytics.omnichannel.description")}
      query={[omni]}
    >
      {() => {
        const d = omni.data!
        const currency = d.currency_code
        const rows: ChartRow[] = d.months.map((m) => ({
          key: m.month,
          label: f.monthLabel(m.month, d.calendar),
          online: m.online,
          store: m.store,
          both: m.both,
        }))
        return (
          <>
            <ChartBlock
              id="omnichannel"
              title={t("analytics.omnichannel.chartTitle")}
              explanation={t("analytics.omnichannel.explanation")}
              empty={!d.months.some((m) => m.online + m.store + m.both > 0)}
              emptyText={t("analytics.omnichannel.empty")}
              csv={() => ({
                name: csvName("omnichannel", stem),
                header: [
                  t("analytics.csvColumns.month"),
                  t("analytics.csvColumns.monthStart"),
                  t("analytics.channels.online"),
                  t("analytics.channels.store"),
                  t("analytics.channels.both"),
                ],
                rows: d.months.map((m) => [m.month, m.start, m.online, m.store, m.both]),
              })}
            >
              <AnalyticsChart
                rows={rows}
                series={[
                  { key: "online", label: t("analytics.channels.online"), color: COLORS.blue, stack: "customers" },
                  { key: "store", label: t("analytics.channels.store"), color: COLORS.amber, stack: "customers" },
                  { key: "both", label: t("analytics.channels.both"), color: COLORS.teal, stack: "customers" },
                ]}
                tick={f.compact}
                value={(row, key) => f.number(row[key])}
                integer
                testId="analytics-omnichannel-chart"
              />
            </ChartBlock>
            <ChartBlock
              id="locations"
              title={t("analytics.omnichannel.locationsTitle")}
              explanation={t("analytics.omnichannel.locationsExplanation")}
              empty={d.locations.length === 0}
              emptyText={t("analytics.omnichannel.locationsEmpty")}
              csv={() => ({
                name: csvName("locations", stem),
                header: [
                  t("analytics.csvColumns.location"),
                  t("analytics.csvColumns.orders"),
                  t("analytics.csvColumns.revenue"),
                  t("analytics.csvColumns.unit"),
                ],
                rows: d.locations.map((l) => [l.location, l.orders, f.csvAmount(l.revenue, currency), f.csvUnit(currency)]),
              })}
            >
              <Table className="[&_th]:text-start" data-testid="analytics-locations-table">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("analytics.omnichannel.location")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("analytics.omnichannel.orders")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("analytics.omnichannel.revenue")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {d.locations.map((l) => (
                    <Table.Row key={l.location} data-testid="analytics-location">
                      <Table.Cell>
                        <Data>{l.location || t("analytics.omnichannel.noLocation")}</Data>
                      </Table.Cell>
                      <Table.Cell>{f.number(l.orders)}</Table.Cell>
                      <Table.Cell>
                        <Money amount={l.revenue} currency={currency} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ChartBlock>
          </>
        )
      }}
    </Section>
  )
}
