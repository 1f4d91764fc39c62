import { clx, Text } from "@medusajs/ui"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  REFERRAL_STATUSES,
  ReferralCounts,
  ReferralStatus,
  STATUS_HINT,
  STATUS_LABEL,
} from "../../../../lib/referrals"

/**
 * How many referrals each status has, all of them first; a click shows only
 * that status (again: all), and the chosen status says what it means.
 */
export const StatusCounts = ({
  counts,
  selected,
  onSelect,
}: {
  counts: ReferralCounts | undefined
  selected: ReferralStatus | ""
  onSelect: (status: ReferralStatus | "") => void
}) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const total = REFERRAL_STATUSES.reduce((sum, s) => sum + (counts?.[s] ?? 0), 0)
  const figures: [ReferralStatus | "", string, number][] = [
    ["", t("referrals.counts.all"), total],
    ...REFERRAL_STATUSES.map((s): [ReferralStatus, string, number] => [s, t(STATUS_LABEL[s]), counts?.[s] ?? 0]),
  ]
  return (
    <div className="flex flex-col gap-y-2 px-6 py-3" data-testid="referral-counts">
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("referrals.counts.label")}>
        {figures.map(([status, label, value]) => (
          <button
            key={status || "all"}
            type="button"
            aria-pressed={selected === status}
            onClick={() => onSelect(selected === status ? "" : status)}
            className={clx(
              "flex min-w-[84px] flex-col items-start rounded-lg border px-3 py-1.5 text-start outline-none transition-fg",
              "hover:bg-ui-bg-base-hover focus-visible:shadow-borders-focus",
              selected === status ? "bg-ui-bg-highlight border-ui-border-interactive" : "bg-ui-bg-base"
            )}
            data-testid="referral-count"
            data-status={status || "all"}
            data-count={value}
          >
            <span className="txt-compact-xsmall text-ui-fg-subtle">{label}</span>
            <span className="txt-compact-medium-plus text-ui-fg-base">{counts ? number(value) : "—"}</span>
          </button>
        ))}
      </div>
      {selected && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="referral-status-hint">
          {t(STATUS_HINT[selected])}
        </Text>
      )}
    </div>
  )
}
