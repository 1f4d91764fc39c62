// Where the customer stands: the tier they hold, the one their orders reach,
// what counts now, and the notes on a pin or a grace period.
import { Badge, Text } from "@medusajs/ui"
import { CustomerTier, formatDate, Tier } from "../../lib/client"
import { tierBenefits } from "../../lib/tier-format"
import { Counted, stillNeeded } from "./progress"

export const CurrentTier = ({
  view,
  tiers,
  current,
  next,
  belowCurrent,
  money,
}: {
  view: CustomerTier
  tiers: Tier[]
  /** The held tier, and the next one, as the shop's tiers list them. */
  current: Tier | undefined
  next: Tier | undefined
  /** The orders no longer meet the held tier's thresholds. */
  belowCurrent: boolean
  money: (amount: string) => string
}) => (
  <div
    className="grid grid-cols-3 gap-4 px-6 py-4"
    data-testid="customer-tier-current"
  >
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle">
        Tier
      </Text>
      <div className="flex flex-wrap items-center gap-2">
        <Text
          size="large"
          weight="plus"
          className={view.tier ? "" : "text-ui-fg-muted"}
          data-testid="customer-tier-name"
        >
          {view.tier?.name ?? "No tier"}
        </Text>
        {view.pinned && (
          <Badge size="2xsmall" color="blue" data-testid="customer-tier-pinned">
            Pinned
          </Badge>
        )}
        {view.grace_ends_at && (
          <Badge size="2xsmall" color="orange">
            In grace
          </Badge>
        )}
      </div>
      {view.tier && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {[
            view.achieved_at ? `Since ${formatDate(view.achieved_at)}` : null,
            ...tierBenefits(view.tier),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      )}
    </div>
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle">
        Orders reach
      </Text>
      <Text
        size="large"
        weight="plus"
        className={view.qualifies_for ? "" : "text-ui-fg-muted"}
      >
        {view.qualifies_for?.name ?? "No tier"}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {tiers.length === 0
          ? "The shop has no tiers yet."
          : view.pinned
            ? "Pinned: orders do not move this customer."
            : !view.qualifies_for && !view.tier
              ? "Not enough orders for a tier yet."
              : view.qualifies_for?.id === view.tier?.id
                ? "Matches the tier."
                : belowCurrent
                  ? `Below ${view.tier?.name}'s thresholds.`
                  : "Applied at the next order or evaluation."}
      </Text>
    </div>
    {view.current && current ? (
      <Counted
        progress={view.current}
        window={current.qualification_window}
        money={money}
      />
    ) : view.next_tier && next ? (
      <Counted
        progress={view.next_tier}
        window={next.qualification_window}
        money={money}
      />
    ) : (
      <div />
    )}
  </div>
)

/** What a pin or a grace period means for this customer; nothing otherwise. */
export const TierNotes = ({
  view,
  money,
}: {
  view: CustomerTier
  money: (amount: string) => string
}) =>
  view.pinned || view.grace_ends_at ? (
    <div className="flex flex-col gap-y-1 px-6 py-3">
      {view.pinned && (
        <Text size="small" data-testid="customer-tier-pin-note">
          <span className="text-ui-fg-subtle">
            Pinned to {view.tier?.name}:{" "}
          </span>
          {view.pin_note || "no note"}
        </Text>
      )}
      {view.grace_ends_at && (
        <Text size="small" data-testid="customer-tier-grace">
          <span className="text-ui-fg-subtle">Grace period: </span>
          keeps {view.tier?.name} until {formatDate(view.grace_ends_at)}.{" "}
          {stillNeeded(view.current, money)
            ? `Needs ${stillNeeded(view.current, money)} to stay; otherwise`
            : "Then"}{" "}
          moves to {view.qualifies_for?.name ?? "no tier"}.
        </Text>
      )}
    </div>
  ) : null
