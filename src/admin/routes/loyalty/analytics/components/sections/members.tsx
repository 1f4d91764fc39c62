import { useAnalytics } from "../../../../../lib/analytics"
import { useAnalyticsFormat } from "../../../../../lib/analytics-format"
import { useLoyaltyTranslation } from "../../../../../lib/i18n"
import { csvName, useAnalyticsPage } from "../context"
import { ChartBlock, Delta, FigureCard, FigureGrid, Section } from "../section"

/**
 * Members: everyone in the club, who joined in the period, who ordered in
 * it, and the share of the shop's orders members placed.
 */
export const MembersSection = () => {
  const { t } = useLoyaltyTranslation()
  const { number, share } = useAnalyticsFormat()
  const { query, stem } = useAnalyticsPage()
  const members = useAnalytics("members", query)

  return (
    <Section
      id="members"
      title={t("analytics.members.title")}
      description={t("analytics.members.description")}
      query={[members]}
    >
      {() => {
        const d = members.data!
        const p = d.previous
        const figures = [
          ["total", t("analytics.members.total"), d.total, null],
          ["new", t("analytics.members.new"), d.new, p.new],
          ["active", t("analytics.members.active"), d.active, p.active],
          ["orders", t("analytics.members.orders"), d.orders, p.orders],
          ["member_orders", t("analytics.members.memberOrders"), d.member_orders, p.member_orders],
          ["member_orders_share", t("analytics.members.share"), d.member_orders_share, p.member_orders_share],
        ] as const
        return (
          <ChartBlock
            id="members"
            title={t("analytics.members.cards")}
            explanation={t("analytics.members.explanation")}
            empty={d.total === 0 && d.orders === 0}
            emptyText={t("analytics.members.empty")}
            csv={() => ({
              name: csvName("members", stem),
              header: [
                t("analytics.csvColumns.figure"),
                t("analytics.csvColumns.label"),
                t("analytics.csvColumns.thisPeriod"),
                t("analytics.csvColumns.previousPeriod"),
              ],
              rows: figures.map(([key, label, value, before]) => [key, label, value, before]),
            })}
          >
            <FigureGrid>
              <FigureCard
                label={t("analytics.members.total")}
                value={number(d.total)}
                hint={t("analytics.members.totalHint")}
                testId="analytics-members-total"
              />
              <FigureCard
                label={t("analytics.members.new")}
                value={number(d.new)}
                delta={<Delta current={d.new} previous={p.new} previousText={number(p.new)} />}
                testId="analytics-members-new"
              />
              <FigureCard
                label={t("analytics.members.active")}
                value={number(d.active)}
                delta={<Delta current={d.active} previous={p.active} previousText={number(p.active)} />}
                hint={t("analytics.members.activeHint")}
                testId="analytics-members-active"
              />
              <FigureCard
                label={t("analytics.members.share")}
                value={share(d.member_orders_share)}
                delta={
                  <Delta
                    current={d.member_orders_share}
                    previous={p.member_orders_share}
                    points
                    previousText={share(p.member_orders_share)}
                  />
                }
                hint={t("analytics.members.shareHint", {
                  members: number(d.member_orders),
                  orders: number(d.orders),
                })}
                testId="analytics-members-share"
              />
            </FigureGrid>
          </ChartBlock>
        )
      }}
    </Section>
  )
}
