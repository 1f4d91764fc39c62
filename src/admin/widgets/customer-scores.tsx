import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { Data, Ltr } from "../components/ltr"
import { WidgetHeader } from "../components/wallet"
import { useErrorText } from "../lib/api"
import { CustomerCampaign, useCustomerCampaigns } from "../lib/campaigns"
import { useFormat } from "../lib/format"
import { useLoyaltyTranslation } from "../lib/i18n"
import { CHANNEL_MIX_LABEL, CustomerScore, RFM_LABEL, useCustomerScore } from "../lib/segments"

const SCORES = [
  { key: "r_score", label: "segments.customer.r" },
  { key: "f_score", label: "segments.customer.f" },
  { key: "m_score", label: "segments.customer.m" },
  { key: "l_score", label: "segments.customer.l" },
] as const

/** What a message of a campaign did for this customer, in words. */
const MESSAGE_STATE: Record<string, string> = {
  queued: "campaigns.customer.queued",
  sending: "campaigns.customer.queued",
  sent: "campaigns.customer.sent",
  failed: "campaigns.customer.failed",
  skipped: "campaigns.customer.skipped",
}

const Scores = ({ score }: { score: CustomerScore }) => {
  const { t } = useLoyaltyTranslation()
  const { number, date } = useFormat()
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      <div className="grid grid-cols-4 gap-3" data-testid="customer-scores-values">
        {SCORES.map(({ key, label }) => (
          <div key={key} className="bg-ui-bg-subtle flex flex-col items-center rounded-md px-2 py-2">
            <Text size="xsmall" className="text-ui-fg-subtle text-center">
              {t(label)}
            </Text>
            <Text size="xlarge" weight="plus" data-testid={`customer-score-${key}`} data-score={score[key]}>
              {number(score[key])}
            </Text>
          </div>
        ))}
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <div className="flex flex-col gap-y-1">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("segments.customer.segment")}
          </Text>
          <Text size="small" weight="plus" data-testid="customer-segment" data-segment={score.segment ?? ""}>
            {score.segment ? t(RFM_LABEL[score.segment]) : t("segments.customer.noOrders")}
          </Text>
          {score.segment && score.previous_segment && score.previous_segment !== score.segment && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("segments.customer.was", {
                segment: t(RFM_LABEL[score.previous_segment]),
                date: date(score.segment_since),
              })}
            </Text>
          )}
        </div>
        <div className="flex flex-col gap-y-1">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("segments.customer.channel")}
          </Text>
          <Text size="small" data-testid="customer-channel-mix">
            {score.channel_mix ? t(CHANNEL_MIX_LABEL[score.channel_mix]) : "—"}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("segments.customer.orders", {
              online: number(score.orders_online),
              store: number(score.orders_store),
            })}
          </Text>
        </div>
      </div>
      <div className="flex flex-col gap-y-1">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("segments.customer.interests")}
        </Text>
        {score.interests?.length ? (
          <div className="flex flex-wrap gap-1" data-testid="customer-interests">
            {score.interests.map((i) => (
              <Badge key={i.category_id} size="2xsmall">
                <Data>{i.name}</Data>
              </Badge>
            ))}
          </div>
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            {t("segments.customer.noInterests")}
          </Text>
        )}
      </div>
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("segments.customer.scoredAt", { date: date(score.scored_at) })}
      </Text>
    </div>
  )
}

const CampaignLine = ({ c }: { c: CustomerCampaign }) => {
  const { t } = useLoyaltyTranslation()
  const { date } = useFormat()
  return (
    <li className="flex items-start justify-between gap-x-3" data-testid="customer-campaign">
      <div className="flex min-w-0 flex-col">
        <Link to={`/loyalty/campaigns/${c.id}`} className="text-ui-fg-interactive txt-compact-small hover:underline">
          <Data>{c.name}</Data>
        </Link>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {date(c.entered_at)}
          {c.gift?.code && (
            <>
              {t("common.separator")}
              <Ltr className="font-mono">{c.gift.code}</Ltr>
            </>
          )}
        </Text>
      </div>
      <Badge size="2xsmall" color={c.holdout ? "grey" : c.message?.status === "sent" ? "green" : "orange"}>
        {c.holdout
          ? t("campaigns.customer.holdout")
          : c.message
            ? t(MESSAGE_STATE[c.message.status] ?? "campaigns.customer.queued")
            : t("campaigns.customer.noMessage")}
      </Badge>
    </li>
  )
}

/**
 * The customer's RFM and membership scores, their named segment, whether
 * they buy online, in store or both, their top categories, and the
 * campaigns that reached (or held out) them.
 */
const CustomerScoresWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useLoyaltyTranslation()
  const errorText = useErrorText()
  const score = useCustomerScore(customer.id)
  const campaigns = useCustomerCampaigns(customer.id)
  return (
    <Container className="divide-y p-0" data-loyalty-widget="customer-scores">
      <WidgetHeader title={t("segments.customer.title")} description={t("segments.customer.description")} />
      {score.error || score.isPending ? (
        <Text size="small" className={`px-6 py-4 ${score.error ? "text-ui-fg-error" : "text-ui-fg-subtle"}`} role={score.error ? "alert" : undefined}>
          {score.error ? errorText(score.error) : t("common.states.loading")}
        </Text>
      ) : score.data ? (
        <Scores score={score.data} />
      ) : (
        <Text size="small" className="text-ui-fg-muted px-6 py-4" data-testid="customer-scores-none">
          {t("segments.customer.notScored")}
        </Text>
      )}
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Text size="small" weight="plus">
          {t("campaigns.customer.title")}
        </Text>
        {campaigns.error ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {errorText(campaigns.error)}
          </Text>
        ) : !campaigns.data ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.states.loading")}
          </Text>
        ) : campaigns.data.length ? (
          <ul className="flex flex-col gap-y-3" data-testid="customer-campaigns">
            {campaigns.data.slice(0, 10).map((c) => (
              <CampaignLine key={`${c.id}-${c.entered_at}`} c={c} />
            ))}
          </ul>
        ) : (
          <Text size="small" className="text-ui-fg-muted" data-testid="customer-campaigns-none">
            {t("campaigns.customer.none")}
          </Text>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerScoresWidget
