import { Badge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Data } from "../components/ltr"
import { Amount } from "../components/wallet/amount"
import { Figure } from "../components/wallet/figure"
import { api } from "./api"
import { ClubCard } from "./client"
import { useFormat } from "./format"
import { useLoyaltyTranslation } from "./i18n"
import { loyaltyKeys } from "./query"

/** A club card as the admin API answers it: the tier with its names for shoppers. */
export type AdminClubCard = Omit<ClubCard, "tier"> & {
  tier: { id: string; name: string; names?: Partial<Record<string, string>> | null } | null
}

/**
 * A customer's club card. Under the customer's query key, so a credit,
 * debit, freeze or purchase (which invalidate `customerMoneyKeys`) reloads it.
 */
export function useClubCard(customerId: string) {
  return useQuery({
    queryKey: loyaltyKeys.clubCard(customerId),
    queryFn: () =>
      api<{ club_card: AdminClubCard }>(`/admin/loyalty/customers/${customerId}/club-card`),
    select: (data) => data.club_card,
  })
}

const Amounts = ({ list }: { list: { currency_code: string; amount: string }[] }) =>
  list.length ? (
    <>
      {list.map((m) => (
        <Text key={m.currency_code} size="small" weight="plus">
          <Amount amount={m.amount} currency={m.currency_code} />
        </Text>
      ))}
    </>
  ) : (
    <Text size="small" className="text-ui-fg-muted">
      —
    </Text>
  )

/**
 * One customer's club at a glance, online and in store: shown by the
 * customer widget and after a purchase is registered.
 */
export const ClubCardFigures = ({ card }: { card: AdminClubCard }) => {
  const { t, language } = useLoyaltyTranslation()
  const { number, date } = useFormat()
  const tierName = card.tier
    ? card.tier.names?.[language]?.trim() || card.tier.name
    : null
  return (
    <div className="flex flex-col gap-y-4" data-testid="club-card">
      <div className="grid grid-cols-2 gap-4">
        <Figure label={t("wallet.clubCard.purchases")} testId="club-card-purchases">
          <Text size="large" weight="plus">
            {number(card.purchases)}
          </Text>
        </Figure>
        <Figure label={t("wallet.clubCard.lastVisit")}>
          <Text size="small" weight="plus">
            {date(card.last_visit)}
          </Text>
        </Figure>
        <Figure label={t("wallet.clubCard.totalSpend")}>
          <Amounts list={card.total_spend} />
        </Figure>
        <Figure label={t("wallet.clubCard.cashbackReceived")}>
          <Amounts list={card.cashback_received} />
        </Figure>
        <Figure label={t("wallet.clubCard.balance")} testId="club-card-balance">
          <Amounts
            list={card.balances.map((b) => ({ currency_code: b.currency_code, amount: b.available }))}
          />
        </Figure>
        <Figure label={t("wallet.clubCard.tier")} testId="club-card-tier">
          <Text size="small" weight="plus" className={tierName ? "" : "text-ui-fg-muted"}>
            {tierName ? <Data>{tierName}</Data> : t("common.states.none")}
          </Text>
        </Figure>
      </div>
      <Figure label={t("wallet.clubCard.channels")} testId="club-card-channels">
        {card.channels.length ? (
          <div className="flex flex-wrap gap-1">
            {card.channels.map((c) => (
              <Badge key={c} size="2xsmall">
                <Data>{c}</Data>
              </Badge>
            ))}
          </div>
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            {t("wallet.clubCard.noPurchases")}
          </Text>
        )}
      </Figure>
    </div>
  )
}
