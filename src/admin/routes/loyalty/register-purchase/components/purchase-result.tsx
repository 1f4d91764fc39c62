import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Data, Ltr } from "../../../../components/ltr"
import { Amount } from "../../../../components/wallet/amount"
import { api } from "../../../../lib/api"
import { RegisteredPurchase, sumDecimals } from "../../../../lib/client"
import { ClubCardFigures } from "../../../../lib/club-card"
import { useFormat } from "../../../../lib/format"
import { useLoyaltyTranslation } from "../../../../lib/i18n"
import { loyaltyKeys } from "../../../../lib/query"

export type PurchaseResultProps = {
  result: RegisteredPurchase
  /** The purchase's currency and the phone as typed. */
  currency: string
  phone: string
}

type Customer = { first_name: string | null; last_name: string | null; phone: string | null }

/**
 * What a registered purchase did: the member (new or known), the cashback
 * credited (and when pending cashback becomes available), then the member's
 * club card as it is now: balance, tier, purchases.
 */
export const PurchaseResult = ({ result, currency, phone }: PurchaseResultProps) => {
  const { t } = useLoyaltyTranslation()
  const { date } = useFormat()
  const { purchase, cashback, club_card } = result
  const customerId = purchase.customer_id

  const { data: customer } = useQuery({
    queryKey: [...loyaltyKeys.customer(customerId), "profile"],
    queryFn: () =>
      api<{ customer: Customer }>(`/admin/customers/${customerId}`, {
        query: { fields: "id,first_name,last_name,phone" },
      }),
    select: (body) => body.customer,
  })
  const name = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ")
  const now = new Date()
  const pending = cashback.filter((c) => c.available_at && new Date(c.available_at) > now)
  // The rule by the shop's name (the ledger's note only for an entry without a rule).
  const ruleName = (c: (typeof cashback)[number]) => c.rule?.name ?? c.note
  const lines = cashback.filter((c) => cashback.length > 1 || ruleName(c) || pending.includes(c))

  return (
    <Container className="divide-y p-0" data-testid="purchase-result">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">{t("till.purchase.result.title")}</Heading>
          {purchase.new_member && (
            <Badge size="2xsmall" color="green" data-testid="purchase-new-member">
              {t("till.purchase.result.newMember")}
            </Badge>
          )}
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to={`/customers/${customerId}`} data-testid="purchase-customer-link">
            {t("till.purchase.result.openCustomer")}
          </Link>
        </Button>
      </div>
      <div className="grid grid-cols-1 gap-6 px-6 py-4 md:grid-cols-2">
        <div className="flex flex-col gap-y-0.5" data-testid="purchase-member">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("till.purchase.result.member")}
          </Text>
          {name && (
            <Text size="small" weight="plus">
              <Data>{name}</Data>
            </Text>
          )}
          <Text size={name ? "xsmall" : "small"} className={name ? "text-ui-fg-subtle" : ""}>
            <Ltr>{customer?.phone ?? phone}</Ltr>
          </Text>
        </div>
        <div className="flex flex-col gap-y-0.5" data-testid="purchase-cashback">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("till.purchase.result.cashback")}
          </Text>
          <Text size="small" weight="plus">
            {cashback.length ? (
              <Amount amount={sumDecimals(cashback.map((c) => c.amount))} currency={currency} />
            ) : (
              t("till.purchase.result.noCashback")
            )}
          </Text>
          {lines.map((c, i) => (
            <Text key={i} size="xsmall" className="text-ui-fg-subtle">
              {cashback.length > 1 && <Amount amount={c.amount} currency={currency} />}
              {cashback.length > 1 && ruleName(c) && t("common.separator")}
              {ruleName(c) && <Data>{ruleName(c)}</Data>}
              {pending.includes(c) &&
                `${t("common.separator")}${t("till.purchase.result.availableFrom", { date: date(c.available_at) })}`}
            </Text>
          ))}
          {pending.length > 0 && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("till.purchase.result.pendingHint")}
            </Text>
          )}
        </div>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Text size="small" weight="plus">
          {t("till.purchase.result.clubCard")}
        </Text>
        <ClubCardFigures card={club_card} />
      </div>
    </Container>
  )
}
