import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { FilterSelect } from "../../../../components/filter-select"
import { Ltr } from "../../../../components/ltr"
import { CustomerName, MoneyList } from "../../../../components/referrals/referral-parts"
import { useErrorText } from "../../../../lib/api"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { useTopReferrers } from "../../../../lib/referrals"

type Period = "30" | "90" | "365"

const PERIOD_LABEL = {
  "30": "referrals.top.periods.last30",
  "90": "referrals.top.periods.last90",
  "365": "referrals.top.periods.last365",
} as const satisfies Record<Period, string>

const PERIODS: Period[] = ["30", "90", "365"]

const LIMIT = 10

/**
 * The members who brought the most friends, ever or in the last days: how
 * many friends, how many ordered and were rewarded, and the credit earned
 * and still pending.
 */
export const TopReferrers = () => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const errorText = useErrorText()
  const [period, setPeriod] = useState<Period | "">("")
  // Fixed when the period is chosen, so the query key stays the same.
  const from = useMemo(
    () => (period ? new Date(Date.now() - Number(period) * 86_400_000).toISOString() : undefined),
    [period]
  )
  const { data, error, isPending } = useTopReferrers({ limit: LIMIT, from })

  const header = [
    ["member", t("referrals.top.columns.member")],
    ["referrals", t("referrals.top.columns.referrals")],
    ["ordered", t("referrals.top.columns.ordered")],
    ["rewarded", t("referrals.top.columns.rewarded")],
    ["earned", t("referrals.top.columns.earned")],
    ["pending", t("referrals.top.columns.pending")],
  ] as const

  return (
    <Container className="divide-y p-0" data-testid="top-referrers">
      <div className="flex flex-col items-start justify-between gap-3 px-6 py-4 md:flex-row md:items-center">
        <div className="flex flex-col">
          <Heading level="h2">{t("referrals.top.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("referrals.top.description")}
          </Text>
        </div>
        <div className="w-[170px] shrink-0">
          <FilterSelect
            value={period}
            onChange={setPeriod}
            anyLabel={t("referrals.top.periods.all")}
            options={PERIODS.map((p) => ({ value: p, label: t(PERIOD_LABEL[p]) }))}
            ariaLabel={t("referrals.top.period")}
            testId="top-referrers-period"
          />
        </div>
      </div>
      {error ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4" role="alert">
          {errorText(error)}
        </Text>
      ) : isPending ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {t("common.states.loading")}
        </Text>
      ) : !data.length ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4" data-testid="top-referrers-none">
          {period ? t("referrals.top.emptyPeriod") : t("referrals.top.empty")}
        </Text>
      ) : (
        <Table className="[&_th]:text-start">
          <Table.Header>
            <Table.Row>
              {header.map(([id, label]) => (
                <Table.HeaderCell key={id}>{label}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.map((r) => (
              <Table.Row key={r.customer.id} data-testid="top-referrer" data-customer={r.customer.id}>
                <Table.Cell>
                  <div className="flex flex-col py-2">
                    <CustomerName customer={r.customer} />
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      <Ltr className="font-mono">{r.code}</Ltr>
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell data-testid="top-referrer-referrals">{number(r.referrals)}</Table.Cell>
                <Table.Cell>{number(r.ordered)}</Table.Cell>
                <Table.Cell>{number(r.rewarded)}</Table.Cell>
                <Table.Cell>
                  <MoneyList amounts={r.earned} testId="top-referrer-earned" />
                </Table.Cell>
                <Table.Cell>
                  <MoneyList amounts={r.pending_amount} testId="top-referrer-pending" />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
