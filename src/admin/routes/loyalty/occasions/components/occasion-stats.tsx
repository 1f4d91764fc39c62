import { Text } from "@medusajs/ui"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { OccasionStats as Stats } from "../../../../lib/occasions"

/** What an occasion did this year: sent, gifts, redeemed, skipped. */
export const OccasionStats = ({ stats }: { stats: Stats }) => {
  const { t, locale } = useLoyaltyTranslation()
  const { number } = useFormat()
  // A year is a name, not a quantity: no thousands separator.
  const year = /^\d+$/.test(stats.year)
    ? new Intl.NumberFormat(locale, { useGrouping: false }).format(Number(stats.year))
    : stats.year
  const figures = [
    ["sent", t("occasions.stats.sent"), stats.sent],
    ["gifts", t("occasions.stats.gifts"), stats.gifts],
    ["redeemed", t("occasions.stats.redeemed"), stats.redeemed],
    ["skipped", t("occasions.stats.skipped"), stats.skipped],
  ] as const
  return (
    <div className="flex shrink-0 flex-col gap-y-1" data-testid="occasion-stats">
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("occasions.stats.year", { year })}
      </Text>
      <dl className="flex gap-x-4">
        {figures.map(([id, label, value]) => (
          <div key={id} className="flex flex-col" data-testid={`occasion-stat-${id}`}>
            <dt className="txt-compact-xsmall text-ui-fg-subtle">{label}</dt>
            <dd className="txt-compact-medium-plus text-ui-fg-base">{number(value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
