import { Text } from "@medusajs/ui"
import { useCallback } from "react"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import {
  CHANNEL_MIX_LABEL,
  FIELD_LABEL,
  GREGORIAN_MONTH,
  isGroup,
  JALALI_MONTH,
  RFM_LABEL,
  SegmentCondition,
  SegmentGroup,
  SegmentOptions,
} from "../../../../lib/segments"

/** A condition in a shop owner's words: "Spend in the last 90 days: at least 500,000 Toman". */
export function useConditionWords(options?: SegmentOptions) {
  const { t } = useLoyaltyTranslation()
  const { money, number } = useFormat()
  const separator = t("common.separator")

  const windowLabel = useCallback(
    (days: number | null) =>
      days == null ? t("segments.builder.allTime") : t("segments.builder.lastDays", { n: number(days) }),
    [number, t]
  )

  const describe = useCallback(
    (c: SegmentCondition): string => {
      const bound = (min?: string | number, max?: string | number, show: (v: any) => string = number) =>
        min != null && min !== "" && max != null && max !== ""
          ? t("segments.words.between", { min: show(min), max: show(max) })
          : min != null && min !== ""
            ? t("segments.words.atLeast", { min: show(min) })
            : max != null && max !== ""
              ? t("segments.words.atMost", { max: show(max) })
              : t("segments.builder.any")
      const names = (ids: string[], list: { id: string; name: string }[] | undefined) =>
        ids.map((id) => list?.find((x) => x.id === id)?.name ?? id).join(separator)
      switch (c.field) {
        case "tier":
          return c.tier_ids
            .map((id) => (id === "none" ? t("segments.builder.noTier") : names([id], options?.tiers)))
            .join(separator)
        case "balance":
          return bound(c.min, c.max, (v) => money(v, c.currency_code))
        case "expiring_credit":
          return t("segments.words.expiring", {
            n: number(c.within_days),
            min: c.min && c.currency_code ? money(c.min, c.currency_code) : t("segments.builder.any"),
          })
        case "spend":
          return `${windowLabel(c.window_days)}${separator}${bound(c.min, c.max, (v) => money(v, c.currency_code))}`
        case "orders":
          return `${windowLabel(c.window_days)}${separator}${bound(c.min, c.max)}`
        case "days_since_last_order":
          return bound(c.min, c.max)
        case "r_score":
        case "f_score":
        case "m_score":
        case "l_score":
          return bound(c.min, c.max)
        case "rfm_segment":
          return c.segments.map((s) => t(RFM_LABEL[s])).join(separator)
        case "channel_mix":
          return c.values.map((v) => t(CHANNEL_MIX_LABEL[v])).join(separator)
        case "till_location":
          return c.locations.join(separator)
        case "interest":
          return names(c.category_ids, options?.categories)
        case "birthday_month":
          return c.months
            .map((m) => t((c.calendar === "gregorian" ? GREGORIAN_MONTH : JALALI_MONTH)[m - 1] ?? JALALI_MONTH[0]))
            .join(separator)
        case "customer_group":
          return names(c.group_ids, options?.customer_groups)
        case "sms_opted_in":
          return c.value ? t("segments.builder.optedIn") : t("segments.builder.notOptedIn")
      }
    },
    [money, number, options, separator, t, windowLabel]
  )

  return { windowLabel, describe }
}

/** The saved conditions, read-only, nested as they were built. */
export const ConditionSummary = ({
  group,
  options,
  depth = 1,
}: {
  group: SegmentGroup
  options?: SegmentOptions
  depth?: number
}) => {
  const { t } = useLoyaltyTranslation()
  const { describe } = useConditionWords(options)
  return (
    <div className={`flex flex-col gap-y-1 ${depth > 1 ? "border-ui-border-base border-s-2 ps-3" : ""}`} data-testid="segment-summary">
      <Text size="small" className="text-ui-fg-subtle">
        {group.match === "all" ? t("segments.words.matchAll") : t("segments.words.matchAny")}
      </Text>
      <ul className="flex flex-col gap-y-1">
        {group.conditions.map((node, i) => (
          <li key={i}>
            {isGroup(node) ? (
              <ConditionSummary group={node} options={options} depth={depth + 1} />
            ) : (
              <Text size="small">
                <span className="font-medium">{t(FIELD_LABEL[node.field])}</span>
                {t("segments.words.colon")}
                <bdi>{describe(node)}</bdi>
              </Text>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
