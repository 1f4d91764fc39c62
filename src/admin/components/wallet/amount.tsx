import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"

/**
 * An amount in the shop's unit ("۲۵۰٬۰۰۰ تومان", "250,000 Toman"),
 * isolated in the admin's own direction: the unit stays after the number in
 * Persian, and a minus sign (which Intl leads with a left-to-right mark)
 * cannot flip the pair around.
 */
export const Amount = ({
  amount,
  currency,
  className,
}: {
  amount: string
  currency: string
  className?: string
}) => {
  const { money } = useFormat()
  const { dir } = useLoyaltyTranslation()
  return (
    <bdi dir={dir} className={className}>
      {money(amount, currency)}
    </bdi>
  )
}
