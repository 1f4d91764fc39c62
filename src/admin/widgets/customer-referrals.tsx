import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { SquareTwoStack } from "@medusajs/icons"
import { Button, Container, Text, toast } from "@medusajs/ui"
import { ReactNode } from "react"
import { Ltr } from "../components/ltr"
import {
  CustomerName,
  MoneyList,
  ReferralReasons,
  ReferralReward,
  ReferralStatusBadge,
} from "../components/referrals/referral-parts"
import { WidgetHeader } from "../components/wallet"
import { useErrorText } from "../lib/api"
import { useFormat } from "../lib/format"
import { useLoyaltyTranslation } from "../lib/i18n"
import { CHANNEL_LABEL, Referral, ReferralStats, useCustomerReferrals } from "../lib/referrals"

// The widget shows the newest; the Referrals page has them all.
const LATEST = 10

/** The share link, left to right, and a button that copies it. */
const ShareLink = ({ code, link }: { code: string; link: string }) => {
  const { t } = useLoyaltyTranslation()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      toast.success(t("referrals.customer.copied"))
    } catch {
      // No clipboard outside a secure origin (https or localhost).
      toast.error(t("referrals.customer.copyFailed"))
    }
  }
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-[auto_1fr]" data-testid="customer-referral-code">
      <div className="flex flex-col gap-y-1">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("referrals.customer.code")}
        </Text>
        <Text size="large" weight="plus" data-testid="customer-referral-code-value">
          <Ltr className="font-mono tracking-wider">{code}</Ltr>
        </Text>
      </div>
      <div className="flex min-w-0 flex-col gap-y-1">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("referrals.customer.link")}
        </Text>
        <div className="flex items-center gap-2">
          <div className="bg-ui-bg-subtle min-w-0 flex-1 rounded-md border px-3 py-1.5">
            <Ltr className="txt-compact-small text-ui-fg-base block break-all font-mono">
              <span data-testid="customer-referral-link">{link}</span>
            </Ltr>
          </div>
          <Button size="small" variant="secondary" onClick={copy} data-testid="customer-referral-copy">
            <SquareTwoStack />
            {t("referrals.customer.copy")}
          </Button>
        </div>
      </div>
    </div>
  )
}

/** One figure of the stats. */
const Figure = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="flex flex-col" data-testid={`customer-referral-stat-${id}`}>
    <dt className="txt-compact-xsmall text-ui-fg-subtle">{label}</dt>
    <dd className="txt-compact-medium-plus text-ui-fg-base">{children}</dd>
  </div>
)

/** Friends invited, joined, ordered and rewarded; credit earned and pending. */
const Stats = ({ stats }: { stats: ReferralStats }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4" data-testid="customer-referral-stats">
      <Figure id="invited" label={t("referrals.customer.stats.invited")}>
        {number(stats.invited)}
      </Figure>
      <Figure id="joined" label={t("referrals.customer.stats.joined")}>
        {number(stats.joined)}
      </Figure>
      <Figure id="ordered" label={t("referrals.customer.stats.ordered")}>
        {number(stats.ordered)}
      </Figure>
      <Figure id="rewarded" label={t("referrals.customer.stats.rewarded")}>
        {number(stats.rewarded)}
      </Figure>
      <Figure id="earned" label={t("referrals.customer.stats.earned")}>
        <MoneyList amounts={stats.earned} />
      </Figure>
      <Figure id="pending" label={t("referrals.customer.stats.pending")}>
        <MoneyList amounts={stats.pending} />
      </Figure>
    </dl>
  )
}

/** A referral from this customer's side: the other person, when and how, its status, the reward. */
const ReferralLine = ({ referral: r, side }: { referral: Referral; side: "friend" | "referrer" }) => {
  const { t } = useLoyaltyTranslation()
  const { date } = useFormat()
  return (
    <li
      className="flex items-start justify-between gap-x-3"
      data-testid={side === "friend" ? "customer-referral" : "customer-referred-by"}
      data-status={r.status}
    >
      <div className="flex min-w-0 flex-col gap-y-0.5">
        {side === "friend" ? (
          <CustomerName customer={r.friend} id={r.friend_id} />
        ) : (
          <CustomerName customer={r.referrer} id={r.referrer_id} />
        )}
        <Text size="xsmall" className="text-ui-fg-subtle">
          {[date(r.created_at), t(CHANNEL_LABEL[r.channel])].join(t("common.separator"))}
          {side === "referrer" && (
            <>
              {t("common.separator")}
              {t("referrals.customer.withCode")} <Ltr className="font-mono">{r.code}</Ltr>
            </>
          )}
        </Text>
        <ReferralReasons reasons={r.reasons} referral={r} />
      </div>
      <div className="flex shrink-0 flex-col items-end gap-y-1">
        <ReferralStatusBadge status={r.status} />
        {side === "friend" && <ReferralReward referral={r} quiet end />}
      </div>
    </li>
  )
}

/**
 * The customer's referral code and share link (copied with a click), who
 * referred them and how that went, the friends they brought with each
 * one's status and reward, and what it all earned them.
 */
const CustomerReferralsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const errorText = useErrorText()
  const { data, error, isPending } = useCustomerReferrals(customer.id)
  return (
    <Container className="divide-y p-0" data-loyalty-widget="customer-referrals">
      <WidgetHeader title={t("referrals.customer.title")} description={t("referrals.customer.description")} />
      {error || isPending ? (
        <Text
          size="small"
          className={`px-6 py-4 ${error ? "text-ui-fg-error" : "text-ui-fg-subtle"}`}
          role={error ? "alert" : undefined}
        >
          {error ? errorText(error) : t("common.states.loading")}
        </Text>
      ) : (
        <>
          <div className="flex flex-col gap-y-4 px-6 py-4">
            <ShareLink code={data.code} link={data.link} />
            <Stats stats={data.stats} />
          </div>
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <Text size="small" weight="plus">
              {t("referrals.customer.referredBy")}
            </Text>
            {data.referred_by ? (
              <ul>
                <ReferralLine referral={data.referred_by} side="referrer" />
              </ul>
            ) : (
              <Text size="small" className="text-ui-fg-muted" data-testid="customer-referred-by-none">
                {t("referrals.customer.notReferred")}
              </Text>
            )}
          </div>
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <Text size="small" weight="plus">
              {t("referrals.customer.friends")}
            </Text>
            {data.referrals.length ? (
              <>
                <ul className="flex flex-col gap-y-3" data-testid="customer-referral-list">
                  {data.referrals.slice(0, LATEST).map((r) => (
                    <ReferralLine key={r.id} referral={r} side="friend" />
                  ))}
                </ul>
                {data.referrals.length > LATEST && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {t("referrals.customer.more", {
                      count: data.referrals.length - LATEST,
                      n: number(data.referrals.length - LATEST),
                    })}
                  </Text>
                )}
              </>
            ) : (
              <Text size="small" className="text-ui-fg-muted" data-testid="customer-referrals-none">
                {t("referrals.customer.none")}
              </Text>
            )}
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerReferralsWidget
