// How far the customer is: what counts now, the next tier's thresholds as
// bars, and the sentences that say when the window moves.
import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { TierProgress } from "../../lib/client"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import {
  AdminTier,
  percentOf,
  TierText,
  TierWindow,
  useTierName,
  useTierSummary,
} from "../../lib/tier-format"

/** "9,500,000 Toman more spend and 1 more order", or "" when reached. */
export function useStillNeeded(currency: string | null) {
  const { t } = useLoyaltyTranslation()
  const { money, number } = useFormat()
  return (progress: TierProgress | null) => {
    if (!progress) {
      return ""
    }
    const spend =
      currency && progress.spend_needed != null && progress.spend_needed !== "0"
        ? t("tiers.customer.needed.spend", { amount: money(progress.spend_needed, currency) })
        : ""
    const orders = progress.orders_needed
      ? t("tiers.customer.needed.orders", {
          count: progress.orders_needed,
          orders: number(progress.orders_needed),
        })
      : ""
    return spend && orders
      ? t("tiers.customer.needed.both", { spend, orders })
      : spend || orders
  }
}

/** What counts now: spend and orders in a tier's window. */
export const Counted = ({
  progress,
  currency,
}: {
  progress: TierProgress
  currency: string
}) => {
  const { t } = useLoyaltyTranslation()
  const { money, number, date } = useFormat()
  return (
    <div className="flex flex-col gap-y-1" data-testid="customer-tier-counted">
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("tiers.customer.counted.label")}
      </Text>
      <Text size="large" weight="plus">
        {money(progress.spend, currency)}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {progress.window_starts_at ? (
          <TierText
            i18nKey="tiers.customer.counted.since"
            count={progress.orders}
            values={{ orders: number(progress.orders), date: date(progress.window_starts_at) }}
          />
        ) : (
          <TierText
            i18nKey="tiers.customer.counted.all"
            count={progress.orders}
            values={{ orders: number(progress.orders) }}
          />
        )}
      </Text>
    </div>
  )
}

/** How far the next tier is: a bar per threshold and when the window moves. */
export const NextTier = ({
  progress,
  tier,
}: {
  progress: TierProgress
  tier: AdminTier
}) => {
  const { t } = useLoyaltyTranslation()
  const { money, number } = useFormat()
  const name = useTierName()
  const summary = useTierSummary()
  const benefits = summary.benefits(tier)
  const currency = tier.currency_code
  const rows: ReactNode[] = []
  if (tier.min_spend != null && progress.spend_needed != null) {
    rows.push(
      <Bar
        key="spend"
        label={t("tiers.customer.next.spend")}
        percent={percentOf(progress.spend, tier.min_spend)}
        value={
          <TierText
            i18nKey="tiers.customer.next.of"
            values={{
              value: money(progress.spend, currency),
              target: money(tier.min_spend, currency),
            }}
          />
        }
        needed={
          progress.spend_needed === "0"
            ? null
            : t("tiers.customer.needed.spend", {
                amount: money(progress.spend_needed, currency),
              })
        }
      />
    )
  }
  if (tier.min_orders != null && progress.orders_needed != null) {
    rows.push(
      <Bar
        key="orders"
        label={t("tiers.customer.next.orders")}
        percent={
          tier.min_orders > 0
            ? Math.min(100, Math.floor((progress.orders * 100) / tier.min_orders))
            : 100
        }
        value={
          <TierText
            i18nKey="tiers.customer.next.of"
            values={{ value: number(progress.orders), target: number(tier.min_orders) }}
          />
        }
        needed={
          progress.orders_needed === 0
            ? null
            : t("tiers.customer.needed.orders", {
                count: progress.orders_needed,
                orders: number(progress.orders_needed),
              })
        }
      />
    )
  }
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="customer-tier-next">
      <div className="flex flex-col gap-y-0.5">
        <Text size="small" weight="plus">
          <TierText i18nKey="tiers.customer.next.title" values={{ tier: name(tier) }} />
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          <WindowText window={tier.qualification_window} days={tier.window_days} progress={progress} />
        </Text>
        {benefits.length > 0 && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("tiers.customer.next.gives")}{" "}
            {benefits.map((b, i) => (
              <span key={b.key}>
                {i > 0 && t("common.separator")}
                {b}
              </span>
            ))}
          </Text>
        )}
      </div>
      <div className="grid grid-cols-2 gap-4">{rows}</div>
    </div>
  )
}

/** Which orders count and when the count moves, for the tier's window. */
const WindowText = ({
  window,
  days,
  progress,
}: {
  window: TierWindow
  days: number | null
  progress: TierProgress
}) => {
  const { number, date } = useFormat()
  const start = date(progress.window_starts_at)
  const end = date(progress.window_ends_at)
  switch (window) {
    case "rolling":
      return (
        <>
          <TierText
            i18nKey="tiers.customer.window.rolling"
            count={days ?? 0}
            values={{ days: number(days ?? 0), start }}
          />
          {progress.window_ends_at && (
            <>
              {" "}
              <TierText i18nKey="tiers.customer.window.rollingDrops" values={{ end }} />
            </>
          )}
        </>
      )
    case "calendar_year":
      return (
        <TierText i18nKey="tiers.customer.window.calendarYear" values={{ start, end }} />
      )
    case "jalali_year":
      return <TierText i18nKey="tiers.customer.window.jalaliYear" values={{ start, end }} />
    default:
      return <TierText i18nKey="tiers.customer.window.lifetime" />
  }
}

const Bar = ({
  label,
  percent,
  value,
  needed,
}: {
  label: string
  percent: number
  value: ReactNode
  needed: string | null
}) => {
  const { t } = useLoyaltyTranslation()
  return (
    <div className="flex flex-col gap-y-1.5">
      <div className="flex items-baseline justify-between gap-x-2">
        <Text size="xsmall" weight="plus">
          {label}
        </Text>
        <Text
          size="xsmall"
          className={needed ? "text-ui-fg-subtle" : "text-ui-tag-green-text"}
        >
          {needed ?? t("tiers.customer.next.reached")}
        </Text>
      </div>
      <div
        className="bg-ui-bg-component h-1.5 overflow-hidden rounded-full"
        role="progressbar"
        aria-label={label}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div
          className={`h-full rounded-full ${needed ? "bg-ui-fg-interactive" : "bg-ui-tag-green-icon"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {value}
      </Text>
    </div>
  )
}
