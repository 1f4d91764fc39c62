// How far the customer is: what counts now, the next tier's thresholds as
// bars, and the sentences that say when the window moves.
import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { formatDate, Tier, TierProgress } from "../../lib/client"
import { percentOf, tierBenefits, windowSpan } from "../../lib/tier-format"

/** "IRR 95,000,000 more spend and 1 more order", or "" when reached. */
export function stillNeeded(
  progress: TierProgress | null,
  money: (amount: string) => string
) {
  if (!progress) {
    return ""
  }
  const parts: string[] = []
  if (progress.spend_needed != null && progress.spend_needed !== "0") {
    parts.push(`${money(progress.spend_needed)} more spend`)
  }
  if (progress.orders_needed) {
    parts.push(
      `${progress.orders_needed} more ${progress.orders_needed === 1 ? "order" : "orders"}`
    )
  }
  return parts.join(" and ")
}

/** What counts now: spend and orders in a tier's window. */
export const Counted = ({
  progress,
  window,
  money,
}: {
  progress: TierProgress
  window: Tier["qualification_window"]
  money: (amount: string) => string
}) => (
  <div className="flex flex-col gap-y-1" data-testid="customer-tier-counted">
    <Text size="xsmall" className="text-ui-fg-subtle">
      Counted
    </Text>
    <Text size="large" weight="plus">
      {money(progress.spend)}
    </Text>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {progress.orders.toLocaleString()}{" "}
      {progress.orders === 1 ? "order" : "orders"}{" "}
      {windowSpan(window, progress.window_starts_at)}
    </Text>
  </div>
)

/** How far the next tier is: a bar per threshold and when the window moves. */
export const NextTier = ({
  progress,
  tier,
  money,
}: {
  progress: TierProgress & { name: string }
  tier: Tier
  money: (amount: string) => string
}) => {
  const rows: ReactNode[] = []
  if (tier.min_spend != null && progress.spend_needed != null) {
    rows.push(
      <Bar
        key="spend"
        label="Spend"
        percent={percentOf(progress.spend, tier.min_spend)}
        value={`${money(progress.spend)} of ${money(tier.min_spend)}`}
        needed={
          progress.spend_needed === "0"
            ? null
            : `${money(progress.spend_needed)} more`
        }
      />
    )
  }
  if (tier.min_orders != null && progress.orders_needed != null) {
    rows.push(
      <Bar
        key="orders"
        label="Orders"
        percent={
          tier.min_orders > 0
            ? Math.min(
                100,
                Math.floor((progress.orders * 100) / tier.min_orders)
              )
            : 100
        }
        value={`${progress.orders.toLocaleString()} of ${tier.min_orders.toLocaleString()}`}
        needed={
          progress.orders_needed === 0
            ? null
            : `${progress.orders_needed.toLocaleString()} more ${progress.orders_needed === 1 ? "order" : "orders"}`
        }
      />
    )
  }
  return (
    <div
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="customer-tier-next"
    >
      <div>
        <Text size="small" weight="plus">
          Next: {progress.name}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {windowText(tier, progress)}
        </Text>
      </div>
      <div className="grid grid-cols-2 gap-4">{rows}</div>
    </div>
  )
}

function windowText(tier: Tier, progress: TierProgress) {
  const benefits = tierBenefits(tier)
  const gives = benefits.length ? ` Gives ${benefits.join(" and ")}.` : ""
  switch (tier.qualification_window) {
    case "rolling": {
      const drops = progress.window_ends_at
        ? `; the oldest drops out on ${formatDate(progress.window_ends_at)}`
        : ""
      return `Orders of the last ${tier.window_days} days count (${windowSpan("rolling", progress.window_starts_at)})${drops}.${gives}`
    }
    case "calendar_year":
      return `Orders ${windowSpan("calendar_year", progress.window_starts_at)} count; the count starts again on ${formatDate(progress.window_ends_at)}.${gives}`
    default:
      return `Every order ever placed counts.${gives}`
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
  value: string
  needed: string | null
}) => (
  <div className="flex flex-col gap-y-1.5">
    <div className="flex items-baseline justify-between gap-x-2">
      <Text size="xsmall" weight="plus">
        {label}
      </Text>
      <Text
        size="xsmall"
        className={needed ? "text-ui-fg-subtle" : "text-ui-tag-green-text"}
      >
        {needed ?? "Reached"}
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
