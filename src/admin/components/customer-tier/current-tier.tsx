// Where the customer stands: the tier they hold, the one their orders reach,
// what counts now, and the notes on a pin or a grace period.
import { Badge, Text } from "@medusajs/ui"
import { Data } from "../ltr"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import {
  AdminCustomerTier,
  AdminTier,
  AdminTierBrief,
  TierText,
  useTierName,
  useTierSummary,
} from "../../lib/tier-format"
import { Counted, useStillNeeded } from "./progress"

export const CurrentTier = ({
  view,
  tiers,
  current,
  next,
  belowCurrent,
}: {
  view: AdminCustomerTier
  tiers: AdminTier[]
  /** The held tier, and the next one, as the shop's tiers list them. */
  current: AdminTier | undefined
  next: AdminTier | undefined
  /** The orders no longer meet the held tier's thresholds. */
  belowCurrent: boolean
}) => {
  const { t } = useLoyaltyTranslation()
  const { date } = useFormat()
  const name = useBriefName(tiers)
  const summary = useTierSummary()
  const since = view.achieved_at ? (
    <TierText key="since" i18nKey="tiers.customer.since" values={{ date: date(view.achieved_at) }} />
  ) : null
  const held = [...(since ? [since] : []), ...(view.tier ? summary.benefits(view.tier) : [])]
  const currency = view.currency_code

  return (
    <div className="grid grid-cols-3 gap-4 px-6 py-4" data-testid="customer-tier-current">
      <div className="flex flex-col gap-y-1">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("tiers.customer.tier")}
        </Text>
        <div className="flex flex-wrap items-center gap-2">
          <Text
            size="large"
            weight="plus"
            className={view.tier ? "" : "text-ui-fg-muted"}
            data-testid="customer-tier-name"
          >
            {view.tier ? <Data>{name(view.tier)}</Data> : t("tiers.customer.noTier")}
          </Text>
          {view.pinned && (
            <Badge size="2xsmall" color="blue" data-testid="customer-tier-pinned">
              {t("tiers.customer.pinned")}
            </Badge>
          )}
          {view.grace_ends_at && (
            <Badge size="2xsmall" color="orange">
              {t("tiers.customer.inGrace")}
            </Badge>
          )}
        </div>
        {held.length > 0 && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {held.map((part, i) => (
              <span key={part.key}>
                {i > 0 && t("common.separator")}
                {part}
              </span>
            ))}
          </Text>
        )}
      </div>
      <div className="flex flex-col gap-y-1">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("tiers.customer.reaches")}
        </Text>
        <Text
          size="large"
          weight="plus"
          className={view.qualifies_for ? "" : "text-ui-fg-muted"}
          data-testid="customer-tier-reaches"
        >
          {view.qualifies_for ? <Data>{name(view.qualifies_for)}</Data> : t("tiers.customer.noTier")}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {tiers.length === 0 ? (
            t("tiers.customer.reachesNote.noTiers")
          ) : view.pinned ? (
            t("tiers.customer.reachesNote.pinned")
          ) : !view.qualifies_for && !view.tier ? (
            t("tiers.customer.reachesNote.notYet")
          ) : view.qualifies_for?.id === view.tier?.id ? (
            t("tiers.customer.reachesNote.matches")
          ) : belowCurrent && view.tier ? (
            <TierText i18nKey="tiers.customer.reachesNote.below" values={{ tier: name(view.tier) }} />
          ) : (
            t("tiers.customer.reachesNote.later")
          )}
        </Text>
      </div>
      {currency && view.current && current ? (
        <Counted progress={view.current} currency={currency} />
      ) : currency && view.next_tier && next ? (
        <Counted progress={view.next_tier} currency={currency} />
      ) : (
        <div />
      )}
    </div>
  )
}

/** What a pin or a grace period means for this customer; nothing otherwise. */
export const TierNotes = ({
  view,
  tiers,
}: {
  view: AdminCustomerTier
  tiers: AdminTier[]
}) => {
  const { t } = useLoyaltyTranslation()
  const { date } = useFormat()
  const name = useBriefName(tiers)
  const stillNeeded = useStillNeeded(view.currency_code)
  if (!view.pinned && !view.grace_ends_at) {
    return null
  }
  const tier = view.tier ? name(view.tier) : t("tiers.customer.noTier")
  const next = view.qualifies_for ? name(view.qualifies_for) : t("tiers.customer.noTier")
  const needed = stillNeeded(view.current)
  return (
    <div className="flex flex-col gap-y-1 px-6 py-3">
      {view.pinned && (
        <Text size="small" data-testid="customer-tier-pin-note">
          {view.pin_note ? (
            <TierText i18nKey="tiers.customer.pinNote" values={{ tier, note: view.pin_note }} />
          ) : (
            <TierText i18nKey="tiers.customer.pinNoNote" values={{ tier }} />
          )}
        </Text>
      )}
      {view.grace_ends_at && (
        <Text size="small" data-testid="customer-tier-grace">
          {needed ? (
            <TierText
              i18nKey="tiers.customer.grace.needs"
              values={{ tier, date: date(view.grace_ends_at), needed, next }}
            />
          ) : (
            <TierText
              i18nKey="tiers.customer.grace.then"
              values={{ tier, date: date(view.grace_ends_at), next }}
            />
          )}
        </Text>
      )}
    </div>
  )
}

/** A tier of the customer's view by its admin name (the shop's list has its names). */
export function useBriefName(tiers: AdminTier[]) {
  const name = useTierName()
  return (brief: AdminTierBrief) => name(tiers.find((t) => t.id === brief.id) ?? brief)
}
