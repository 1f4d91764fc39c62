import { Table } from "@medusajs/ui"
import { ReactNode } from "react"
import { Link } from "react-router-dom"
import { Data } from "../../../../../components/ltr"
import { ProgrammeFigures, useAnalytics } from "../../../../../lib/analytics"
import { useAnalyticsFormat } from "../../../../../lib/analytics-format"
import { isZero } from "../../../../../lib/analytics-numbers"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { OCCASION_LABEL, OccasionKind } from "../../../../../lib/occasions"
import { csvName, useAnalyticsPage } from "../context"
import { ChartBlock, FigureCard, FigureGrid, Money, Section } from "../section"

/**
 * The programmes in the period, each with what it cost, the orders it
 * brought and their revenue: code batches, occasions and referrals.
 */
export const ProgrammesSection = () => {
  const { t } = useLoyaltyTranslation()
  const f = useAnalyticsFormat()
  const { query, stem } = useAnalyticsPage()
  const programmes = useAnalytics("programmes", query)

  return (
    <Section
      id="programmes"
      title={t("analytics.programmes.title")}
      description={t("analytics.programmes.description")}
      query={[programmes]}
    >
      {() => {
        const d = programmes.data!
        const currency = d.currency_code
        const header = [
          t("analytics.csvColumns.cost"),
          t("analytics.csvColumns.orders"),
          t("analytics.csvColumns.revenue"),
          t("analytics.csvColumns.unit"),
        ]
        const table = (testId: string, first: string, rows: { key: string; name: ReactNode; figures: ProgrammeFigures }[]) => (
          <Table className="[&_th]:text-start" data-testid={testId}>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{first}</Table.HeaderCell>
                <Table.HeaderCell>{t("analytics.programmes.cost")}</Table.HeaderCell>
                <Table.HeaderCell>{t("analytics.programmes.orders")}</Table.HeaderCell>
                <Table.HeaderCell>{t("analytics.programmes.revenue")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.key} data-testid="analytics-programme-row">
                  <Table.Cell>{r.name}</Table.Cell>
                  <Table.Cell>
                        <Money amount={r.figures.cost} currency={currency} />
                      </Table.Cell>
                  <Table.Cell>{f.number(r.figures.orders)}</Table.Cell>
                  <Table.Cell>
                        <Money amount={r.figures.revenue} currency={currency} />
                      </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )
        const kindLabel = (kind: string) =>
          kind in OCCASION_LABEL ? t(OCCASION_LABEL[kind as OccasionKind]) : kind
        // Rows with something to show: a programme that cost nothing and brought nothing is left out (the CSV keeps it).
        const active = <T extends ProgrammeFigures>(rows: T[]) => rows.filter((row) => !isZero(row.cost) || row.orders > 0)
        const codes = active(d.codes)
        const occasions = active(d.occasions)
        const r = d.referrals
        return (
          <>
            <ChartBlock
              id="codes"
              title={t("analytics.programmes.codesTitle")}
              explanation={t("analytics.programmes.codesExplanation")}
              empty={codes.length === 0}
              emptyText={t("analytics.programmes.codesEmpty")}
              csv={() => ({
                name: csvName("code-batches", stem),
                header: [t("analytics.csvColumns.batchId"), t("analytics.csvColumns.batch"), ...header],
                rows: d.codes.map((c) => [c.batch_id, c.name, f.csvAmount(c.cost, currency), c.orders, f.csvAmount(c.revenue, currency), f.csvUnit(currency)]),
              })}
            >
              {table(
                "analytics-codes-table",
                t("analytics.programmes.batch"),
                codes.map((c) => ({
                  key: c.batch_id,
                  name: (
                    <Link to={`/loyalty/codes/${c.batch_id}`} className="text-ui-fg-interactive hover:underline">
                      <Data>{c.name}</Data>
                    </Link>
                  ),
                  figures: c,
                }))
              )}
            </ChartBlock>
            <ChartBlock
              id="occasions"
              title={t("analytics.programmes.occasionsTitle")}
              explanation={t("analytics.programmes.occasionsExplanation")}
              empty={occasions.length === 0}
              emptyText={t("analytics.programmes.occasionsEmpty")}
              csv={() => ({
                name: csvName("occasions", stem),
                header: [t("analytics.csvColumns.kind"), t("analytics.csvColumns.label"), ...header],
                rows: d.occasions.map((o) => [o.kind, kindLabel(o.kind), f.csvAmount(o.cost, currency), o.orders, f.csvAmount(o.revenue, currency), f.csvUnit(currency)]),
              })}
            >
              {table(
                "analytics-occasions-table",
                t("analytics.programmes.occasion"),
                occasions.map((o) => ({ key: o.kind, name: kindLabel(o.kind), figures: o }))
              )}
            </ChartBlock>
            <ChartBlock
              id="referrals"
              title={t("analytics.programmes.referralsTitle")}
              explanation={t("analytics.programmes.referralsExplanation")}
              empty={r.referrals === 0 && r.orders === 0 && isZero(r.cost)}
              emptyText={t("analytics.programmes.referralsEmpty")}
              csv={() => ({
                name: csvName("referrals", stem),
                header: [t("analytics.csvColumns.referrals"), ...header],
                rows: [[r.referrals, f.csvAmount(r.cost, currency), r.orders, f.csvAmount(r.revenue, currency), f.csvUnit(currency)]],
              })}
            >
              <FigureGrid>
                <FigureCard label={t("analytics.programmes.referrals")} value={f.number(r.referrals)} testId="analytics-referrals-count" />
                <FigureCard label={t("analytics.programmes.cost")} value={f.amount(r.cost, currency)} testId="analytics-referrals-cost" />
                <FigureCard label={t("analytics.programmes.orders")} value={f.number(r.orders)} testId="analytics-referrals-orders" />
                <FigureCard label={t("analytics.programmes.revenue")} value={f.amount(r.revenue, currency)} testId="analytics-referrals-revenue" />
              </FigureGrid>
            </ChartBlock>
          </>
        )
      }}
    </Section>
  )
}
