import { Text } from "@medusajs/ui"
import { useErrorText } from "../../lib/api"
import { Gift, useCustomerGifts } from "../../lib/codes"
import { useFormat } from "../../lib/format"
import { useLoyaltyTranslation } from "../../lib/i18n"
import { OCCASION_LABEL, OccasionKind } from "../../lib/occasions"
import { CodeText } from "../../routes/loyalty/codes/components/batch-figures"
import { GiftStateBadge } from "../codes/batch-status"
import { useDiscountText } from "../codes/discount-text"
import { Amount } from "../wallet/amount"

const isKind = (kind: string | null): kind is OccasionKind => !!kind && kind in OCCASION_LABEL

/** One code or credit gift: what it is, what it gives, why, its state and expiry. */
const GiftLine = ({ gift }: { gift: Gift }) => {
  const { t } = useLoyaltyTranslation()
  const { date } = useFormat()
  const discountText = useDiscountText()
  const why = isKind(gift.occasion)
    ? t("occasions.customer.fromOccasion", { occasion: t(OCCASION_LABEL[gift.occasion]) })
    : gift.type === "code"
      ? t("occasions.customer.fromStaff")
      : null
  return (
    <li
      className="flex items-start justify-between gap-x-3"
      data-testid="customer-gift"
      data-type={gift.type}
      data-code={gift.code ?? undefined}
    >
      <div className="flex min-w-0 flex-col gap-y-0.5">
        <Text size="small" weight="plus">
          {gift.type === "code" && gift.code ? (
            <CodeText code={gift.code} />
          ) : gift.amount && gift.currency_code ? (
            <>
              {t("occasions.customer.credit")} <Amount amount={gift.amount} currency={gift.currency_code} />
            </>
          ) : (
            t("occasions.customer.credit")
          )}
        </Text>
        {gift.discount && (
          <Text size="xsmall" className="text-ui-fg-subtle" data-testid="customer-gift-discount">
            {discountText(gift.discount)}
          </Text>
        )}
        <Text size="xsmall" className="text-ui-fg-subtle">
          {[why, gift.expires_at ? t("occasions.customer.expires", { date: date(gift.expires_at) }) : t("occasions.customer.noExpiry")]
            .filter(Boolean)
            .join(t("common.separator"))}
        </Text>
      </div>
      <div className="shrink-0">
        <GiftStateBadge state={gift.state} />
      </div>
    </li>
  )
}

// The widget shows the newest; the Codes page has every batch's codes.
const LATEST = 10

/** The customer's codes and gifts, newest first. */
export const GiftList = ({ customerId }: { customerId: string }) => {
  const { t } = useLoyaltyTranslation()
  const { number } = useFormat()
  const errorText = useErrorText()
  const { data, error, isPending } = useCustomerGifts(customerId)
  if (error) {
    return (
      <Text size="small" className="text-ui-fg-error" role="alert">
        {errorText(error)}
      </Text>
    )
  }
  if (isPending) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {t("common.states.loading")}
      </Text>
    )
  }
  if (!data.gifts.length) {
    return (
      <Text size="small" className="text-ui-fg-muted" data-testid="customer-gifts-none">
        {t("occasions.customer.none")}
      </Text>
    )
  }
  return (
    <div className="flex flex-col gap-y-2">
      <ul className="flex flex-col gap-y-3" data-testid="customer-gift-list">
        {data.gifts.slice(0, LATEST).map((gift) => (
          <GiftLine key={gift.id} gift={gift} />
        ))}
      </ul>
      {data.count > LATEST && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("occasions.customer.more", { count: data.count - LATEST, n: number(data.count - LATEST) })}
        </Text>
      )}
    </div>
  )
}
