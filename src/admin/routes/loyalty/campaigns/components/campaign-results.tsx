import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useErrorText } from "../../../../lib/api"
import { CampaignResults, GroupResult, useCampaignResults } from "../../../../lib/campaigns"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useStoreCurrencies } from "../../../../lib/query"

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" data-testid={testId}>
      {value}
    </Text>
  </div>
)

/** "12.5%" from "0.1250" (a share 0..1 as a decimal string), in the admin's digits. */
const usePercent = () => {
  const { locale } = useLoyaltyTranslation()
  return (share: number | string) =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(Number(share))
}

/**
 * How a sent campaign did: messages sent, delivered, failed and opted out,
 * gifts given and used; the targets against the holdout per head over the
 * results window, and the lift with its 95% confidence interval in one
 * sentence a shop owner can read.
 */
export const CampaignResultsView = ({ campaignId }: { campaignId: string }) => {
  const { t } = useLoyaltyTranslation()
  const { number, money, date } = useFormat()
  const errorText = useErrorText()
  const percent = usePercent()
  const { data: currencies } = useStoreCurrencies()
  const { data, error, isPending } = useCampaignResults(campaignId, true)
  const currency = (data as CampaignResults | undefined)?.currency_code ?? currencies?.[0] ?? "irr"

  const rows: { key: string; label: string; value: (g: GroupResult) => string }[] = [
    { key: "customers", label: t("campaigns.results.customers"), value: (g) => number(g.customers) },
    { key: "buyers", label: t("campaigns.results.buyers"), value: (g) => number(g.buyers) },
    { key: "conversion", label: t("campaigns.results.conversion"), value: (g) => percent(g.conversion) },
    { key: "orders", label: t("campaigns.results.orders"), value: (g) => number(g.orders) },
    { key: "revenue", label: t("campaigns.results.revenue"), value: (g) => money(g.revenue, currency) },
    { key: "revenue_per_head", label: t("campaigns.results.perHead"), value: (g) => money(g.revenue_per_head, currency) },
  ]

  return (
    <Container className="divide-y p-0" data-testid="campaign-results">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("campaigns.results.title")}</Heading>
        {data && (
          <Text size="small" className="text-ui-fg-subtle">
            {data.window_ends_at
              ? t("campaigns.results.window", { n: number(data.window_days), date: date(data.window_ends_at) })
              : t("campaigns.results.windowDays", { n: number(data.window_days) })}
          </Text>
        )}
      </div>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : !data ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {isPending ? t("common.states.loading") : null}
        </Text>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-6">
            <Figure label={t("campaigns.results.sent")} value={number(data.sent)} testId="results-sent" />
            <Figure label={t("campaigns.results.delivered")} value={number(data.delivered)} testId="results-delivered" />
            <Figure label={t("campaigns.results.failed")} value={number(data.failed)} testId="results-failed" />
            <Figure label={t("campaigns.results.optedOut")} value={number(data.opted_out)} testId="results-opted-out" />
            <Figure label={t("campaigns.results.giftsGiven")} value={number(data.gifts.given)} testId="results-gifts-given" />
            <Figure label={t("campaigns.results.giftsUsed")} value={number(data.gifts.used)} testId="results-gifts-used" />
          </div>
          <div className="px-6 py-4">
            <Table data-testid="results-groups">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell className="text-start">{t("campaigns.results.figure")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-start">{t("campaigns.results.target")}</Table.HeaderCell>
                  <Table.HeaderCell className="text-start">{t("campaigns.results.holdout")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((row) => (
                  <Table.Row key={row.key} data-testid={`results-${row.key}`}>
                    <Table.Cell>{row.label}</Table.Cell>
                    <Table.Cell data-group="target">{row.value(data.target)}</Table.Cell>
                    <Table.Cell data-group="holdout">{row.value(data.holdout)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="results-lift">
            <Text size="small" weight="plus">
              {t("campaigns.results.lift")}
            </Text>
            {data.lift ? (
              <>
                <Text size="large" weight="plus" data-testid="results-lift-value">
                  {money(data.lift.revenue_per_head, currency)}
                  {data.lift.percent != null && (
                    <span className="text-ui-fg-subtle txt-small ms-2">
                      ({percent(Number(data.lift.percent) / 100)})
                    </span>
                  )}
                </Text>
                <Text size="small" className="text-ui-fg-subtle" data-testid="results-lift-explained">
                  {t("campaigns.results.liftExplained", {
                    low: money(data.lift.ci_low, currency),
                    high: money(data.lift.ci_high, currency),
                  })}{" "}
                  {Number(data.lift.ci_low) <= 0 && Number(data.lift.ci_high) >= 0
                    ? t("campaigns.results.liftUnsure")
                    : t("campaigns.results.liftSure")}
                </Text>
              </>
            ) : (
              <Text size="small" className="text-ui-fg-subtle" data-testid="results-no-lift">
                {t("campaigns.results.noHoldout")}
              </Text>
            )}
          </div>
        </>
      )}
    </Container>
  )
}
