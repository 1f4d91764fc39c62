import { useAnalytics, WalletFlows } from "../../../../../lib/analytics"
import { useAnalyticsFormat } from "../../../../../lib/analytics-format"
import { isZero } from "../../../../../lib/analytics-numbers"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { AnalyticsChart, ChartRow, COLORS } from "../chart"
import { csvName, useAnalyticsPage } from "../context"
import { Better, ChartBlock, Delta, FigureCard, FigureGrid, Section } from "../section"

const FLOWS = ["issued", "released", "redeemed", "expired", "taken_back"] as const

const FLOW_LABEL = {
  issued: "analytics.wallet.flows.issued",
  released: "analytics.wallet.flows.released",
  redeemed: "analytics.wallet.flows.redeemed",
  expired: "analytics.wallet.flows.expired",
  taken_back: "analytics.wallet.flows.takenBack",
} as const satisfies Record<(typeof FLOWS)[number], string>

/**
 * The wallet: the cashback issued, released, redeemed, expired and taken
 * back in the period against the one before, what share was redeemed, what
 * cashback cost against members' revenue, and what the club owes today,
 * by the month it expires.
 */
export const WalletSection = () => {
  const { t } = useLoyaltyTranslation()
  const f = useAnalyticsFormat()
  const { query, stem } = useAnalyticsPage()
  const wallet = useAnalytics("wallet", query)
  const liability = useAnalytics("liability", query)

  return (
    <Section
      id="wallet"
      title={t("analytics.wallet.title")}
      description={t("analytics.wallet.description")}
      query={[wallet, liability]}
    >
      {() => {
        const d = wallet.data!
        const l = liability.data!
        const currency = d.currency_code
        const p = d.previous
        const unit = t("analytics.amountsIn", { unit: f.unitWord(currency) })
        const flowRows: ChartRow[] = FLOWS.map((flow) => ({
          key: flow,
          label: t(FLOW_LABEL[flow]),
          current: f.plottedAmount(d[flow], currency),
          previous: f.plottedAmount(p[flow], currency),
          currentText: d[flow],
          previousText: p[flow],
        }))
        const card = (
          key: keyof WalletFlows,
          label: string,
          kind: "amount" | "ratio",
          better: Better,
          hint?: string
        ) => {
          const show = (v: string) => (kind === "ratio" ? f.share(v) : f.amount(v, currency))
          return (
            <FigureCard
              label={label}
              value={show(d[key])}
              delta={<Delta current={d[key]} previous={p[key]} points={kind === "ratio"} better={better} previousText={show(p[key])} />}
              hint={hint}
              testId={`analytics-wallet-${key}`}
            />
          )
        }
        const liabilityRows: ChartRow[] = [
          ...l.by_month.map((m) => ({
            key: m.month,
            label: f.monthLabel(m.month, l.calendar),
            amount: f.plottedAmount(m.amount, currency),
            amountText: m.amount,
          })),
          ...(isZero(l.no_expiry)
            ? []
            : [{ key: "none", label: t("analytics.wallet.liability.noExpiry"), amount: f.plottedAmount(l.no_expiry, currency), amountText: l.no_expiry }]),
        ]
        return (
          <>
            <ChartBlock
              id="wallet"
              title={t("analytics.wallet.cards")}
              explanation={t("analytics.wallet.explanation")}
              empty={FLOWS.every((flow) => isZero(d[flow]) && isZero(p[flow])) && isZero(d.member_revenue)}
              emptyText={t("analytics.wallet.empty")}
              csv={() => ({
                name: csvName("wallet", stem),
                header: [
                  t("analytics.csvColumns.figure"),
                  t("analytics.csvColumns.label"),
                  t("analytics.csvColumns.thisPeriod"),
                  t("analytics.csvColumns.previousPeriod"),
                  t("analytics.csvColumns.unit"),
                ],
                rows: [
                  ...FLOWS.map((flow) => [flow, t(FLOW_LABEL[flow]), f.csvAmount(d[flow], currency), f.csvAmount(p[flow], currency), f.csvUnit(currency)]),
                  ["redemption_rate", t("analytics.wallet.redemptionRate"), d.redemption_rate, p.redemption_rate, null],
                  ["member_revenue", t("analytics.wallet.memberRevenue"), f.csvAmount(d.member_revenue, currency), f.csvAmount(p.member_revenue, currency), f.csvUnit(currency)],
                  ["cost_share", t("analytics.wallet.costShare"), d.cost_share, p.cost_share, null],
                ],
              })}
            >
              <FigureGrid>
                {card("issued", t("analytics.wallet.flows.issued"), "amount", "neither", t("analytics.wallet.issuedHint"))}
                {card("redemption_rate", t("analytics.wallet.redemptionRate"), "ratio", "up", t("analytics.wallet.redemptionHint"))}
                {card("cost_share", t("analytics.wallet.costShare"), "ratio", "down", t("analytics.wallet.costHint"))}
                {card("member_revenue", t("analytics.wallet.memberRevenue"), "amount", "up")}
              </FigureGrid>
            </ChartBlock>
            <ChartBlock
              id="wallet-flows"
              title={t("analytics.wallet.flowsTitle")}
              explanation={t("analytics.wallet.flowsExplanation")}
              aside={unit}
              empty={FLOWS.every((flow) => isZero(d[flow]) && isZero(p[flow]))}
              emptyText={t("analytics.wallet.empty")}
              csv={() => ({
                name: csvName("wallet-flows", stem),
                header: [
                  t("analytics.csvColumns.flow"),
                  t("analytics.csvColumns.label"),
                  t("analytics.csvColumns.thisPeriod"),
                  t("analytics.csvColumns.previousPeriod"),
                  t("analytics.csvColumns.unit"),
                ],
                rows: FLOWS.map((flow) => [flow, t(FLOW_LABEL[flow]), f.csvAmount(d[flow], currency), f.csvAmount(p[flow], currency), f.csvUnit(currency)]),
              })}
            >
              <AnalyticsChart
                rows={flowRows}
                series={[
                  { key: "current", label: t("analytics.thisPeriod"), color: COLORS.teal },
                  { key: "previous", label: t("analytics.previousPeriod"), color: COLORS.slate },
                ]}
                tick={f.compact}
                value={(row, key) => f.amount(String(row[`${key}Text`]), currency)}
                testId="analytics-wallet-flows-chart"
              />
            </ChartBlock>
            <ChartBlock
              id="liability"
              title={t("analytics.wallet.liability.title")}
              explanation={t("analytics.wallet.liability.explanation")}
              aside={unit}
              empty={isZero(l.total) && isZero(l.pending) && l.wallets === 0}
              emptyText={t("analytics.wallet.liability.empty")}
              csv={() => ({
                name: csvName("liability", stem),
                header: [
                  t("analytics.csvColumns.month"),
                  t("analytics.csvColumns.monthStart"),
                  t("analytics.csvColumns.amount"),
                  t("analytics.csvColumns.unit"),
                ],
                rows: [
                  ...l.by_month.map((m) => [m.month, m.start, f.csvAmount(m.amount, currency), f.csvUnit(currency)]),
                  [t("analytics.wallet.liability.noExpiry"), null, f.csvAmount(l.no_expiry, currency), f.csvUnit(currency)],
                  [t("analytics.wallet.liability.pending"), null, f.csvAmount(l.pending, currency), f.csvUnit(currency)],
                  [t("analytics.wallet.liability.total"), null, f.csvAmount(l.total, currency), f.csvUnit(currency)],
                ],
              })}
            >
              <FigureGrid>
                <FigureCard
                  label={t("analytics.wallet.liability.total")}
                  value={f.amount(l.total, currency)}
                  hint={t("analytics.wallet.liability.wallets", { n: f.number(l.wallets) })}
                  testId="analytics-liability-total"
                />
                <FigureCard
                  label={t("analytics.wallet.liability.available")}
                  value={f.amount(l.available, currency)}
                  testId="analytics-liability-available"
                />
                <FigureCard
                  label={t("analytics.wallet.liability.pending")}
                  value={f.amount(l.pending, currency)}
                  hint={t("analytics.wallet.liability.pendingHint")}
                  testId="analytics-liability-pending"
                />
                <FigureCard
                  label={t("analytics.wallet.liability.noExpiry")}
                  value={f.amount(l.no_expiry, currency)}
                  testId="analytics-liability-no-expiry"
                />
              </FigureGrid>
              {liabilityRows.length > 0 && (
                <AnalyticsChart
                  rows={liabilityRows}
                  series={[{ key: "amount", label: t("analytics.wallet.liability.expiring"), color: COLORS.amber }]}
                  tick={f.compact}
                  value={(row) => f.amount(String(row.amountText), currency)}
                  colorOf={(row) => (row.key === "none" ? COLORS.slate : undefined)}
                  testId="analytics-liability-chart"
                />
              )}
            </ChartBlock>
          </>
        )
      }}
    </Section>
  )
}
